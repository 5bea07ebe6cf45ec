// The queries of queries/agent-queues.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/agent-queues.js';
import * as pg from '../../pg/queries/agent-queues.js';

export type * from '../../queries/agent-queues.js';
export { AGENT_QUEUES, QUEUE_SORTS, QUEUE_COUNT_CAP } from '../../queries/agent-queues.js';

export const listAgentQueue = read(sqlite.listAgentQueue, pg.listAgentQueuePg);
export const agentQueueCounts = read(sqlite.agentQueueCounts, pg.agentQueueCountsPg);
export const agentQueueWithCounts = read(sqlite.agentQueueWithCounts, pg.agentQueueWithCountsPg);
