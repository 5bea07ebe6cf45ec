// The queries of queries/contact-records.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/contact-records.js';
import * as pg from '../../pg/queries/contact-records.js';

export type * from '../../queries/contact-records.js';

export const findContactByAnyEmail = read(sqlite.findContactByAnyEmail, pg.findContactByAnyEmailPg);
export const listContactEmails = read(sqlite.listContactEmails, pg.listContactEmailsPg);
export const insertContact = write(sqlite.insertContact, pg.insertContactPg);
export const updateContact = write(sqlite.updateContact, pg.updateContactPg);
export const setContactActive = write(sqlite.setContactActive, pg.setContactActivePg);
export const insertCompany = write(sqlite.insertCompany, pg.insertCompanyPg);
export const updateCompany = write(sqlite.updateCompany, pg.updateCompanyPg);
export const listCompanies = read(sqlite.listCompanies, pg.listCompaniesPg);
export const companiesByIds = read(sqlite.companiesByIds, pg.companiesByIdsPg);
