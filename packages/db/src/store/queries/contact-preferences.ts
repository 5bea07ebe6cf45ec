// The queries of queries/contact-preferences.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/contact-preferences.js';

export type * from '../../queries/contact-preferences.js';

export const getContactPreferences = read(sqlite.getContactPreferences, notOnPostgresYet('getContactPreferences'));
export const saveContactPreferences = write(sqlite.saveContactPreferences, notOnPostgresYet('saveContactPreferences'));
export const accountLanguage = read(sqlite.accountLanguage, notOnPostgresYet('accountLanguage'));
