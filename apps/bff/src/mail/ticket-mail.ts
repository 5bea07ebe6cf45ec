import { customerDates, emailSentEvent } from '@atende/domain';
import { findAccount, getAutomationSettings, getCompanySettings, getContactPreferences, type ContactPreferences, getOrCreateSecret, type Account, type Database, type NewOutboxMail, type NewTicketEvent, type TicketRecord } from '@atende/db/store';
import type { Config } from '../config.js';
import { createRatingToken } from '../ratings/rating-token.js';
import { replyAddressFor } from './reply-address.js';
import { renderMail, type MailData, type MailKind } from './templates.js';

export type MailConfig = Pick<Config, 'publicUrl' | 'mailReplyDomain'>;

/** An e-mail and the history line that records its text on the ticket (seed 000). */
export interface TicketNotice {
  mail: NewOutboxMail;
  event: NewTicketEvent;
}

/** The reads ticketNotice makes; a run of many notices (the automation runner) passes cheaper ones. */
export interface NoticeReads {
  account: (kind: 'contact' | 'agent', id: number) => Account | null | Promise<Account | null>;
  secret: (name: 'rating_link' | 'reply_address') => string | Promise<string>;
}

/**
 * Builds one ticket e-mail for the outbox, addressed to the ticket's contact (or, for `reopened`, the
 * assignee), with the per-ticket Reply-To and, for closings, the five star links. Runs inside the
 * caller's transaction; `dedupeKey` names the change that causes it.
 */
export async function ticketNotice(
  tx: Database,
  config: MailConfig,
  params: { ticket: TicketRecord; kind: MailKind; dedupeKey: string; now: number; body?: string; daysLeft?: number },
  reads: NoticeReads = { account: (kind, id) => findAccount(tx, kind, id), secret: (name) => getOrCreateSecret(tx, name) },
): Promise<TicketNotice | null> {
  const { ticket, kind } = params;
  const recipient = kind === 'reopened' ? (ticket.assigneeId !== null ? await reads.account('agent', ticket.assigneeId) : null) : await reads.account('contact', ticket.requesterId);
  if (!recipient || !recipient.active) return null;
  // A contact's choices (issue 15): which ticket e-mails they want.
  const preferences = recipient.kind === 'contact' ? await getContactPreferences(tx, recipient.id) : null;
  if (preferences && !wantsTicketMail(preferences, kind)) return null;
  const ticketUrl = `${config.publicUrl}${kind === 'reopened' ? `/console/chamados/${ticket.id}` : `/painel/chamados/${ticket.id}`}`;
  const data: MailData = { ticketId: ticket.id, ticketSubject: ticket.subject, ticketUrl, recipientName: recipient.name };
  // The recipient's own language: the contact's, or for `reopened` the assignee's (issue 15).
  if (recipient.language === 'en') data.language = 'en';
  if (params.body !== undefined) data.body = params.body;
  if (params.daysLeft !== undefined) data.daysLeft = params.daysLeft;
  if (kind === 'resolved' || kind === 'agent_update') Object.assign(data, await customerDatesForMail(tx, ticket, data.language === 'en' ? 'en-GB' : 'pt-BR'));
  if ((kind === 'closed' || kind === 'auto_closed') && ticket.ratingDueUntil !== null) {
    const token = createRatingToken(await reads.secret('rating_link'), { ticketId: ticket.id, closing: ticket.closingCount, expiresAt: ticket.ratingDueUntil });
    data.starLinks = [1, 2, 3, 4, 5].map((n) => `${config.publicUrl}/avaliar/${token}?nota=${n}`);
  }
  const content = renderMail(kind, data);
  const replySecret = await reads.secret('reply_address');
  return {
    mail: {
      dedupeKey: params.dedupeKey,
      ticketId: ticket.id,
      kind,
      toAddress: recipient.email,
      replyTo: replyAddressFor(replySecret, ticket.id, config.mailReplyDomain),
      subject: content.subject,
      textBody: content.text,
      htmlBody: content.html,
      messageDomain: config.mailReplyDomain,
    },
    event: emailSentEvent({ kind, to: recipient.email, subject: content.subject, text: content.text }, params.now),
  };
}

/** The visit, agreed and answer-by dates (issue 15), as the company's calendar writes them. */
async function customerDatesForMail(tx: Database, ticket: TicketRecord, locale: string): Promise<Pick<MailData, 'answerBy' | 'dueDate'>> {
  const dates = customerDates(ticket, (await getAutomationSettings(tx)).approvalTimeout);
  const { timeZone } = await getCompanySettings(tx);
  const day = (epoch: number, withYear: boolean) =>
    new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', ...(withYear ? { year: 'numeric' } : {}), timeZone }).format(new Date(epoch));
  const out: Pick<MailData, 'answerBy' | 'dueDate'> = {};
  if (dates.answerBy) out.answerBy = { date: day(dates.answerBy.at, false), outcome: dates.answerBy.outcome };
  if (dates.visitAt !== null) out.dueDate = { kind: 'visit', date: day(dates.visitAt, true) };
  else if (dates.agreedAt !== null) out.dueDate = { kind: 'agreed', date: day(dates.agreedAt, true) };
  return out;
}

/**
 * The contact's notification preferences (issue 15): updates (received, agent update, resolved),
 * reminders, rating requests (the closing e-mails with stars). The refusal of a reply they sent, and
 * every security e-mail (reset, invitation: AccountMailer), are always sent.
 */
function wantsTicketMail(preferences: ContactPreferences, kind: MailKind): boolean {
  switch (kind) {
    case 'ticket_received':
    case 'agent_update':
    case 'resolved':
      return preferences.notifyUpdates;
    case 'reminder':
      return preferences.notifyReminders;
    case 'closed':
    case 'auto_closed':
      return preferences.notifyRatingRequests;
    default:
      return true;
  }
}
