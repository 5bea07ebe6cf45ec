/**
 * `pnpm bench:pg-search [--size N]`: the agent search on PostgreSQL, term by term, on the benchmark
 * generator's data (whose words repeat, as a help desk's do): the dataset is generated into SQLite,
 * copied into a fresh PostgreSQL database (PG_BENCH_URL's server), and each search is timed over 5
 * runs after one warm-up, with parallel workers off (a loaded server has none to spare). Prints the
 * milliseconds a search and how many tickets it found. For an A/B, run it on each commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, generateBenchDataset, migrateDatabase, openDatabase } from '@atende/db';
import { closePgDatabase, openPgDatabase, searchTicketIdsPg } from '@atende/db/pg';
import { copyDatasetToPostgres } from './postgres.js';

const sizeArg = process.argv.indexOf('--size');
const SIZE = Number(sizeArg !== -1 ? process.argv[sizeArg + 1] : 200_000);
if (!Number.isInteger(SIZE) || SIZE < 1000) throw new Error('--size expects a whole number of tickets, at least 1000');
const TERMS = ['roteador', 'luz vermelha', 'ONU', 'rotea', 'inexistente', '#4242'];
const RUNS = 5;

const dir = mkdtempSync(join(tmpdir(), 'atende-pg-search-'));
const file = join(dir, 'atende.db');
const sqlite = openDatabase(file);
migrateDatabase(sqlite);
generateBenchDataset(sqlite, { tickets: SIZE, contacts: Math.max(100, SIZE / 10), companies: Math.max(20, SIZE / 50), heavyTickets: 2_000, threadMessages: 50, now: Date.now() });
closeDatabase(sqlite);
const postgres = await copyDatasetToPostgres(file);
const db = openPgDatabase(postgres.url, { max: 1 });
try {
  await db.$client.query('SET max_parallel_workers_per_gather = 0');
  console.log(`agent search on PostgreSQL, ${SIZE.toLocaleString('en')} tickets (copied in ${postgres.seconds} s), ${RUNS} runs after a warm-up`);
  for (const term of TERMS) {
    await searchTicketIdsPg(db, term);
    const started = performance.now();
    let found: number[] = [];
    for (let i = 0; i < RUNS; i++) found = await searchTicketIdsPg(db, term);
    console.log(`  ${JSON.stringify(term).padEnd(16)} ${((performance.now() - started) / RUNS).toFixed(1).padStart(9)} ms  ${found.length} tickets, newest ${found[0] ?? '-'}`);
  }
} finally {
  await closePgDatabase(db);
  await postgres.drop();
  rmSync(dir, { recursive: true, force: true });
}
