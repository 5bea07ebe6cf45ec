// The queries of queries/company-tickets.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/company-tickets.js';
import * as pg from '../../pg/queries/company-tickets.js';

export type * from '../../queries/company-tickets.js';

export const managedCompanyOf = read(sqlite.managedCompanyOf, pg.managedCompanyOfPg);
export const companyContacts = read(sqlite.companyContacts, pg.companyContactsPg);
export const listCompanyTickets = read(sqlite.listCompanyTickets, pg.listCompanyTicketsPg);
