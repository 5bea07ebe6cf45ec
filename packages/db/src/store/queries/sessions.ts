// The queries of queries/sessions.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/sessions.js';
import * as pg from '../../pg/queries/sessions.js';

export type * from '../../queries/sessions.js';

export const insertSession = write(sqlite.insertSession, pg.insertSessionPg);
export const findSession = read(sqlite.findSession, pg.findSessionPg);
export const touchSession = write(sqlite.touchSession, pg.touchSessionPg);
export const deleteSession = write(sqlite.deleteSession, pg.deleteSessionPg);
export const deleteExpiredSessions = write(sqlite.deleteExpiredSessions, pg.deleteExpiredSessionsPg);
export const deleteSessionsOf = write(sqlite.deleteSessionsOf, pg.deleteSessionsOfPg);
export const findSessionWithAccount = read(sqlite.findSessionWithAccount, pg.findSessionWithAccountPg);
