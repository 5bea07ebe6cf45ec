// The queries of queries/directory.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/directory.js';
import * as pg from '../../pg/queries/directory.js';

export type * from '../../queries/directory.js';

export const searchDirectory = read(sqlite.searchDirectory, pg.searchDirectoryPg);
export const getCompany = read(sqlite.getCompany, pg.getCompanyPg);
export const getDirectoryContact = read(sqlite.getDirectoryContact, pg.getDirectoryContactPg);
export const listCompanyContacts = read(sqlite.listCompanyContacts, pg.listCompanyContactsPg);
export const listContactTickets = read(sqlite.listContactTickets, pg.listContactTicketsPg);
