// The queries of queries/automation-scans.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/automation-scans.js';

export type * from '../../queries/automation-scans.js';

export const waitingTicketsBatch = read(sqlite.waitingTicketsBatch, notOnPostgresYet('waitingTicketsBatch'));
export const resolvedTicketsBatch = read(sqlite.resolvedTicketsBatch, notOnPostgresYet('resolvedTicketsBatch'));
export const customerServicesSince = read(sqlite.customerServicesSince, notOnPostgresYet('customerServicesSince'));
export const departmentAgentLoads = read(sqlite.departmentAgentLoads, notOnPostgresYet('departmentAgentLoads'));
