// The queries of queries/audit-log.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/audit-log.js';
import * as pg from '../../pg/queries/audit-log.js';

export type * from '../../queries/audit-log.js';

export const recordAudit = write(sqlite.recordAudit, pg.recordAuditPg);
export const listAudit = read(sqlite.listAudit, pg.listAuditPg);
