// The queries of queries/accounts.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/accounts.js';

export type * from '../../queries/accounts.js';

export const findAccountByEmail = read(sqlite.findAccountByEmail, notOnPostgresYet('findAccountByEmail'));
export const findAccount = read(sqlite.findAccount, notOnPostgresYet('findAccount'));
export const isAgentActive = read(sqlite.isAgentActive, notOnPostgresYet('isAgentActive'));
export const listActiveAgents = read(sqlite.listActiveAgents, notOnPostgresYet('listActiveAgents'));
