import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copySqliteToPg } from '@atende/db/pg';
import pg from 'pg';

/**
 * `pnpm bench --engine pg` (issue 16): the same dataset, copied into a fresh PostgreSQL database, served
 * by the same BFF with DATABASE_URL. "Per core" counts PostgreSQL's CPU too (it runs in its own
 * processes, SQLite inside the BFF's): requests per CPU-second of everything that served them.
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

/** PostgreSQL's processes on this machine (the postmaster and its backends), for their CPU time. */
export function postgresPids(): number[] {
  try {
    return execFileSync('pgrep', ['-f', 'postgres'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

interface EngineDataset {
  tickets: number;
  scenarios: { name: string; kind: 'read' | 'write'; skipped?: string; scenario?: { requestsPerSecond: number; p99Ms: number }; requestsPerCpuSecond?: number }[];
}

/**
 * SQLite and PostgreSQL side by side, per scenario and dataset: requests a second, and requests a
 * CPU-second (the server's, plus PostgreSQL's own processes on that engine: throughput per core). The
 * issue's goal is per core: PostgreSQL within 2× of SQLite, so PG ÷ SQLite ≥ 0.5.
 */
export function printEngines(sqlite: EngineDataset[], postgres: EngineDataset[], log: (line: string) => void) {
  log('\n| scenario | tickets | SQLite req/s | req per CPU-s | p99 ms | PostgreSQL req/s | req per CPU-s | p99 ms | per core PG ÷ SQLite | within 2× |');
  log('|---|---|---|---|---|---|---|---|---|---|');
  for (const pgDataset of postgres) {
    const sqliteDataset = sqlite.find((d) => d.tickets === pgDataset.tickets);
    for (const pgScenario of pgDataset.scenarios) {
      const sqliteScenario = sqliteDataset?.scenarios.find((s) => s.name === pgScenario.name);
      if (!pgScenario.scenario || !sqliteScenario?.scenario || !pgScenario.requestsPerCpuSecond || !sqliteScenario.requestsPerCpuSecond) continue;
      const ratio = Math.round((pgScenario.requestsPerCpuSecond / sqliteScenario.requestsPerCpuSecond) * 100) / 100;
      log(
        `| ${pgScenario.name} | ${pgDataset.tickets.toLocaleString('en')} | ${sqliteScenario.scenario.requestsPerSecond} | ${sqliteScenario.requestsPerCpuSecond} | ${sqliteScenario.scenario.p99Ms} | ` +
          `${pgScenario.scenario.requestsPerSecond} | ${pgScenario.requestsPerCpuSecond} | ${pgScenario.scenario.p99Ms} | ${ratio} | ${ratio >= 0.5 ? '✓' : '✗'} |`,
      );
    }
  }
}
