import type { Actor, Decision, TicketAction } from '@atende/domain';
import type { Database, TicketRecord } from '@atende/db/store';
import { ticketNotice, type MailConfig, type NoticeReads, type TicketNotice } from './ticket-mail.js';
import type { MailKind } from './templates.js';

interface PlannedNotice {
  kind: MailKind;
  /** Names the change that causes the e-mail: a rerun or a retry of the same change sends nothing twice. */
  dedupeKey: string;
  body?: string;
  daysLeft?: number;
}

/**
 * Which e-mail a ticket change causes (seed 000, 002): the contact hears of public agent updates, a
 * resolution (asking for approval), a closing (with rating stars), an inactivity reminder and the
 * auto-close; the agent hears of a reopening. Internal notes send nothing.
 */
function planNotice(before: TicketRecord, after: TicketRecord, decision: Extract<Decision, { ok: true }>, action: TicketAction, actor: Actor, message: { body: string; visibility: 'public' | 'internal' } | undefined): PlannedNotice | null {
  // The rules' keys name the wait (or resolution) they act on, so a late rerun finds the same key.
  if (action.type === 'send_reminder') return { kind: 'reminder', dedupeKey: `reminder:${before.id}:${before.waitingSince}:${action.stage}`, daysLeft: action.daysLeft };
  if (action.type === 'auto_close') return { kind: 'auto_closed', dedupeKey: `autoclose:${before.id}:${before.waitingSince}` };
  if (action.type === 'approval_timeout') return action.outcome === 'close' ? { kind: 'closed', dedupeKey: `approval_timeout:${before.id}:${before.resolvedAt}` } : null;
  const to = decision.statusChange?.to;
  const publicBody = message?.visibility === 'public' ? message.body : undefined;
  let kind: MailKind | null = null;
  if (actor.kind === 'agent') {
    if (to === 'resolved') kind = 'resolved';
    // A duplicate merged into another ticket asks for no rating: the customer hears on the target.
    else if (to === 'closed' && action.type !== 'merge_into') kind = 'closed';
    else if (action.type === 'agent_reply' && publicBody !== undefined) kind = 'agent_update';
    else if (action.type === 'set_status' && (to === 'onsite_visit' || to === 'waiting_customer')) {
      // A visit or a date agreed with the customer matters to them: they are told, with the date (the
      // template writes it in the customer's language; there is no reply to quote).
      return { kind: 'agent_update', dedupeKey: `agent_update:${before.id}:v${after.version}` };
    }
  } else if (actor.kind === 'contact' && decision.statusChange?.from === 'closed') {
    kind = 'reopened';
  }
  if (!kind) return null;
  return { kind, dedupeKey: `${kind}:${before.id}:v${after.version}`, ...(publicBody !== undefined ? { body: publicBody } : {}) };
}

/** The e-mails of one ticket change, with the history lines that keep their text; written with the change. */
export async function noticesForChange(
  tx: Database,
  config: MailConfig,
  params: { before: TicketRecord; decision: Extract<Decision, { ok: true }>; action: TicketAction; actor: Actor; message?: { body: string; visibility: 'public' | 'internal' } | undefined; now: number },
  reads?: NoticeReads,
): Promise<TicketNotice[]> {
  const { before, decision } = params;
  const after: TicketRecord = { ...before, ...decision.next, version: before.version + 1 };
  const plan = planNotice(before, after, decision, params.action, params.actor, params.message);
  if (!plan) return [];
  const notice = await ticketNotice(tx, config, { ticket: after, now: params.now, ...plan }, reads);
  return notice ? [notice] : [];
}
