// The queries of queries/customer-ticket-page.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/customer-ticket-page.js';
import * as pg from '../../pg/queries/customer-ticket-page.js';

export type * from '../../queries/customer-ticket-page.js';

export const customerTicketPage = read(sqlite.customerTicketPage, pg.customerTicketPagePg);
