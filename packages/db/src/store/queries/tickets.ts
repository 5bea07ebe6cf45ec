// The queries of queries/tickets.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/tickets.js';
import * as pg from '../../pg/queries/tickets.js';

export type * from '../../queries/tickets.js';
export { ticketStateOf, AttachmentClaimError } from '../../queries/tickets.js';

export const getTicket = read(sqlite.getTicket, pg.getTicketPg);
export const customerTabCounts = read(sqlite.customerTabCounts, pg.customerTabCountsPg);
export const listCustomerTickets = read(sqlite.listCustomerTickets, pg.listCustomerTicketsPg);
export const ticketOfIdempotencyKey = read(sqlite.ticketOfIdempotencyKey, notOnPostgresYet('ticketOfIdempotencyKey'));
export const recordIdempotencyKey = write(sqlite.recordIdempotencyKey, notOnPostgresYet('recordIdempotencyKey'));
export const insertTicket = write(sqlite.insertTicket, notOnPostgresYet('insertTicket'));
export const insertTicketEvents = write(sqlite.insertTicketEvents, notOnPostgresYet('insertTicketEvents'));
export const lockTicket = read(sqlite.lockTicket, notOnPostgresYet('lockTicket'));
export const writeTicketChange = write(sqlite.writeTicketChange, notOnPostgresYet('writeTicketChange'));
export const hasInboundReceipt = read(sqlite.hasInboundReceipt, notOnPostgresYet('hasInboundReceipt'));
export const setAnswerClock = write(sqlite.setAnswerClock, notOnPostgresYet('setAnswerClock'));
