import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed/demo-data.js';
import { createTestDatabase } from '../../testing/index.js';
import { closePgDatabase, openPgDatabase } from '../client.js';
import { createEmptyPgTestDatabase } from '../testing.js';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compareSqliteWithPg, copySqliteToPg, SourceNotMigratedError, TargetNotEmptyError } from './copy-sqlite-to-pg.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function demoSqliteAndEmptyPg() {
  const sqlite = createTestDatabase();
  cleanups.push(sqlite.dispose);
  seedDemoData(sqlite.db, { passwordHash: 'x', now: NOW, environment: 'test' });
  // Rows the demo has none of: JSON whose keys jsonb reorders, accents, a quote, a session.
  const raw = sqlite.db.$client;
  raw.prepare(`INSERT INTO settings (key, value) VALUES ('business_hours', ?)`).run(JSON.stringify({ zone: 'America/Sao_Paulo', days: [1, 2, 3], b: { z: 1, a: null } }));
  raw.prepare(`INSERT INTO audit_log (at, event, actor_kind, email, details) VALUES (?, 'sign_in_failed', 'anonymous', 'joão@exemplo.com.br', ?)`).run(NOW, JSON.stringify({ reason: "senha 'errada'" }));
  raw.prepare(`INSERT INTO sessions (token_hash, actor_kind, actor_id, created_at, last_seen_at, expires_at) VALUES ('Zz', 'contact', 1, ?, ?, ?), ('aa', 'contact', 1, ?, ?, ?)`).run(NOW, NOW, NOW + 1, NOW, NOW, NOW + 1);
  const target = await createEmptyPgTestDatabase();
  cleanups.push(target.drop);
  return { sqlite, target };
}

describe('db:copy from SQLite to PostgreSQL', () => {
  it('copies every table of the demo data with equal counts and checksums, and new ids continue after the copied ones', async () => {
    const { sqlite, target } = await demoSqliteAndEmptyPg();
    const lines: string[] = [];
    const result = await copySqliteToPg({ sourceFile: sqlite.file, targetUrl: target.url, onTable: (t) => lines.push(t.table) });

    expect(result.ok).toBe(true);
    const byTable = new Map(result.tables.map((t) => [t.table, t]));
    // Parents first: a ticket's requester exists before the ticket.
    expect(lines.indexOf('contacts')).toBeLessThan(lines.indexOf('tickets'));
    expect(lines.indexOf('tickets')).toBeLessThan(lines.indexOf('messages'));
    for (const table of ['companies', 'contacts', 'agents', 'departments', 'tickets', 'messages', 'ticket_events', 'settings', 'ratings', 'audit_log', 'sessions']) {
      const sqliteCount = (sqlite.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(byTable.get(table)?.rows, table).toBe(sqliteCount);
    }
    expect(byTable.get('tickets')!.rows).toBeGreaterThanOrEqual(30);
    expect(byTable.get('tickets')!.targetChecksum).toBe(byTable.get('tickets')!.sourceChecksum);

    const pg = openPgDatabase(target.url, { max: 1 });
    try {
      const maxId = (sqlite.db.$client.prepare('SELECT max(id) AS id FROM tickets').get() as { id: number }).id;
      const { rows } = await pg.$client.query<{ id: number }>(
        `INSERT INTO tickets (subject, requester_id, origin, created_at, updated_at) VALUES ('Depois da cópia', 1, 'portal', 1, 1) RETURNING id`,
      );
      expect(rows[0]!.id).toBe(maxId + 1);
      // The generated customer tab was recomputed by PostgreSQL, and agrees with SQLite's on every ticket.
      const sqliteTabs = sqlite.db.$client.prepare('SELECT id, customer_tab FROM tickets ORDER BY id').all();
      const pgTabs = await pg.$client.query('SELECT id, customer_tab FROM tickets WHERE id <= $1 ORDER BY id', [maxId]);
      expect(pgTabs.rows).toEqual(sqliteTabs);
    } finally {
      await closePgDatabase(pg);
    }
  });

  it('refuses a target that already has rows, and changes nothing in it', async () => {
    const { sqlite, target } = await demoSqliteAndEmptyPg();
    expect((await copySqliteToPg({ sourceFile: sqlite.file, targetUrl: target.url })).ok).toBe(true);

    const second = copySqliteToPg({ sourceFile: sqlite.file, targetUrl: target.url });
    await expect(second).rejects.toThrow(TargetNotEmptyError);
    await expect(second).rejects.toThrow(/not empty.*nothing was changed/);

    const pg = openPgDatabase(target.url, { max: 1 });
    try {
      const { rows } = await pg.$client.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
      const sqliteCount = (sqlite.db.$client.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
      expect(rows[0]!.n).toBe(sqliteCount);
    } finally {
      await closePgDatabase(pg);
    }
  });

  it('refuses a SQLite file that misses migrations (an older Atende), before writing anything', async () => {
    const { sqlite, target } = await demoSqliteAndEmptyPg();
    sqlite.db.$client.prepare('DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)').run();
    await expect(copySqliteToPg({ sourceFile: sqlite.file, targetUrl: target.url })).rejects.toThrow(SourceNotMigratedError);
    const pg = openPgDatabase(target.url, { max: 1 });
    try {
      const { rows } = await pg.$client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await closePgDatabase(pg);
    }
  });

  it('its check catches a changed text, a flipped boolean and a missing row, naming only those tables', async () => {
    const { sqlite, target } = await demoSqliteAndEmptyPg();
    await copySqliteToPg({ sourceFile: sqlite.file, targetUrl: target.url });
    const pg = openPgDatabase(target.url, { max: 1 });
    try {
      await pg.$client.query(`UPDATE messages SET body = body || '.' WHERE id = 1`);
      await pg.$client.query(`UPDATE contacts SET active = NOT active WHERE id = 1`);
      await pg.$client.query(`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`);
    } finally {
      await closePgDatabase(pg);
    }
    const result = await compareSqliteWithPg({ sourceFile: sqlite.file, targetUrl: target.url });
    expect(result.ok).toBe(false);
    const failed = result.tables.filter((t) => !t.ok).map((t) => t.table);
    expect(failed.sort()).toEqual(['audit_log', 'contacts', 'messages']);
  });

  it('runs as the db:copy command: one line per table, then refuses a second run with a clear message', async () => {
    const { sqlite, target } = await demoSqliteAndEmptyPg();
    const run = promisify(execFile);
    const packageDir = fileURLToPath(new URL('../../..', import.meta.url));
    // The package script's command itself (`tsx src/pg/copy/cli.ts`), without pnpm's start-up on a loaded machine.
    const cli = (args: string[]) => run('node_modules/.bin/tsx', ['src/pg/copy/cli.ts', ...args], { cwd: packageDir, env: { ...process.env, INIT_CWD: packageDir } });

    const first = await cli(['--to', target.url, '--from', sqlite.file]);
    expect(first.stdout).toMatch(/^ok +tickets +\d+ rows +md5 [0-9a-f]{32}$/m);
    expect(first.stdout).toMatch(/every table verified/);

    const second = await cli(['--to', target.url, '--from', sqlite.file]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(second?.code).toBe(1);
    expect(second?.stderr).toMatch(/target database is not empty .*nothing was changed/);
  });
});
