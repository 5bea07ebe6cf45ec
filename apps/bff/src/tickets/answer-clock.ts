import type { Actor, TicketStatus } from '@atende/domain';

/** Where an answer to the customer can be due: a resolved or closed ticket waits on nobody. */
const ANSWERABLE: readonly TicketStatus[] = ['new', 'open', 'pending', 'onsite_visit', 'waiting_customer'];

/**
 * "Cliente respondeu": a customer's public message on a ticket that stays open makes it need an answer,
 * due from the moment they wrote (the SLA rules of the console issue will give the real next-response
 * time; until then it is due at once, so it is in "Trabalho de hoje"). An agent's public answer, or the
 * ticket leaving the answerable statuses (resolved, closed), clears it. Anything else leaves it as is
 * (undefined).
 */
export function answerClockAfter(params: {
  actor: Actor;
  message: { visibility: 'public' | 'internal' } | undefined;
  statusAfter: TicketStatus;
  current: { customerRepliedAt: number | null; nextResponseDueAt: number | null };
  now: number;
}): { customerRepliedAt: number | null; nextResponseDueAt: number | null } | undefined {
  const { actor, message, statusAfter, current, now } = params;
  const cleared = { customerRepliedAt: null, nextResponseDueAt: null };
  if (!ANSWERABLE.includes(statusAfter)) return current.customerRepliedAt === null && current.nextResponseDueAt === null ? undefined : cleared;
  if (message?.visibility !== 'public') return undefined;
  if (actor.kind === 'contact') {
    // The first unanswered message starts the clock; more messages before an answer do not push it back.
    return { customerRepliedAt: current.customerRepliedAt ?? now, nextResponseDueAt: current.nextResponseDueAt ?? now };
  }
  if (actor.kind === 'agent') return current.customerRepliedAt === null && current.nextResponseDueAt === null ? undefined : cleared;
  return undefined;
}
