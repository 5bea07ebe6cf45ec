// The queries of queries/customer-search.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/customer-search.js';
import * as pg from '../../pg/queries/customer-search.js';

export type * from '../../queries/customer-search.js';
export { CUSTOMER_SEARCH_LIMIT } from '../../queries/customer-search.js';

export const searchCustomerTickets = read(sqlite.searchCustomerTickets, pg.searchCustomerTicketsPg);
