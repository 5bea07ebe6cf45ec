import { approvalTimeoutDue, autoCloseForecast, DAY_MS, decide, inactivityDue, type TicketAction } from '@atende/domain';
import {
  acquireLease,
  changeTicket,
  getAutomationSettings,
  getPortalSettings,
  isAgentActive,
  releaseLease,
  resolvedTicketsBatch,
  ticketStateOf,
  waitingTicketsBatch,
  type Db,
  type NewTicketEvent,
  type ScanCursor,
  type TicketRecord,
  getCompanySettings,
} from '@atende/db';
import { ticketNotice, type MailConfig, type TicketNotice } from '../mail/ticket-mail.js';
import type { MailKind } from '../mail/templates.js';

export interface RunOptions {
  /** The logical time the rules are evaluated at (the CLI's `--now`). */
  now: number;
  /** Wall clock for the lease, so a run with a future `--now` does not block the server's runner. */
  wallClock?: () => number;
  holder: string;
  batchSize?: number;
  leaseMs?: number;
  /** Test hook: called after each ticket is handled (the crash test kills the process there). */
  onTicket?: (ticketId: number) => void;
}

export interface RunReport {
  ran: boolean;
  reminders: number;
  autoClosed: number;
  approvalTimeouts: number;
}

const LEASE = 'automations';

/**
 * One pass of the rules that run by themselves. Holds the `automations` lease (renewed per batch) so two
 * runners never work at once; walks the due-time indexes in bounded batches; each ticket's change, its
 * history and its e-mail are one short transaction, re-deciding on the fresh row, with dedupe keys on
 * the e-mails. A crash anywhere leaves whole tickets done or untouched, and a rerun (or a late run
 * after downtime) reaches the same end state.
 */
export function runAutomations(db: Db, mailConfig: MailConfig, options: RunOptions): RunReport {
  const report: RunReport = { ran: false, reminders: 0, autoClosed: 0, approvalTimeouts: 0 };
  for (const _batch of automationPass(db, mailConfig, options, report)) {
    // A command (or a test) runs the pass straight through.
  }
  return report;
}

/**
 * The same pass for the server's own loop: it gives the event loop back after every batch, so requests
 * are served between batches instead of waiting for the whole pass (small batches keep each pause short).
 */
