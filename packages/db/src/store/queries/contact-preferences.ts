// The queries of queries/contact-preferences.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/contact-preferences.js';
import * as pg from '../../pg/queries/contact-preferences.js';

export type * from '../../queries/contact-preferences.js';

export const getContactPreferences = read(sqlite.getContactPreferences, pg.getContactPreferencesPg);
export const saveContactPreferences = write(sqlite.saveContactPreferences, pg.saveContactPreferencesPg);
export const accountLanguage = read(sqlite.accountLanguage, pg.accountLanguagePg);
