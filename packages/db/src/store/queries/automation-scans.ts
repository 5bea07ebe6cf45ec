// The queries of queries/automation-scans.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/automation-scans.js';
import * as pg from '../../pg/queries/automation-scans.js';

export type * from '../../queries/automation-scans.js';

export const waitingTicketsBatch = read(sqlite.waitingTicketsBatch, pg.waitingTicketsBatchPg);
export const resolvedTicketsBatch = read(sqlite.resolvedTicketsBatch, pg.resolvedTicketsBatchPg);
export const customerServicesSince = read(sqlite.customerServicesSince, pg.customerServicesSincePg);
export const departmentAgentLoads = read(sqlite.departmentAgentLoads, pg.departmentAgentLoadsPg);
export const isAgentStillActive = read(sqlite.isAgentStillActive, pg.isAgentStillActivePg);
