// The queries of queries/outbox.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/outbox.js';
import * as pg from '../../pg/queries/outbox.js';

export type * from '../../queries/outbox.js';
export { messageIdFor } from '../../queries/outbox.js';

export const enqueueMail = write(sqlite.enqueueMail, pg.enqueueMailPg);
export const claimDueMail = write(sqlite.claimDueMail, pg.claimDueMailPg);
export const markMailSent = write(sqlite.markMailSent, pg.markMailSentPg);
export const markMailFailed = write(sqlite.markMailFailed, pg.markMailFailedPg);
export const listOutbox = read(sqlite.listOutbox, pg.listOutboxPg);
export const getOutboxMail = read(sqlite.getOutboxMail, pg.getOutboxMailPg);
export const outboxForTicket = read(sqlite.outboxForTicket, pg.outboxForTicketPg);
export const firstMailMessageIdOfTicket = read(sqlite.firstMailMessageIdOfTicket, pg.firstMailMessageIdOfTicketPg);
export const ticketOfSentMessageId = read(sqlite.ticketOfSentMessageId, pg.ticketOfSentMessageIdPg);
