// The queries of queries/contact-import.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/contact-import.js';
import * as pg from '../../pg/queries/contact-import.js';

export type * from '../../queries/contact-import.js';

export const contactImportLookups = read(sqlite.contactImportLookups, pg.contactImportLookupsPg);
export const importContacts = write(sqlite.importContacts, pg.importContactsPg);
