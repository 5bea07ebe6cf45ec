// The queries of queries/tagged-panel-reads.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/tagged-panel-reads.js';
import * as pg from '../../pg/queries/tagged-panel-reads.js';

export type * from '../../queries/tagged-panel-reads.js';

export const customerTabCountsTagged = read(sqlite.customerTabCountsTagged, pg.customerTabCountsTaggedPg);
export const listCustomerTicketsTagged = read(sqlite.listCustomerTicketsTagged, pg.listCustomerTicketsTaggedPg);
