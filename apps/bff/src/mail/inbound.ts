import { enqueueMail, findAccountByEmail, getOrCreateSecret, writeTransaction } from '@atende/db';
import { simpleParser, type AddressObject } from 'mailparser';
import type { Deps } from '../http/app-env.js';
import { changeTicketAs } from '../tickets/apply-ticket-action.js';
import { ticketOfReplyAddress } from './reply-address.js';
import { stripQuoted } from './strip-quoted.js';
import { ticketNotice } from './ticket-mail.js';

export type InboundOutcome =
  | { outcome: 'added'; ticketId: number; reopened: boolean }
  | { outcome: 'refused_answered'; ticketId: number; reason: string }
  | { outcome: 'ignored'; reason: 'no_ticket_token' | 'unknown_sender' | 'empty' | 'ticket_missing' | 'duplicate' };

const MAX_BODY = 20_000;

function addresses(list: AddressObject | AddressObject[] | undefined): string[] {
  if (!list) return [];
  return (Array.isArray(list) ? list : [list]).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}

/**
 * A reply to a ticket e-mail (from the SMTP listener or the HTTP endpoint). The Reply-To token names
 * the ticket; the sender must be its requester. The new text (quoted original stripped) becomes a
 * customer message, reopening a closed ticket when the rules allow; otherwise the sender is told how
 * to open a new ticket. Anything else changes nothing and is logged.
 */
export async function receiveMail(deps: Pick<Deps, 'db' | 'config' | 'logger' | 'now'>, raw: Buffer | string, envelopeRecipients: string[] = []): Promise<InboundOutcome> {
  const parsed = await simpleParser(raw);
  const { db, logger } = deps;
  const secret = getOrCreateSecret(db, 'reply_address');
  const recipients = [...envelopeRecipients, ...addresses(parsed.to), ...addresses(parsed.cc)];
  const ticketId = recipients.map((r) => ticketOfReplyAddress(secret, r)).find((id) => id !== null) ?? null;
  const sender = addresses(parsed.from)[0]?.toLowerCase() ?? '';
  const log = { sender, recipients, messageId: parsed.messageId };
  if (ticketId === null) {
    logger.warn(log, 'inbound mail ignored: no valid ticket token');
    return { outcome: 'ignored', reason: 'no_ticket_token' };
  }
  const account = findAccountByEmail(db, sender);
  if (!account || account.kind !== 'contact' || !account.active) {
    logger.warn({ ...log, ticketId }, 'inbound mail ignored: sender is not the ticket requester');
    return { outcome: 'ignored', reason: 'unknown_sender' };
  }
  const body = stripQuoted(parsed.text ?? '').slice(0, MAX_BODY);
  if (body === '') {
    logger.warn({ ...log, ticketId }, 'inbound mail ignored: empty reply');
    return { outcome: 'ignored', reason: 'empty' };
  }
  const now = deps.now();
  // The one ticket-change path: it reads the ticket once, and the access rule keeps a sender who is
  // not the ticket's contact out (not_found on a ticket that exists).
  const result = changeTicketAs(
    { db, mailConfig: deps.config, now },
    {
      ticketId,
      actor: { kind: 'contact', id: account.id },
      action: { type: 'customer_reply', via: 'email' },
      message: { body, visibility: 'public' },
      ...(parsed.messageId ? { inboundMessageId: parsed.messageId } : {}),
    },
  );
  if (result.ok) return { outcome: 'added', ticketId, reopened: result.before.status === 'closed' };
  const refused = result.ticket;
  if (refused === null) {
    logger.warn(log, 'inbound mail ignored: ticket missing');
    return { outcome: 'ignored', reason: 'ticket_missing' };
  }
  if (result.code === 'not_found') {
    logger.warn({ ...log, ticketId }, 'inbound mail ignored: sender is not the ticket requester');
    return { outcome: 'ignored', reason: 'unknown_sender' };
  }
  if (result.code === 'duplicate') {
    logger.info({ ...log, ticketId }, 'inbound mail already taken in');
    return { outcome: 'ignored', reason: 'duplicate' };
  }
  // Closed and not reopenable: a polite answer on how to open a new ticket, recorded once per message.
  writeTransaction(db, (tx) => {
    const notice = ticketNotice(tx, deps.config, { ticket: refused, kind: 'reply_refused', dedupeKey: `reply_refused:${ticketId}:${parsed.messageId ?? now}`, now });
    if (notice) enqueueMail(tx, notice.mail, now);
  });
  logger.info({ ...log, ticketId, reason: result.code }, 'inbound reply refused; sender told how to open a new ticket');
  return { outcome: 'refused_answered', ticketId, reason: result.code };
}
