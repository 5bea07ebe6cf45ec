import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAY_MS } from '@atende/domain';
import { closeDatabase, openDatabase, seedDemoData } from '@atende/db';
import { automationTalliesForTest, createTestDatabase, insertWaitingTicketsForTest } from '@atende/db/testing';
import { describe, expect, it } from 'vitest';

const bffDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NOW = Date.UTC(2026, 11, 1, 15, 0, 0);
const DUE_CLOSE = 1500; // waiting 11–12 days: auto-close due
const DUE_REMINDER = 1500; // waiting 5.5–6 days: first reminder due

/** `pnpm automations:run --now …` as a separate process, optionally killed (SIGKILL) after N tickets. */
function runCli(dataDir: string, crashAfter?: number) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/automations/cli.ts', '--now', new Date(NOW).toISOString()], {
    cwd: bffDir,
    env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, AUTOMATIONS_LEASE_MS: '1', LOG_LEVEL: 'silent', ...(crashAfter ? { AUTOMATIONS_CRASH_AFTER: String(crashAfter) } : {}) },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('automation runner crash safety', () => {
  it('killed at random points over 3000 tickets, then rerun: every e-mail recorded once, every due ticket closed once', () => {
    const { db, file, dispose } = createTestDatabase();
    try {
      seedDemoData(db, { passwordHash: 'not-used', now: NOW - 20 * DAY_MS, environment: 'test' });
      insertWaitingTicketsForTest(db, { count: DUE_CLOSE, requesterId: 1, waitingSince: NOW - 12 * DAY_MS, spreadMs: DAY_MS });
      insertWaitingTicketsForTest(db, { count: DUE_REMINDER, requesterId: 1, waitingSince: NOW - 6 * DAY_MS, spreadMs: DAY_MS / 2 });
      closeDatabase(db);
      const dataDir = dirname(file);
      // Four kills of at most 700 tickets each: every one lands mid-run, since 3000 are due.
      const crashes = [1, 2, 3, 4].map(() => 1 + Math.floor(Math.random() * 700));
      for (const crashAfter of crashes) {
        const killed = runCli(dataDir, crashAfter);
        expect(killed.signal, `run killed after ${crashAfter} tickets`).toBe('SIGKILL');
      }
      const finish = runCli(dataDir);
      expect(finish.status, finish.stderr).toBe(0);
      const again = runCli(dataDir);
      expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({ reminders: 0, autoClosed: 0 });

      const check = openDatabase(file);
      const tallies = automationTalliesForTest(check);
      closeDatabase(check);
      // Seeded demo tickets may be due too; the load's numbers are exact lower bounds, duplicates none.
      expect(tallies.mails).toBe(tallies.distinctMailKeys);
      expect(tallies.closedOnce).toBe(DUE_CLOSE);
      expect(tallies.remindedStage1).toBe(DUE_REMINDER);
      expect(tallies.autoCloseMails).toBe(tallies.closedEvents);
      expect(tallies.reminderMails).toBe(tallies.reminderEvents);
      expect(tallies.autoCloseMails).toBeGreaterThanOrEqual(DUE_CLOSE);
      expect(tallies.reminderMails).toBeGreaterThanOrEqual(DUE_REMINDER);
    } finally {
      dispose();
    }
  }, 300_000);
});
