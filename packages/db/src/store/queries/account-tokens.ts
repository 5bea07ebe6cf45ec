// The queries of queries/account-tokens.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/account-tokens.js';

export type * from '../../queries/account-tokens.js';

export const insertAccountToken = write(sqlite.insertAccountToken, notOnPostgresYet('insertAccountToken'));
export const findUsableAccountToken = read(sqlite.findUsableAccountToken, notOnPostgresYet('findUsableAccountToken'));
export const consumeAccountToken = write(sqlite.consumeAccountToken, notOnPostgresYet('consumeAccountToken'));
export const spendSignInLink = write(sqlite.spendSignInLink, notOnPostgresYet('spendSignInLink'));
export const changeAccountPassword = write(sqlite.changeAccountPassword, notOnPostgresYet('changeAccountPassword'));
