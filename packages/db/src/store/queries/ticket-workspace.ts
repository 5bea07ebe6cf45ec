// The queries of queries/ticket-workspace.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/ticket-workspace.js';
import * as pg from '../../pg/queries/ticket-workspace.js';

export type * from '../../queries/ticket-workspace.js';

export const ticketCustomerCard = read(sqlite.ticketCustomerCard, pg.ticketCustomerCardPg);
export const otherRecentTickets = read(sqlite.otherRecentTickets, pg.otherRecentTicketsPg);
export const moveTicketMessages = write(sqlite.moveTicketMessages, pg.moveTicketMessagesPg);
