// The queries of queries/company-tickets.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/company-tickets.js';

export type * from '../../queries/company-tickets.js';

export const managedCompanyOf = read(sqlite.managedCompanyOf, notOnPostgresYet('managedCompanyOf'));
export const companyContacts = read(sqlite.companyContacts, notOnPostgresYet('companyContacts'));
export const listCompanyTickets = read(sqlite.listCompanyTickets, notOnPostgresYet('listCompanyTickets'));
