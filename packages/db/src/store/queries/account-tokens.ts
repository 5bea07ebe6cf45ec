// The queries of queries/account-tokens.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/account-tokens.js';
import * as pg from '../../pg/queries/account-tokens.js';

export type * from '../../queries/account-tokens.js';

export const insertAccountToken = write(sqlite.insertAccountToken, pg.insertAccountTokenPg);
export const findUsableAccountToken = read(sqlite.findUsableAccountToken, pg.findUsableAccountTokenPg);
export const consumeAccountToken = write(sqlite.consumeAccountToken, pg.consumeAccountTokenPg);
export const spendSignInLink = write(sqlite.spendSignInLink, pg.spendSignInLinkPg);
export const changeAccountPassword = write(sqlite.changeAccountPassword, pg.changeAccountPasswordPg);
