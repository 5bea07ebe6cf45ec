import { DAY_MS, type TicketState } from '../ticket/ticket-state.js';

/**
 * The inactivity policy (seeds 000 and 002): while a ticket waits on the customer, reminders go out at
 * `reminderDays` and the ticket closes at `closeAfterDays`, counted from `waitingSince`. Any customer
 * message moves the ticket out of waiting_customer, which resets the clock.
 */
export interface InactivityPolicy {
  preset: InactivityPreset;
  /** Days after waitingSince at which a reminder is sent, ascending. */
  reminderDays: number[];
  closeAfterDays: number;
}

export const INACTIVITY_PRESETS = ['triplos', 'movidesk', 'custom'] as const;
export type InactivityPreset = (typeof INACTIVITY_PRESETS)[number];

/** "Triplos" (seed 000): reminders at 5 and 7 days, close at 10. The default. */
export const TRIPLOS_POLICY: InactivityPolicy = { preset: 'triplos', reminderDays: [5, 7], closeAfterDays: 10 };
/** "Movidesk" (seed 002): no reminders, close at 3 days. */
export const MOVIDESK_POLICY: InactivityPolicy = { preset: 'movidesk', reminderDays: [], closeAfterDays: 3 };
export const DEFAULT_INACTIVITY_POLICY = TRIPLOS_POLICY;

/** A custom policy, validated: reminders strictly ascending, positive, and before the closing day. */
export function customInactivityPolicy(reminderDays: number[], closeAfterDays: number): InactivityPolicy | null {
  if (!Number.isInteger(closeAfterDays) || closeAfterDays < 1) return null;
  for (let i = 0; i < reminderDays.length; i++) {
    const day = reminderDays[i]!;
    if (!Number.isInteger(day) || day < 1 || day >= closeAfterDays) return null;
    if (i > 0 && day <= reminderDays[i - 1]!) return null;
  }
  return { preset: 'custom', reminderDays: [...reminderDays], closeAfterDays };
}

export function inactivityPolicyFor(preset: InactivityPreset, custom?: { reminderDays: number[]; closeAfterDays: number }): InactivityPolicy | null {
  if (preset === 'triplos') return TRIPLOS_POLICY;
  if (preset === 'movidesk') return MOVIDESK_POLICY;
  return custom ? customInactivityPolicy(custom.reminderDays, custom.closeAfterDays) : null;
}

/** What the inactivity rule wants done to a ticket now. */
export type InactivityDue =
  | { kind: 'none' }
  /** Send reminder number `stage` (1-based); the ticket's reminderStage becomes `stage`. */
  | { kind: 'reminder'; stage: number; dueAt: number }
  | { kind: 'close'; dueAt: number };

/**
 * The next thing due for a waiting ticket at `now`. A close that is due wins over reminders not yet
 * sent (catch-up after downtime closes once and sends no stale reminders). Reminders already sent
 * (reminderStage) are never due again; a late run sends only the latest due reminder.
 */
export function inactivityDue(state: TicketState, policy: InactivityPolicy, now: number): InactivityDue {
  if (state.status !== 'waiting_customer' || state.waitingSince === null) return { kind: 'none' };
  const closeAt = state.waitingSince + policy.closeAfterDays * DAY_MS;
  if (now >= closeAt) return { kind: 'close', dueAt: closeAt };
  let due: InactivityDue = { kind: 'none' };
  policy.reminderDays.forEach((day, index) => {
    const stage = index + 1;
    const at = state.waitingSince! + day * DAY_MS;
    if (stage > state.reminderStage && now >= at) due = { kind: 'reminder', stage, dueAt: at };
  });
  return due;
}

/**
 * The index ranges a runner scans for waiting tickets that may be due at `now`, so that a ticket whose
 * next step is not due is never read: closes (any stage), then for each reminder stage already sent
 * the tickets that have waited long enough for the next reminder. `reminderStage: null` = any stage.
 */
export function inactivityScans(policy: InactivityPolicy, now: number): { reminderStage: number | null; waitingBefore: number }[] {
  return [
    { reminderStage: null, waitingBefore: now - policy.closeAfterDays * DAY_MS },
    ...policy.reminderDays.map((day, sent) => ({ reminderStage: sent, waitingBefore: now - day * DAY_MS })),
  ];
}

/** When the next inactivity step falls due (for the runner's due-time index), or null. */
export function nextInactivityAt(state: TicketState, policy: InactivityPolicy): number | null {
  if (state.status !== 'waiting_customer' || state.waitingSince === null) return null;
  const next = policy.reminderDays.findIndex((_, index) => index + 1 > state.reminderStage);
  const closeAt = state.waitingSince + policy.closeAfterDays * DAY_MS;
  return next === -1 ? closeAt : Math.min(closeAt, state.waitingSince + policy.reminderDays[next]! * DAY_MS);
}

/**
 * For the customer's page: when a waiting ticket will be closed and in how many whole days (rounded
 * up, so "1 dia" until the last moment), or null when it is not waiting.
 */
export function autoCloseForecast(state: TicketState, policy: InactivityPolicy, now: number): { closesAt: number; daysLeft: number } | null {
  if (state.status !== 'waiting_customer' || state.waitingSince === null) return null;
  const closesAt = state.waitingSince + policy.closeAfterDays * DAY_MS;
  return { closesAt, daysLeft: Math.max(0, Math.ceil((closesAt - now) / DAY_MS)) };
}
