// The queries of queries/outbox.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/outbox.js';
import * as pg from '../../pg/queries/outbox.js';

export type * from '../../queries/outbox.js';
export { messageIdFor } from '../../queries/outbox.js';

export const enqueueMail = write(sqlite.enqueueMail, pg.enqueueMailPg);
export const claimDueMail = write(sqlite.claimDueMail, pg.claimDueMailPg);
export const markMailSent = write(sqlite.markMailSent, notOnPostgresYet('markMailSent'));
export const markMailFailed = write(sqlite.markMailFailed, notOnPostgresYet('markMailFailed'));
export const listOutbox = read(sqlite.listOutbox, notOnPostgresYet('listOutbox'));
export const getOutboxMail = read(sqlite.getOutboxMail, notOnPostgresYet('getOutboxMail'));
export const outboxForTicket = read(sqlite.outboxForTicket, notOnPostgresYet('outboxForTicket'));
export const firstMailMessageIdOfTicket = read(sqlite.firstMailMessageIdOfTicket, notOnPostgresYet('firstMailMessageIdOfTicket'));
export const ticketOfSentMessageId = read(sqlite.ticketOfSentMessageId, notOnPostgresYet('ticketOfSentMessageId'));
