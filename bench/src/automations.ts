import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { closeDatabase, getAutomationSettings, makeBenchTicketsDue, openDatabase } from '@atende/db';
import { DAY_MS } from '@atende/domain';
import { quantileOf } from './quantile.js';
import { REPO } from './server.js';

export interface AutomationPass {
  /** What the runner did. */
  report: { ran: boolean; reminders: number; autoClosed: number; approvalTimeouts: number };
  /** The pass itself, without the process start. */
  ms: number;
  startedAt: number;
  finishedAt: number;
  /** Longest the pass held its thread (the runner's process; in the server, its longest batch). */
  loopDelayMaxMs: number;
  /** Its transactions: how many tickets each changed and how long each held the write lock. */
  batches?: BatchStats;
  /** Where it ran: its own process (as `pnpm automations:run`) or the server's loop (runAutomationsYielding). */
  where?: 'process' | 'server';
}

export interface BatchStats {
  count: number;
  meanTickets: number;
  maxTickets: number;
  p50LockMs: number;
  p99LockMs: number;
  maxLockMs: number;
}

/** Batch sizes and lock-hold times of a pass, from the runner's onBatch hook. */
export function summarizeBatches(batches: { tickets: number; lockMs: number }[]): BatchStats {
  const locks = batches.map((b) => b.lockMs).sort((a, b) => a - b);
  const at = (q: number) => quantileOf(locks, q);
  const tickets = batches.reduce((sum, b) => sum + b.tickets, 0);
  return {
    count: batches.length,
    meanTickets: batches.length ? Math.round((tickets / batches.length) * 10) / 10 : 0,
    maxTickets: Math.max(0, ...batches.map((b) => b.tickets)),
    p50LockMs: at(0.5),
    p99LockMs: at(0.99),
    maxLockMs: at(1),
  };
}

/** One in-server pass, with each of its batches (so several passes can be summarized together). */
export interface InServerPass {
  pass: AutomationPass;
  batchList: { tickets: number; lockMs: number }[];
}

/**
 * One pass inside the server, as its own loop runs it (runAutomationsYielding: ~10 ms batches, yielding
 * between them, paced while requests wait), through the bench-only POST /api/bench/automations
 * (BENCH_AUTOMATIONS_ROUTE=1). Answers when the pass is done.
 */
export async function runAutomationPassInServer(server: { url: string; origin: string }, now: number): Promise<InServerPass> {
  const { status, text } = await postWithoutTimeout(`${server.url}/api/bench/automations`, server.origin, JSON.stringify({ now }));
  if (status !== 200) throw new Error(`in-server automation pass: ${status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { report: AutomationPass['report']; startedAt: number; finishedAt: number; ms: number; batches: { tickets: number; lockMs: number }[] };
  const batches = summarizeBatches(body.batches);
  return {
    pass: { report: body.report, ms: body.ms, startedAt: body.startedAt, finishedAt: body.finishedAt, loopDelayMaxMs: batches.maxLockMs, batches, where: 'server' },
    batchList: body.batches,
  };
}

/** Several in-server passes as one: reports and times added, batches summarized together. */
export function mergeInServerPasses(passes: InServerPass[]): AutomationPass {
  const batchList = passes.flatMap((p) => p.batchList);
  const batches = summarizeBatches(batchList);
  const sum = (field: 'reminders' | 'autoClosed' | 'approvalTimeouts') => passes.reduce((total, p) => total + p.pass.report[field], 0);
  return {
    report: { ran: passes.every((p) => p.pass.report.ran), reminders: sum('reminders'), autoClosed: sum('autoClosed'), approvalTimeouts: sum('approvalTimeouts') },
    ms: Math.round(passes.reduce((total, p) => total + p.pass.ms, 0) * 10) / 10,
    startedAt: passes[0]!.pass.startedAt,
    finishedAt: passes.at(-1)!.pass.finishedAt,
    loopDelayMaxMs: batches.maxLockMs,
    batches,
    where: 'server',
  };
}

/**
 * node:http rather than fetch: the answer comes when the pass is done, which on a slow machine takes
 * longer than fetch's fixed 300 s wait for response headers (a full run once died there).
 */
function postWithoutTimeout(url: string, origin: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', headers: { origin, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/**
 * One pass of the automation runner in its own process on the server's core, as `pnpm automations:run`
 * runs it (~25 ms batches, straight through), against the server's database, evaluated at `now`.
 */
export function runAutomationPass(dataDir: string, now: number): Promise<AutomationPass> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', join(REPO, 'bench/src/automations-child.ts'), String(now)], {
      cwd: join(REPO, 'bench'),
      env: { ...process.env, NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://localhost:3199', MAIL_MODE: 'mailbox', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`automation pass exited with ${code}: ${out.slice(0, 500)}`));
      try {
        resolve({ ...(JSON.parse(out.trim().split('\n').at(-1)!) as AutomationPass), where: 'process' });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/**
 * makeTicketsDue in a child process on this process's core (make-due-child.ts): while a load runs from
 * this process, its event loop keeps sending and answering; only the core is shared.
 */
export function makeTicketsDueInChild(databaseFile: string, count: number, now: number, round: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'bench/src/make-due-child.ts'), databaseFile, String(count), String(now), String(round)], {
      cwd: join(REPO, 'bench'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`make-due-child exited with ${code}`))));
  });
}

/**
 * Makes `count` tickets due for the inactivity close at `now` (waiting since a day past the policy),
 * a different spread each `round`. Returns how many changed.
 */
export function makeTicketsDue(databaseFile: string, count: number, now: number, round: number): number {
  const db = openDatabase(databaseFile);
  try {
    const policy = getAutomationSettings(db).inactivity;
    return makeBenchTicketsDue(db, { count, waitingSince: now - (policy.closeAfterDays + 1) * DAY_MS - round * 1000, round });
  } finally {
    closeDatabase(db);
  }
}
