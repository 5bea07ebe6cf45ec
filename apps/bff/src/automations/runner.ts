import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { approvalTimeoutDue, autoCloseForecast, DAY_MS, inactivityDue, inactivityScans, type TicketAction } from '@atende/domain';
import {
  acquireLease,
  findAccount,
  getAutomationSettings,
  getCompanySettings,
  getOrCreateSecret,
  getPortalSettings,
  isAgentActive,
  releaseLease,
  resolvedTicketsBatch,
  ticketStateOf,
  transaction,
  waitingTicketsBatch,
  type AutomationSettings,
  type Database,
  type ScanCursor,
  type TicketRecord,
} from '@atende/db/store';
import type { MailConfig } from '../mail/ticket-mail.js';
import { changeTicketAs, type ChangeReads } from '../tickets/apply-ticket-action.js';

export interface RunOptions {
  /** The logical time the rules are evaluated at (the CLI's `--now`). */
  now: number;
  /** Wall clock for the lease, so a run with a future `--now` does not block the server's runner. */
  wallClock?: () => number;
  holder: string;
  /** Most tickets read per index scan and changed per transaction. */
  batchSize?: number;
  /**
   * How long one transaction may keep changing tickets before it commits: the write lock is held
   * meanwhile, so other writers wait at most this plus the commit (which does not wait for the disk:
   * a batch is redoable, see sweep()). 25 ms by default; 10 ms in the server's own loop, where it is
   * also how long the event loop is held.
   */
  batchMs?: number;
  leaseMs?: number;
  /** Test hook: called after each ticket is handled, inside its batch's transaction (the crash test kills the process there). */
  onTicket?: (ticketId: number) => void;
  /** Observation hook (the benchmark): each committed batch, with how long it held the write lock. */
  onBatch?: (batch: { tickets: number; lockMs: number }) => void;
}

export interface RunReport {
  ran: boolean;
  reminders: number;
  autoClosed: number;
  approvalTimeouts: number;
}

const LEASE = 'automations';
const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_BATCH_MS = 25;
const SERVER_BATCH_MS = 10;

/**
 * One pass of the rules that run by themselves. Holds the `automations` lease (renewed with every
 * batch) so two runners never work at once; walks the due-time indexes in bounded batches. A batch is
 * one transaction (one commit) bounded by time and count; inside it each ticket's change, its history
 * and its e-mail are a savepoint, re-deciding on the fresh row, with dedupe keys on the e-mails. A
 * ticket whose change throws is rolled back alone: the batch's earlier tickets are committed, then the
 * pass stops with that error. A crash anywhere leaves whole tickets done or untouched (an uncommitted
 * batch is lost whole), and a rerun (or a late run after downtime) reaches the same end state.
 */
export async function runAutomations(db: Database, mailConfig: MailConfig, options: RunOptions): Promise<RunReport> {
  const report: RunReport = { ran: false, reminders: 0, autoClosed: 0, approvalTimeouts: 0 };
  for await (const _batch of automationPass(db, mailConfig, options, report)) {
    // A command (or a test) runs the pass straight through.
  }
  return report;
}

/** Yielding longer than this means other work (requests) was waiting: the server is busy. */
const BUSY_AWAY_MS = 2;

/**
 * The same pass for the server's own loop, in batches of at most ~10 ms of work, giving the event loop
 * back after each so requests are served between them. While requests are waiting, it also paces itself
 * so that it takes at most `maxShare` of the loop's time (20% by default): a large pass then takes
 * longer but the portal keeps most of its throughput. An idle server runs it at full speed.
 */
