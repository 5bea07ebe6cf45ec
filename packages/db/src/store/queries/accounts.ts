// The queries of queries/accounts.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/accounts.js';
import * as pg from '../../pg/queries/accounts.js';

export type * from '../../queries/accounts.js';

export const findAccountByEmail = read(sqlite.findAccountByEmail, pg.findAccountByEmailPg);
export const findAccount = read(sqlite.findAccount, pg.findAccountPg);
export const isAgentActive = read(sqlite.isAgentActive, pg.isAgentActivePg);
export const listActiveAgents = read(sqlite.listActiveAgents, pg.listActiveAgentsPg);
