import { enqueueMail, findContactByAnyEmail, getOrCreateSecret, getTicket, holdAttachments, insertHeldMail, ticketOfSentMessageId, transaction, type TicketRecord } from '@atende/db/store';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { createBlobStore } from '../attachments/blob-store.js';
import { storeMailAttachments } from '../attachments/store-mail-attachments.js';
import type { Deps } from '../http/app-env.js';
import { notifyAgents } from '../notifications/notify-agents.js';
import { changeTicketAs, publishLive } from '../tickets/apply-ticket-action.js';
import { scanMime } from './mime-limits.js';
import { ticketOfReplyAddress } from './reply-address.js';
import { senderTrust } from './sender-trust.js';
import { stripQuoted } from './strip-quoted.js';
import { ticketNotice } from './ticket-mail.js';
import { continuingTicketId } from '../tickets/merged-into.js';

export type HeldReason = 'unknown_sender' | 'auth_failed' | 'envelope_mismatch';

export type InboundOutcome =
  | { outcome: 'added'; ticketId: number; reopened: boolean }
  | { outcome: 'held'; ticketId: number; reason: HeldReason }
  | { outcome: 'refused_answered'; ticketId: number; reason: string }
  | { outcome: 'ignored'; reason: 'no_ticket_token' | 'empty' | 'ticket_missing' | 'duplicate' };

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

type InboundDeps = Pick<Deps, 'db' | 'config' | 'logger' | 'now' | 'events'>;

function addresses(list: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  if (!list) return [];
  return (Array.isArray(list) ? list : [list]).flatMap((a) => a.value.map((v) => ({ address: (v.address ?? '').toLowerCase(), name: v.name ?? '' }))).filter((a) => a.address !== '');
}

/** The ticket a reply is for: a signed ticket address among the recipients, else an e-mail of ours it references. */
async function ticketOf(deps: InboundDeps, parsed: ParsedMail, envelopeRecipients: string[]): Promise<number | null> {
  const secret = await getOrCreateSecret(deps.db, 'reply_address');
  const recipients = [...envelopeRecipients, ...addresses(parsed.to).map((a) => a.address), ...addresses(parsed.cc).map((a) => a.address)];
  const byToken = recipients.map((r) => ticketOfReplyAddress(secret, r)).find((id) => id !== null) ?? null;
  if (byToken !== null) return byToken;
  const references = [...(Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : []), ...(parsed.inReplyTo ? [parsed.inReplyTo] : [])];
  return ticketOfSentMessageId(deps.db, references);
}

function authenticationResults(parsed: ParsedMail): string[] {
  // mailparser keeps every header line in order (top first: the receiving MTA's own is first).
  return parsed.headerLines.filter((h) => h.key === 'authentication-results').map((h) => h.line.replace(/^authentication-results:\s*/i, ''));
}

/**
 * A reply to a ticket e-mail (from the SMTP listener or the HTTP endpoint). Nothing is dropped without
 * a trace an agent can see:
 * - from the ticket's contact, and the sender checks out (Authentication-Results from our MTA, or the
 *   envelope sender matching the From domain): the new text (quoted original stripped) and its files
 *   become the customer's message, through the one ticket-change path (reopening when the rules allow;
 *   otherwise the sender is told how to open a new ticket);
 * - from anyone else, or failing the sender checks: held on the ticket as an "e-mail de remetente não
 *   reconhecido", for agents only, who accept or discard it. It never changes the ticket by itself.
 */
