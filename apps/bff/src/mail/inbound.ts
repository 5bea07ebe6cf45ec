import { decide } from '@atende/domain';
import { changeTicket, enqueueMail, hasInboundReceipt, findAccountByEmail, getOrCreateSecret, getPortalSettings, getTicket, isAgentActive, ticketStateOf, writeTransaction, type NewTicketEvent, getCompanySettings } from '@atende/db';
import { simpleParser, type AddressObject } from 'mailparser';
import type { Deps } from '../http/app-env.js';
import { noticesForAction } from './notices-for-action.js';
import { ticketOfReplyAddress } from './reply-address.js';
import { stripQuoted } from './strip-quoted.js';
import { scanMime } from './mime-limits.js';
import { ticketNotice } from './ticket-mail.js';

export type InboundOutcome =
  | { outcome: 'added'; ticketId: number; reopened: boolean }
  | { outcome: 'refused_answered'; ticketId: number; reason: string }
  | { outcome: 'ignored'; reason: 'no_ticket_token' | 'unknown_sender' | 'empty' | 'ticket_missing' | 'duplicate' };

const MAX_BODY = 20_000;

/** A message the MIME parser must not (or could not) take: answered 554 over SMTP, 422 over HTTP, never retried. */
export class MalformedMailError extends Error {
  constructor(readonly reason: string) {
    super(`malformed mail: ${reason}`);
  }
}

/** What the transport knows about a message: the SMTP envelope sender (or the webhook's Return-Path). */
export interface InboundEnvelope {
  mailFrom: string | null;
  clientAddress?: string;
}

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
export async function receiveMail(deps: Pick<Deps, 'db' | 'config' | 'logger' | 'now'>, raw: Buffer | string, envelopeRecipients: string[] = [], envelope: InboundEnvelope = { mailFrom: null }): Promise<InboundOutcome> {
  const scan = scanMime(raw);
  if (!scan.ok) throw new MalformedMailError(scan.reason);
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await simpleParser(raw);
  } catch (error) {
    throw new MalformedMailError(error instanceof Error ? error.message : 'unparseable');
  }
  void envelope;
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
  const ticket = getTicket(db, ticketId);
  if (!ticket) {
    logger.warn(log, 'inbound mail ignored: ticket missing');
    return { outcome: 'ignored', reason: 'ticket_missing' };
  }
  const account = findAccountByEmail(db, sender);
  if (!account || account.kind !== 'contact' || !account.active || account.id !== ticket.requesterId) {
    logger.warn({ ...log, ticketId }, 'inbound mail ignored: sender is not the ticket requester');
    return { outcome: 'ignored', reason: 'unknown_sender' };
  }
  const body = stripQuoted(parsed.text ?? '').slice(0, MAX_BODY);
  if (body === '') {
    logger.warn({ ...log, ticketId }, 'inbound mail ignored: empty reply');
    return { outcome: 'ignored', reason: 'empty' };
  }
  const now = deps.now();
  const actor = { kind: 'contact' as const, id: account.id };
  let reopened = false;
  const result = changeTicket(db, {
    ticketId,
    now,
    decide: (current) => {
      // A retried delivery of the same message (webhook retry, MTA resend) adds nothing twice.
      if (parsed.messageId && hasInboundReceipt(db, parsed.messageId)) return { ok: false, code: 'duplicate' };
      const decision = decide(ticketStateOf(current), { type: 'customer_reply' }, actor, {
        now,
        policy: getPortalSettings(db),
        clock: getCompanySettings(db),
        assigneeActive: current.assigneeId !== null && isAgentActive(db, current.assigneeId),
      });
      if (!decision.ok) return decision;
      const events: NewTicketEvent[] = [];
      if (decision.statusChange) {
        reopened = decision.statusChange.from === 'closed';
        events.push({ actorKind: 'contact', actorId: account.id, type: reopened ? 'reopened' : 'status_changed', fromStatus: decision.statusChange.from, toStatus: decision.statusChange.to, data: { action: 'customer_reply', via: 'email' }, createdAt: now });
      }
      const notices = noticesForAction(db, deps.config, { before: current, decision, action: { type: 'customer_reply' }, actorKind: 'contact', message: { body, visibility: 'public' }, now });
      events.push(...notices.map((n) => n.event));
      return { ok: true, next: decision.next, message: { authorKind: 'contact', authorId: account.id, visibility: 'public', body, createdAt: now }, events, mail: notices.map((n) => n.mail), ...(parsed.messageId ? { inboundMessageId: parsed.messageId } : {}) };
    },
  });
  if (result.ok) return { outcome: 'added', ticketId, reopened };
  if (result.code === 'duplicate') {
    logger.info({ ...log, ticketId }, 'inbound mail already taken in');
    return { outcome: 'ignored', reason: 'duplicate' };
  }
  // Closed and not reopenable: a polite answer on how to open a new ticket, recorded once per message.
  writeTransaction(db, (tx) => {
    const notice = ticketNotice(tx, deps.config, { ticket: getTicket(tx, ticketId)!, kind: 'reply_refused', dedupeKey: `reply_refused:${ticketId}:${parsed.messageId ?? now}`, now });
    if (notice) enqueueMail(tx, notice.mail, now);
  });
  logger.info({ ...log, ticketId, reason: result.code }, 'inbound reply refused; sender told how to open a new ticket');
  return { outcome: 'refused_answered', ticketId, reason: result.code };
}