export async function runAutomationsYielding(db: Database, mailConfig: MailConfig, options: RunOptions & { maxShare?: number }): Promise<RunReport> {
  const report: RunReport = { ran: false, reminders: 0, autoClosed: 0, approvalTimeouts: 0 };
  const share = Math.min(1, Math.max(0.01, options.maxShare ?? 0.2));
  // What a batch held the thread for (from inside its transaction to its commit), not the wall time since
  // the last one: a batch waits its turn in the write queue while requests are served, and that wait is
  // the requests' time, not the runner's.
  for await (const worked of automationPass(db, mailConfig, { batchMs: SERVER_BATCH_MS, ...options }, report)) {
    const yieldedAt = performance.now();
    await nextTurn();
    const away = performance.now() - yieldedAt;
    if (away > BUSY_AWAY_MS) {
      const rest = (worked * (1 - share)) / share - away;
      if (rest > 1) await sleep(rest);
    }
  }
  return report;
}

/** What every ticket of one batch decides with: read once per batch, inside its transaction. */
interface BatchContext {
  db: Database;
  mailConfig: MailConfig;
  now: number;
  automation: AutomationSettings;
  reads: ChangeReads;
}

async function batchContext(db: Database, mailConfig: MailConfig, now: number): Promise<BatchContext> {
  const active = new Map<number, boolean>();
  const secrets = new Map<string, string>();
  const portal = await getPortalSettings(db);
  const company = await getCompanySettings(db);
  return {
    db,
    mailConfig,
    now,
    automation: await getAutomationSettings(db),
    reads: {
      portal: () => portal,
      company: () => company,
      agentActive: async (agentId) => {
        let value = active.get(agentId);
        if (value === undefined) active.set(agentId, (value = await isAgentActive(db, agentId)));
        return value;
      },
      notice: {
        account: (kind, id) => findAccount(db, kind, id),
        secret: async (name) => {
          let value = secrets.get(name);
          if (value === undefined) secrets.set(name, (value = await getOrCreateSecret(db, name)));
          return value;
        },
      },
    },
  };
}

type Outcome = 'reminder' | 'closed' | 'approval_timeout' | null;

/** Yields, after each committed batch, how long that batch worked (ms). */
async function* automationPass(db: Database, mailConfig: MailConfig, options: RunOptions, report: RunReport): AsyncGenerator<number> {
  const wall = options.wallClock ?? Date.now;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const batchMs = options.batchMs ?? DEFAULT_BATCH_MS;
  const holdLease = (on: Database) => acquireLease(on, { name: LEASE, holder: options.holder, now: wall(), ttlMs: leaseMs });
  if (!(await holdLease(db))) return;
  report.ran = true;
  const { now } = options;

  /**
   * Changes the scanned tickets in transactions of at most `batchMs` of work and `batchSize` tickets,
   * yielding after each commit. False when the lease was lost.
   */
  async function* sweep(scan: (cursor: ScanCursor | null) => Promise<ScanCursor[]>, apply: (ctx: BatchContext, ticketId: number) => Promise<Outcome>): AsyncGenerator<number, boolean> {
    let cursor: ScanCursor | null = null;
    for (;;) {
      const rows = await scan(cursor);
      if (rows.length === 0) return true;
      let next = 0;
      while (next < rows.length) {
        // Set when the batch's transaction starts (after its wait in the write queue): the budget and the
        // reported lock time are the batch's own.
        let started = performance.now();
        let failure: { error: unknown } | null = null;
        const tally = { tickets: 0, reminders: 0, autoClosed: 0, approvalTimeouts: 0 };
        // One transaction a batch: each ticket's change inside it is a savepoint (one ticket's failure
        // is rolled back alone), and the batch costs one COMMIT, which need not wait for the disk: a
        // batch lost to a power cut is redone by the next pass (the rules re-decide on the fresh rows,
        // the e-mails have dedupe keys), so the runner never holds the event loop for an fsync.
        const kept = await transaction(
          db,
          async (tx) => {
            started = performance.now();
            if (!(await holdLease(tx))) return false;
            const ctx = await batchContext(tx, mailConfig, now);
            while (next < rows.length) {
              const ticketId = rows[next++]!.id;
              let outcome: Outcome;
              try {
                outcome = await apply(ctx, ticketId);
              } catch (error) {
                // Its savepoint is rolled back; the tickets before it are committed with the batch.
                failure = { error };
                break;
              }
              tally.tickets++;
              if (outcome === 'reminder') tally.reminders++;
              if (outcome === 'closed') tally.autoClosed++;
              if (outcome === 'approval_timeout') tally.approvalTimeouts++;
              options.onTicket?.(ticketId);
              if (performance.now() - started >= batchMs) break;
            }
            return true;
          },
          { redoable: true },
        );
        const workedMs = performance.now() - started;
        options.onBatch?.({ tickets: tally.tickets, lockMs: workedMs });
        report.reminders += tally.reminders;
        report.autoClosed += tally.autoClosed;
        report.approvalTimeouts += tally.approvalTimeouts;
        if (failure) throw (failure as { error: unknown }).error;
        if (!kept) return false;
        yield workedMs;
      }
      cursor = rows.at(-1)!;
    }
  }

  try {
    const settings = await getAutomationSettings(db);
    // Inactivity: closes first (a due close wins), then per reminder stage already sent, only the
    // tickets that waited long enough for the next one. A ticket with nothing due is never read.
    for (const scan of inactivityScans(settings.inactivity, now)) {
      const waiting = (cursor: ScanCursor | null) => waitingTicketsBatch(db, { ...scan, cursor, limit: batchSize });
      if (!(yield* sweep(waiting, applyInactivity))) return;
    }
    const resolved = (cursor: ScanCursor | null) => resolvedTicketsBatch(db, { resolvedBefore: now - settings.approvalTimeout.afterDays * DAY_MS, cursor, limit: batchSize });
    yield* sweep(resolved, applyApprovalTimeout);
  } finally {
    await releaseLease(db, { name: LEASE, holder: options.holder });
  }
}