export async function runAutomationsYielding(db: Db, mailConfig: MailConfig, options: RunOptions): Promise<RunReport> {
  const report: RunReport = { ran: false, reminders: 0, autoClosed: 0, approvalTimeouts: 0 };
  for (const _batch of automationPass(db, mailConfig, { batchSize: 20, ...options }, report)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return report;
}

function* automationPass(db: Db, mailConfig: MailConfig, options: RunOptions, report: RunReport): Generator<void> {
  const wall = options.wallClock ?? Date.now;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 200;
  const holdLease = () => acquireLease(db, { name: LEASE, holder: options.holder, now: wall(), ttlMs: leaseMs });
  if (!holdLease()) return;
  report.ran = true;
  try {
    const settings = getAutomationSettings(db);
    const { now } = options;

    // Inactivity: the earliest day anything can be due bounds the index range.
    const firstDueDay = Math.min(settings.inactivity.closeAfterDays, ...settings.inactivity.reminderDays);
    let cursor: ScanCursor | null = null;
    for (;;) {
      const batch = waitingTicketsBatch(db, { waitingBefore: now - firstDueDay * DAY_MS, cursor, limit: batchSize });
      if (batch.length === 0) break;
      if (!holdLease()) return;
      for (const row of batch) {
        const outcome = applyInactivity(db, mailConfig, row.id, now);
        if (outcome === 'reminder') report.reminders++;
        if (outcome === 'closed') report.autoClosed++;
        options.onTicket?.(row.id);
      }
      cursor = batch.at(-1)!;
      yield;
    }

    cursor = null;
    for (;;) {
      const batch = resolvedTicketsBatch(db, { resolvedBefore: now - settings.approvalTimeout.afterDays * DAY_MS, cursor, limit: batchSize });
      if (batch.length === 0) break;
      if (!holdLease()) return;
      for (const row of batch) {
        if (applyApprovalTimeout(db, mailConfig, row.id, now)) report.approvalTimeouts++;
        options.onTicket?.(row.id);
      }
      cursor = batch.at(-1)!;
      yield;
    }
  } finally {
    releaseLease(db, { name: LEASE, holder: options.holder });
  }
}

function systemChange(db: Db, ticket: TicketRecord, action: TicketAction, now: number) {
  return decide(ticketStateOf(ticket), action, { kind: 'system' }, {
    now,
    policy: getPortalSettings(db),
    clock: getCompanySettings(db),
    assigneeActive: ticket.assigneeId !== null && isAgentActive(db, ticket.assigneeId),
  });
}

function withNotice(events: NewTicketEvent[], notice: TicketNotice | null) {
  if (notice) events.push(notice.event);
  return notice ? [notice.mail] : [];
}

function applyInactivity(db: Db, mailConfig: MailConfig, ticketId: number, now: number): 'reminder' | 'closed' | null {
  let outcome: 'reminder' | 'closed' | null = null;
  changeTicket(db, {
    ticketId,
    now,
    decide: (ticket) => {
      const policy = getAutomationSettings(db).inactivity;
      const due = inactivityDue(ticketStateOf(ticket), policy, now);
      if (due.kind === 'none') return { ok: false, code: 'not_due' };
      const action: TicketAction = due.kind === 'reminder' ? { type: 'send_reminder', stage: due.stage } : { type: 'auto_close' };
      const decision = systemChange(db, ticket, action, now);
      if (!decision.ok) return decision;
      const after: TicketRecord = { ...ticket, ...decision.next, version: ticket.version + 1 };
      const events: NewTicketEvent[] = [];
      let kind: MailKind;
      let dedupeKey: string;
      let daysLeft: number | undefined;
      if (due.kind === 'reminder') {
        kind = 'reminder';
        dedupeKey = `reminder:${ticket.id}:${ticket.waitingSince}:${due.stage}`;
        daysLeft = autoCloseForecast(ticketStateOf(ticket), policy, now)?.daysLeft ?? 0;
        events.push({ actorKind: 'system', actorId: null, type: 'reminder_sent', data: { stage: due.stage, daysLeft }, createdAt: now });
      } else {
        kind = 'auto_closed';
        dedupeKey = `autoclose:${ticket.id}:${ticket.waitingSince}`;
        events.push({ actorKind: 'system', actorId: null, type: 'auto_closed', fromStatus: ticket.status, toStatus: 'closed', data: { afterDays: policy.closeAfterDays }, createdAt: now });
      }
      const notice = ticketNotice(db, mailConfig, { ticket: after, kind, dedupeKey, now, ...(daysLeft !== undefined ? { daysLeft } : {}) });
      outcome = due.kind === 'reminder' ? 'reminder' : 'closed';
      return { ok: true, next: decision.next, events, mail: withNotice(events, notice) };
    },
  });
  return outcome;
}

function applyApprovalTimeout(db: Db, mailConfig: MailConfig, ticketId: number, now: number): boolean {
  let done = false;
  changeTicket(db, {
    ticketId,
    now,
    decide: (ticket) => {
      const policy = getAutomationSettings(db).approvalTimeout;
      if (!approvalTimeoutDue(ticketStateOf(ticket), policy, now)) return { ok: false, code: 'not_due' };
      const decision = systemChange(db, ticket, { type: 'approval_timeout', outcome: policy.outcome }, now);
      if (!decision.ok) return decision;
      const after: TicketRecord = { ...ticket, ...decision.next, version: ticket.version + 1 };
      const events: NewTicketEvent[] = [
        { actorKind: 'system', actorId: null, type: 'approval_timeout', fromStatus: ticket.status, toStatus: decision.next.status, data: { outcome: policy.outcome, afterDays: policy.afterDays }, createdAt: now },
      ];
      const mail =
        policy.outcome === 'close'
          ? withNotice(events, ticketNotice(db, mailConfig, { ticket: after, kind: 'closed', dedupeKey: `approval_timeout:${ticket.id}:${ticket.resolvedAt}`, now }))
          : [];
      done = true;
      return { ok: true, next: decision.next, events, mail };
    },
  });
  return done;
}
