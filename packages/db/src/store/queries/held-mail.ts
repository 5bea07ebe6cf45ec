// The queries of queries/held-mail.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/held-mail.js';

export type * from '../../queries/held-mail.js';

export const insertHeldMail = write(sqlite.insertHeldMail, notOnPostgresYet('insertHeldMail'));
export const heldMailOfTicket = read(sqlite.heldMailOfTicket, notOnPostgresYet('heldMailOfTicket'));
export const getHeldMail = read(sqlite.getHeldMail, notOnPostgresYet('getHeldMail'));
export const decideHeldMail = write(sqlite.decideHeldMail, notOnPostgresYet('decideHeldMail'));
export const insertContactForSender = write(sqlite.insertContactForSender, notOnPostgresYet('insertContactForSender'));
export const lastMessageIdOfTicket = read(sqlite.lastMessageIdOfTicket, notOnPostgresYet('lastMessageIdOfTicket'));