const SYSTEM = { kind: 'system' } as const;

/** The outcome a rule's action counts as in the report. */
const OUTCOME_OF = { send_reminder: 'reminder', auto_close: 'closed', approval_timeout: 'approval_timeout' } as const;

/**
 * A rule's change of one ticket through the one ticket-change path (a savepoint of the batch), judged on the fresh row inside
 * it: `due` says what is due now (null: nothing any more). Null when nothing changed.
 */
async function systemChangeTicket(ctx: BatchContext, ticketId: number, due: (ticket: TicketRecord) => TicketAction | null): Promise<Outcome> {
  const result = await changeTicketAs({ db: ctx.db, mailConfig: ctx.mailConfig, now: ctx.now, reads: ctx.reads }, { ticketId, actor: SYSTEM, action: due });
  if (!result.ok) return null;
  const { type } = result.action;
  return type === 'send_reminder' || type === 'auto_close' || type === 'approval_timeout' ? OUTCOME_OF[type] : null;
}

function applyInactivity(ctx: BatchContext, ticketId: number): Promise<Outcome> {
  const { now } = ctx;
  const policy = ctx.automation.inactivity;
  return systemChangeTicket(ctx, ticketId, (ticket) => {
    const state = ticketStateOf(ticket);
    const due = inactivityDue(state, policy, now);
    if (due.kind === 'none') return null;
    if (due.kind === 'close') return { type: 'auto_close', afterDays: policy.closeAfterDays };
    return { type: 'send_reminder', stage: due.stage, daysLeft: autoCloseForecast(state, policy, now)?.daysLeft ?? 0 };
  });
}

function applyApprovalTimeout(ctx: BatchContext, ticketId: number): Promise<Outcome> {
  const policy = ctx.automation.approvalTimeout;
  return systemChangeTicket(ctx, ticketId, (ticket) =>
    approvalTimeoutDue(ticketStateOf(ticket), policy, ctx.now) ? { type: 'approval_timeout', outcome: policy.outcome, afterDays: policy.afterDays } : null,
  );
}
