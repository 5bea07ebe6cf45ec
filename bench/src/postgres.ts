import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copySqliteToPg } from '@atende/db/pg';
import pg from 'pg';

/**
 * `pnpm bench --engine pg` (issue 16): the same dataset, copied into a fresh PostgreSQL database, served
 * by the same BFF with DATABASE_URL. PostgreSQL's backends are pinned to the server's core (0) with the
 * BFF, so "per core" compares like with like: SQLite runs inside the BFF's process on that core.
 */
export const PG_BENCH_URL = process.env.PG_BENCH_URL ?? process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function urlFor(database: string): string {
  const url = new URL(PG_BENCH_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: PG_BENCH_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database holding the SQLite file's data (db:copy's own code, verified per table). */
export async function copyDatasetToPostgres(sqliteFile: string): Promise<{ url: string; seconds: number; drop: () => Promise<void> }> {
  const name = `atende_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = urlFor(name);
  const started = performance.now();
  const copied = await copySqliteToPg({ sourceFile: sqliteFile, targetUrl: url });
  if (!copied.ok) throw new Error('the dataset did not copy identically into PostgreSQL');
  // Fresh statistics, as after a night's autovacuum: the planner's view of the copied tables.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
  return { url, seconds: Math.round((performance.now() - started) / 100) / 10, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Pins the postmaster and its backends to core 0 (new backends inherit it). Returns a description, or
 * why it could not (not root, no local cluster): then PostgreSQL floats over both cores and the
 * figures say so.
 */
export function pinPostgresToServerCore(): string {
  try {
    const pids = execFileSync('pgrep', ['-f', 'postgres'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    for (const pid of pids) execFileSync('taskset', ['-a', '-p', '-c', '0', pid], { stdio: 'ignore' });
    return `PostgreSQL pinned to core 0 with the server (${pids.length} processes)`;
  } catch (error) {
    return `PostgreSQL not pinned (${(error as Error).message.split('\n')[0]}): its backends may use the load generator's core`;
  }
}

interface EngineDataset {
  tickets: number;
  scenarios: { name: string; kind: 'read' | 'write'; skipped?: string; scenario?: { requestsPerSecond: number; p99Ms: number } }[];
}

/**
 * SQLite and PostgreSQL side by side, per scenario and dataset: requests a second on the one server
 * core, and PostgreSQL ÷ SQLite against the goal (within 2×, so ≥ 0.5).
 */
export function printEngines(sqlite: EngineDataset[], postgres: EngineDataset[], log: (line: string) => void) {
  log('\n| scenario | tickets | SQLite req/s | p99 ms | PostgreSQL req/s | p99 ms | PG ÷ SQLite | within 2× |');
  log('|---|---|---|---|---|---|---|---|');
  for (const pgDataset of postgres) {
    const sqliteDataset = sqlite.find((d) => d.tickets === pgDataset.tickets);
    for (const pgScenario of pgDataset.scenarios) {
      const sqliteScenario = sqliteDataset?.scenarios.find((s) => s.name === pgScenario.name);
      if (!pgScenario.scenario || !sqliteScenario?.scenario) continue;
      const ratio = Math.round((pgScenario.scenario.requestsPerSecond / sqliteScenario.scenario.requestsPerSecond) * 100) / 100;
      log(
        `| ${pgScenario.name} | ${pgDataset.tickets.toLocaleString('en')} | ${sqliteScenario.scenario.requestsPerSecond} | ${sqliteScenario.scenario.p99Ms} | ` +
          `${pgScenario.scenario.requestsPerSecond} | ${pgScenario.scenario.p99Ms} | ${ratio} | ${ratio >= 0.5 ? '✓' : '✗'} |`,
      );
    }
  }
}
