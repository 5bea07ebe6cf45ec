import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { closeDatabase, getAutomationSettings, makeBenchTicketsDue, openDatabase } from '@atende/db';
import { DAY_MS } from '@atende/domain';
import { REPO } from './server.js';

export interface AutomationPass {
  /** What the runner did. */
  report: { ran: boolean; reminders: number; autoClosed: number; approvalTimeouts: number };
  /** The pass itself, without the process start. */
  ms: number;
  startedAt: number;
  finishedAt: number;
  /** Longest the pass held its own thread (the runner is synchronous: about the whole pass). */
  loopDelayMaxMs: number;
}

/**
 * One pass of the automation runner in its own process on the server's core (in production it shares
 * the server's CPU), against the server's database, evaluated at `now`.
 */
export function runAutomationPass(dataDir: string, now: number): Promise<AutomationPass> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', join(REPO, 'bench/src/automations-child.ts'), String(now)], {
      cwd: join(REPO, 'bench'),
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`automation pass exited with ${code}: ${out.slice(0, 500)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as AutomationPass);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
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
