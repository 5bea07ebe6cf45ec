/**
 * `pnpm bench:routes [--size N] [--views N] [--rounds N]`: what one view of each read scenario costs
 * the server's thread, in-process. Requests go through `app.request()`: the production app, middleware,
 * routes, SQL and JSON, with no sockets, no HTTP parsing and no load generator. On a shared machine the
 * load runs of `pnpm bench` move by more than a change on the request path does. These figures move
 * much less, so they are the tool for an A/B of such a change: run it on both commits, alternated, and
 * compare the microseconds. It does not replace `pnpm bench`, which measures concurrency, sockets and
 * the goals.
 *
 * Prints, per scenario, µs a view (all its requests), µs a request and the ratio to the bare route
 * (the same middleware, a body of the scenario's size, no database), timed in slices alternating with
 * the scenario's. Compare the ratios across commits: they move least with the machine's speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, generateBenchDataset, migrateDatabase, openDatabase } from '@atende/db';
import { openStore } from '@atende/db/store';
import { loadConfig } from '@atende/bff/config';
import { createPortalApp } from '@atende/bff/portal-app';
import { signInBenchActors } from './bench-sessions.js';
import { SCENARIOS, type ConnectionState, type ScenarioContext, type ScenarioRequest } from './scenarios.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} expects a whole number`);
  return value;
};
const SIZE = arg('--size', 10_000);
// The dataset's shape needs room beyond the heavy contact's 2,000 tickets (the typical contact's thread).
if (SIZE < 10_000) throw new Error('--size expects at least 10,000 tickets: the heavy contact alone has 2,000');
const VIEWS = arg('--views', 1_000);
const ROUNDS = arg('--rounds', 3);
const ORIGIN = 'http://127.0.0.1:3199';
const SLICE = 20;

const dir = mkdtempSync(join(tmpdir(), 'atende-route-costs-'));
try {
  const file = join(dir, 'atende.db');
  const raw = openDatabase(file);
  migrateDatabase(raw);
  const now = Date.now();
  const dataset = generateBenchDataset(raw, { tickets: SIZE, contacts: Math.max(100, SIZE / 10), companies: Math.max(20, SIZE / 50), heavyTickets: 2_000, threadMessages: 50, now });
  const cookies = signInBenchActors(raw, dataset, now);
  closeDatabase(raw);

  const config = loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'off', DATA_DIR: dir, PUBLIC_ORIGIN: ORIGIN, MAIL_MODE: 'mailbox', AUTOMATIONS: 'off', BENCH_BARE_ROUTE: '1', LOG_LEVEL: 'warn' });
  const store = await openStore({ databaseUrl: undefined, sqliteFile: config.databaseFile });
  const app = createPortalApp(store.db, config);
  const send = async (r: ScenarioRequest, conn: ConnectionState) => {
    const path = typeof r.path === 'string' ? r.path : r.path(conn);
    const response = await app.request(path, { method: r.method, headers: { cookie: cookies[r.as], origin: ORIGIN, ...r.headers?.() } });
    const text = await response.text();
    if (!response.ok && response.status !== 304) throw new Error(`${r.method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return { response, text, bytes: Buffer.byteLength(text) };
  };
  const get = (path: string, as: ScenarioRequest['as']) => send({ method: 'GET', path, as }, {});

  // The read scenarios this dataset can serve: the attachments' ticket needs the server's upload path.
  const ctx: ScenarioContext = { dataset, replyTicketIds: [] };
  const scenarios = SCENARIOS.filter((s) => s.kind === 'read' && !s.name.includes('attachments'));
  console.log(`Route costs in-process (app.request), ${SIZE.toLocaleString('en')} tickets, ${VIEWS} views a scenario, ${ROUNDS} rounds`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of scenarios) {
      await scenario.beforeRun?.(ctx, async (path, as) => JSON.parse((await get(path, as)).text) as unknown, async (path, as) => (await get(path, as)).response.headers.get('etag'));
      const requests = scenario.requests(ctx);
      const conn: ConnectionState = {};
      let bytes = 0;
      for (const r of requests) bytes += (await send(r, conn)).bytes; // warm: statements prepared, pages cached
      const bare: ScenarioRequest = { method: 'GET', path: `/api/bench/bare?bytes=${Math.max(16, Math.round(bytes / requests.length))}`, as: 'typical' };
      // The scenario and the bare route in alternating slices of SLICE views, so a machine that speeds up
      // or slows down during the round (a shared VM does) moves both sides of the ratio alike.
      let scenarioMs = 0;
      let bareMs = 0;
      for (let done = 0; done < VIEWS; done += SLICE) {
        const views = Math.min(SLICE, VIEWS - done);
        let started = performance.now();
        for (let view = 0; view < views; view++) for (const r of requests) await send(r, conn);
        scenarioMs += performance.now() - started;
        started = performance.now();
        for (let view = 0; view < views * requests.length; view++) await send(bare, conn);
        bareMs += performance.now() - started;
      }
      const viewUs = (scenarioMs * 1000) / VIEWS;
      const bareUs = (bareMs * 1000) / VIEWS;
      console.log(
        `round ${round} | ${scenario.name.padEnd(52)} | ${viewUs.toFixed(0).padStart(6)} µs a view | ${(viewUs / requests.length).toFixed(0).padStart(5)} µs a request | bare ${(bareUs / requests.length).toFixed(0).padStart(4)} µs | ÷ bare ${(bareUs / viewUs).toFixed(3)}`,
      );
    }
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
