// The queries of queries/agent-deactivation.ts for the store: each with its engine's function (see ../dispatch.ts).
import { write } from '../dispatch.js';
import * as sqlite from '../../queries/agent-deactivation.js';
import * as pg from '../../pg/queries/agent-deactivation.js';

export type * from '../../queries/agent-deactivation.js';

export const deactivateAgent = write(sqlite.deactivateAgent, pg.deactivateAgentPg);
export const reactivateAgent = write(sqlite.reactivateAgent, pg.reactivateAgentPg);
