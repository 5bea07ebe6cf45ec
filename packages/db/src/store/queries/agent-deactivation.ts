// The queries of queries/agent-deactivation.ts for the store: each with its engine's function (see ../dispatch.ts).
import { write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/agent-deactivation.js';

export type * from '../../queries/agent-deactivation.js';

export const deactivateAgent = write(sqlite.deactivateAgent, notOnPostgresYet('deactivateAgent'));
export const reactivateAgent = write(sqlite.reactivateAgent, notOnPostgresYet('reactivateAgent'));
