// The queries of queries/contact-records.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/contact-records.js';

export type * from '../../queries/contact-records.js';

export const findContactByAnyEmail = read(sqlite.findContactByAnyEmail, notOnPostgresYet('findContactByAnyEmail'));
export const listContactEmails = read(sqlite.listContactEmails, notOnPostgresYet('listContactEmails'));
export const insertContact = write(sqlite.insertContact, notOnPostgresYet('insertContact'));
export const updateContact = write(sqlite.updateContact, notOnPostgresYet('updateContact'));
export const setContactActive = write(sqlite.setContactActive, notOnPostgresYet('setContactActive'));
export const insertCompany = write(sqlite.insertCompany, notOnPostgresYet('insertCompany'));
export const updateCompany = write(sqlite.updateCompany, notOnPostgresYet('updateCompany'));
export const listCompanies = read(sqlite.listCompanies, notOnPostgresYet('listCompanies'));
export const companiesByIds = read(sqlite.companiesByIds, notOnPostgresYet('companiesByIds'));
