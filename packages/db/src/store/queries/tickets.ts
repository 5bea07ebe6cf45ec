// The queries of queries/tickets.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/tickets.js';
import * as pg from '../../pg/queries/tickets.js';

export type * from '../../queries/tickets.js';
export { ticketStateOf, AttachmentClaimError } from '../../queries/tickets.js';

export const getTicket = read(sqlite.getTicket, pg.getTicketPg);
export const customerTabCounts = read(sqlite.customerTabCounts, pg.customerTabCountsPg);
export const listCustomerTickets = read(sqlite.listCustomerTickets, pg.listCustomerTicketsPg);
export const ticketOfIdempotencyKey = read(sqlite.ticketOfIdempotencyKey, pg.ticketOfIdempotencyKeyPg);
export const recordIdempotencyKey = write(sqlite.recordIdempotencyKey, pg.recordIdempotencyKeyPg);
export const insertTicket = write(sqlite.insertTicket, pg.insertTicketPg);
export const insertTicketEvents = write(sqlite.insertTicketEvents, pg.insertTicketEventsPg);
export const lockTicket = read(sqlite.lockTicket, pg.lockTicketPg);
export const writeTicketChange = write(sqlite.writeTicketChange, pg.writeTicketChangePg);
export const hasInboundReceipt = read(sqlite.hasInboundReceipt, pg.hasInboundReceiptPg);
