import type { Decision, TicketAction } from '@atende/domain';
import type { Db, TicketRecord } from '@atende/db';
import { ticketNotice, type MailConfig, type TicketNotice } from './ticket-mail.js';
import type { MailKind } from './templates.js';

/**
 * Which e-mail a person's ticket action causes (seed 000, 002): the customer hears of public agent
 * updates, a resolution (asking for approval) and a closing (with rating stars); the agent hears of a
 * reopening. Internal notes send nothing.
 */
export function noticesForAction(
  tx: Db,
  config: MailConfig,
  params: { before: TicketRecord; decision: Extract<Decision, { ok: true }>; action: TicketAction; actorKind: 'contact' | 'agent'; message?: { body: string; visibility: 'public' | 'internal' }; now: number },
): TicketNotice[] {
  const { before, decision, message } = params;
  const after: TicketRecord = { ...before, ...decision.next, version: before.version + 1 };
  const to = decision.statusChange?.to;
  const publicBody = message?.visibility === 'public' ? message.body : undefined;
  let kind: MailKind | null = null;
  if (params.actorKind === 'agent') {
    if (to === 'resolved') kind = 'resolved';
    // A duplicate merged into another ticket asks for no rating: the customer hears on the target.
    else if (to === 'closed' && params.action.type !== 'merge_into') kind = 'closed';
    else if (params.action.type === 'agent_reply' && publicBody !== undefined) kind = 'agent_update';
  } else if (decision.statusChange?.from === 'closed') {
    kind = 'reopened';
  }
  if (!kind) return [];
  const notice = ticketNotice(tx, config, {
    ticket: after,
    kind,
    dedupeKey: `${kind}:${before.id}:v${after.version}`,
    now: params.now,
    ...(publicBody !== undefined ? { body: publicBody } : {}),
  });
  return notice ? [notice] : [];
}
