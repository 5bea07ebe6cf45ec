// The queries of queries/held-mail.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/held-mail.js';
import * as pg from '../../pg/queries/held-mail.js';

export type * from '../../queries/held-mail.js';

export const insertHeldMail = write(sqlite.insertHeldMail, pg.insertHeldMailPg);
export const heldMailOfTicket = read(sqlite.heldMailOfTicket, pg.heldMailOfTicketPg);
export const getHeldMail = read(sqlite.getHeldMail, pg.getHeldMailPg);
export const decideHeldMail = write(sqlite.decideHeldMail, pg.decideHeldMailPg);
export const insertContactForSender = write(sqlite.insertContactForSender, pg.insertContactForSenderPg);
export const lastMessageIdOfTicket = read(sqlite.lastMessageIdOfTicket, pg.lastMessageIdOfTicketPg);
