// The queries of queries/ticket-workspace.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/ticket-workspace.js';

export type * from '../../queries/ticket-workspace.js';

export const ticketCustomerCard = read(sqlite.ticketCustomerCard, notOnPostgresYet('ticketCustomerCard'));
export const otherRecentTickets = read(sqlite.otherRecentTickets, notOnPostgresYet('otherRecentTickets'));
export const moveTicketMessages = write(sqlite.moveTicketMessages, notOnPostgresYet('moveTicketMessages'));