export async function receiveMail(deps: InboundDeps, raw: Buffer | string, envelopeRecipients: string[] = [], envelope: InboundEnvelope = { mailFrom: null }): Promise<InboundOutcome> {
  const scan = scanMime(raw);
  if (!scan.ok) throw new MalformedMailError(scan.reason);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw);
  } catch (error) {
    throw new MalformedMailError(error instanceof Error ? error.message : 'unparseable');
  }
  const { db, logger } = deps;
  const from = addresses(parsed.from)[0] ?? { address: '', name: '' };
  const log = { sender: from.address, messageId: parsed.messageId, client: envelope.clientAddress };
  const ticketId = await ticketOf(deps, parsed, envelopeRecipients);
  if (ticketId === null) {
    logger.warn(log, 'inbound mail ignored: no valid ticket token');
    return { outcome: 'ignored', reason: 'no_ticket_token' };
  }
  const ticket = await getTicket(db, ticketId);
  if (!ticket) {
    logger.warn({ ...log, ticketId }, 'inbound mail ignored: ticket missing');
    return { outcome: 'ignored', reason: 'ticket_missing' };
  }
  // A NUL character is no text (PostgreSQL refuses it): a broken mailer's stray one is dropped, not the e-mail.
  const body = stripQuoted((parsed.text ?? '').replaceAll('\u0000', '')).slice(0, MAX_BODY);
  const now = deps.now();
  const files = await storeMailAttachments(db, createBlobStore(deps.config.dataDir), deps.config.attachments, parsed.attachments ?? [], now);
  const text = files.refused.length > 0 ? `${body}\n\n[Anexos não aceitos: ${files.refused.join(', ')}]`.trim() : body;
  if (text === '' && files.ids.length === 0) {
    logger.warn({ ...log, ticketId }, 'inbound mail ignored: empty reply');
    return { outcome: 'ignored', reason: 'empty' };
  }

  // Any of the contact's addresses (main or contact_emails) is the contact.
  const account = await findContactByAnyEmail(db, from.address);
  const isRequester = account !== null && account.active && account.id === ticket.requesterId;
  const trust = senderTrust({ fromAddress: from.address, envelopeFrom: envelope.mailFrom, authenticationResults: authenticationResults(parsed), authservId: deps.config.inboundAuthservId });
  if (!isRequester || !trust.trusted) {
    const reason: HeldReason = !trust.trusted ? trust.reason : 'unknown_sender';
    return hold(deps, { ticket, parsed, from, envelope, body: text, fileIds: files.ids, reason, now, log });
  }

  // A reply to a merged duplicate goes on in the ticket it joined (same contact): nothing lost, nothing reopened.
  const continuing = await continuingTicketId(db, ticket);
  const result = await changeTicketAs(
    { db, mailConfig: deps.config, now },
    {
      ticketId: continuing,
      actor: { kind: 'contact', id: account.id },
      action: { type: 'customer_reply', via: 'email' },
      message: { body: text === '' ? '(anexos)' : text, visibility: 'public', attachmentIds: files.ids },
      ...(parsed.messageId ? { inboundMessageId: parsed.messageId } : {}),
    },
  );
  if (result.ok) {
    publishLive(deps, result.live);
    return { outcome: 'added', ticketId: continuing, reopened: result.before.status === 'closed' };
  }
  if (result.code === 'duplicate') {
    logger.info({ ...log, ticketId }, 'inbound mail already taken in');
    return { outcome: 'ignored', reason: 'duplicate' };
  }
  // Closed and not reopenable: a polite answer on how to open a new ticket, recorded once per message.
  const refused = result.ticket ?? ticket;
  await transaction(db, async (tx) => {
    const notice = await ticketNotice(tx, deps.config, { ticket: refused, kind: 'reply_refused', dedupeKey: `reply_refused:${ticketId}:${parsed.messageId ?? now}`, now });
    if (notice) await enqueueMail(tx, notice.mail, now);
  });
  logger.info({ ...log, ticketId, reason: result.code }, 'inbound reply refused; sender told how to open a new ticket');
  return { outcome: 'refused_answered', ticketId, reason: result.code };
}

/** Keeps the e-mail on the ticket for agents, with its files, and tells the ticket's agents. */
async function hold(
  deps: InboundDeps,
  params: { ticket: TicketRecord; parsed: ParsedMail; from: { address: string; name: string }; envelope: InboundEnvelope; body: string; fileIds: number[]; reason: HeldReason; now: number; log: Record<string, unknown> },
): Promise<InboundOutcome> {
  const { ticket, parsed, now } = params;
  const outcome = await transaction(deps.db, async (tx) => {
    const held = await insertHeldMail(tx, {
      ticketId: ticket.id,
      fromAddress: params.from.address || '(sem remetente)',
      fromName: params.from.name.replaceAll('\u0000', '') || null,
      envelopeFrom: params.envelope.mailFrom,
      subject: parsed.subject?.replaceAll('\u0000', '') ?? null,
      body: params.body === '' ? '(anexos)' : params.body,
      reason: params.reason,
      mailMessageId: parsed.messageId ?? null,
      receivedAt: now,
    });
    if (!held) return null;
    await holdAttachments(tx, { ids: params.fileIds, heldMailId: held.id, ticketId: ticket.id });
    return notifyAgents(tx, deps.config, { ticket, kind: 'held_mail', exceptAgentId: null, now });
  });
  if (outcome === null) {
    deps.logger.info({ ...params.log, ticketId: ticket.id }, 'inbound mail already held');
    return { outcome: 'ignored', reason: 'duplicate' };
  }
  deps.logger.warn({ ...params.log, ticketId: ticket.id, reason: params.reason }, 'inbound mail held for an agent: sender not recognised');
  publishLive(deps, [
    { type: 'ticket_changed', ticketId: ticket.id, audience: { agents: 'all', contactId: null } },
    ...(outcome.length > 0 ? [{ type: 'notification' as const, ticketId: ticket.id, audience: { agents: outcome, contactId: null } }] : []),
  ]);
  return { outcome: 'held', ticketId: ticket.id, reason: params.reason };
}
