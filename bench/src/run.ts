/**
 * `pnpm bench`: generates the 1M- and 10k-ticket datasets, loads the production server with every
 * scenario (alternating with the bare route), measures the SPA, prints one table and writes JSON to
 * bench/results/. `--quick` (20k tickets, 3 s a scenario) is for development.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeDatabase,
  generateBenchDataset,
  insertSession,
  listCustomerTickets,
  migrateDatabase,
  openDatabase,
} from '@atende/db';
import { runLoad, summarize, CONNECTIONS, type LoadResult, type LoadSample } from './load.js';
import { printTable } from './report.js';
import { REPO, memoryOf, startServer } from './server.js';
import { SCENARIOS, type GetJson, type ScenarioRequest } from './scenarios.js';
import { firstLoadBundle, lighthouse, type LighthouseScores } from './spa.js';

const quick = process.argv.includes('--quick');
const skipLighthouse = process.argv.includes('--no-lighthouse');
const SECONDS = quick ? 3 : 20; // per scenario, and as much again for the bare route
const WARMUP_SECONDS = quick ? 1 : 5;
const SLICES = quick ? 3 : 4;
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const SIZES = quick ? [20_000, 10_000] : [1_000_000, 10_000];

export interface ScenarioResult {
  name: string;
  kind: 'read' | 'write';
  skipped?: string;
  bodyBytes?: number;
  scenario?: LoadResult;
  bare?: LoadResult;
  ratioToBare?: number;
}

export interface DatasetResult {
  tickets: number;
  contacts: number;
  messages: number;
  generationSeconds: number;
  scenarios: ScenarioResult[];
  memory: { postWarmupRssMb: number; finalRssMb: number; peakRssMb: number; growth: number };
}

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

/** Sizes keep the shape: 10 tickets a contact, 5 contacts a company, one contact with 2,000 tickets. */
function prepareDataset(dir: string, tickets: number) {
  const db = openDatabase(join(dir, 'atende.db'));
  migrateDatabase(db);
  const now = Date.now();
  const started = performance.now();
  let lastPrint = 0;
  const dataset = generateBenchDataset(db, {
    tickets,
    contacts: Math.max(100, tickets / 10),
    companies: Math.max(20, tickets / 50),
    heavyTickets: 2_000,
    threadMessages: 50,
    now,
    onProgress: (label, done, total) => {
      if (done === total || performance.now() - lastPrint > 2000) {
        lastPrint = performance.now();
        log(`  generating ${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round((performance.now() - started) / 1000)} s)`);
      }
    },
  });
  const generationSeconds = Math.round((performance.now() - started) / 100) / 10;
  // Sessions straight into the table (sign-in's argon2 is not what is measured); the cookie carries the token.
  const cookies = {} as Record<ScenarioRequest['as'], string>;
  const actors: [ScenarioRequest['as'], 'contact' | 'agent', number][] = [
    ['heavy', 'contact', dataset.heavyContactId],
    ['typical', 'contact', dataset.typicalContactId],
    ['agent', 'agent', dataset.agentId],
  ];
  for (const [as, actorKind, actorId] of actors) {
    const token = randomBytes(32).toString('base64url');
    insertSession(db, {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      actorKind,
      actorId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + 12 * 3_600_000,
    });
    cookies[as] = `__Host-atende_session=${token}`;
  }
  // Live tickets of the heavy contact: one per connection for the reply scenario.
  const replyTicketIds: number[] = [];
  for (const tab of ['awaiting_return', 'awaiting_my_reply', 'awaiting_approval'] as const) {
    let cursor = null;
    do {
      const page = listCustomerTickets(db, { requesterId: dataset.heavyContactId, tab, now, cursor, limit: 100 });
      replyTicketIds.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
  }
  log(`  ${replyTicketIds.length} live tickets of the heavy contact for the reply scenario`);
  const contacts = db.$client.prepare('select count(*) as n from contacts').get() as { n: number };
  closeDatabase(db);
  return { dataset, cookies, replyTicketIds, generationSeconds, contacts: contacts.n };
}

async function probe(url: string, origin: string, cookies: Record<string, string>, requests: ScenarioRequest[]) {
  let bytes = 0;
  const conn = {};
  for (const r of requests) {
    const path = typeof r.path === 'string' ? r.path : r.path(conn);
    const response = await fetch(url + path, {
      method: r.method,
      headers: { cookie: cookies[r.as]!, origin, ...(r.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      body: r.body?.(conn),
    });
    const text = await response.text();
    if (response.status === 404) return { missing: `${r.method} ${path.split('?')[0]} answers 404 (not on this branch yet)` };
    if (!response.ok) throw new Error(`${r.method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    r.onResponse?.(conn, response.status, text);
    bytes += Buffer.byteLength(text);
  }
  return { bytes: Math.round(bytes / requests.length) };
}

async function benchDataset(tickets: number): Promise<{ result: DatasetResult; lighthouse?: { mobile: LighthouseScores; desktop: LighthouseScores } }> {
  const dir = mkdtempSync(join(tmpdir(), 'atende-bench-'));
  try {
    log(`\n== ${tickets.toLocaleString('en')} tickets ==`);
    const { dataset, cookies, replyTicketIds, generationSeconds, contacts } = prepareDataset(dir, tickets);
    log(`  generated ${dataset.tickets.toLocaleString('en')} tickets, ${dataset.messages.toLocaleString('en')} messages in ${generationSeconds} s`);
    const server = await startServer(dir, PORT);
    const scenarios: ScenarioResult[] = [];
    let postWarmupRssMb = 0;
    try {
      const ctx = { dataset, replyTicketIds };
      const getJson: GetJson = async (path, as) => (await fetch(server.url + path, { headers: { cookie: cookies[as] } })).json();
      for (const scenario of SCENARIOS) {
        const requests = scenario.requests(ctx);
        const before = () => scenario.beforeRun?.(ctx, getJson);
        await before();
        const probed = await probe(server.url, server.origin, cookies, requests);
        if ('missing' in probed) {
          log(`  ${scenario.name}: skipped, ${probed.missing}`);
          scenarios.push({ name: scenario.name, kind: scenario.kind, skipped: probed.missing });
          continue;
        }
        const bareRequests: ScenarioRequest[] = [{ method: 'GET', path: `/api/bench/bare?bytes=${probed.bytes}`, as: 'typical' }];
        const base = { url: server.url, origin: server.origin, cookies: { ...cookies, typical: '' } };
        log(`  ${scenario.name}: warm-up ${WARMUP_SECONDS} s`);
        await before();
        await runLoad({ ...base, cookies, requests, seconds: WARMUP_SECONDS, label: 'warm-up' });
        await runLoad({ ...base, requests: bareRequests, seconds: WARMUP_SECONDS, label: 'warm-up bare' });
        if (!postWarmupRssMb) postWarmupRssMb = memoryOf(server.pid).rssMb;
        // Scenario and bare route take turns in short slices, so both see the same moments of a shared machine.
        const scenarioSamples: LoadSample[] = [];
        const bareSamples: LoadSample[] = [];
        for (let slice = 0; slice < SLICES; slice++) {
          await before();
          scenarioSamples.push(await runLoad({ ...base, cookies, requests, seconds: SECONDS / SLICES, label: `${scenario.name} ${slice + 1}/${SLICES}` }));
          bareSamples.push(await runLoad({ ...base, requests: bareRequests, seconds: SECONDS / SLICES, label: `bare route, ${probed.bytes} B ${slice + 1}/${SLICES}` }));
        }
        const measured = summarize(scenarioSamples);
        const bare = summarize(bareSamples);
        const ratioToBare = Math.round((measured.requestsPerSecond / bare.requestsPerSecond) * 100) / 100;
        log(
          `  ${scenario.name}: ${measured.requestsPerSecond} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms` +
            ` (bare ${bare.requestsPerSecond} req/s: ratio ${ratioToBare})${measured.non2xx + measured.errors ? `, ${measured.non2xx} non-2xx, ${measured.errors} errors` : ''}`,
        );
        scenarios.push({ name: scenario.name, kind: scenario.kind, bodyBytes: probed.bytes, scenario: measured, bare, ratioToBare });
      }
      const memory = memoryOf(server.pid);
      let lh: { mobile: LighthouseScores; desktop: LighthouseScores } | undefined;
      if (tickets === SIZES.at(-1) && !skipLighthouse) {
        log('  Lighthouse of the signed-in panel (typical contact), mobile and desktop settings');
        lh = { mobile: lighthouse(`${server.url}/painel`, cookies.typical, 'mobile'), desktop: lighthouse(`${server.url}/painel`, cookies.typical, 'desktop') };
      }
      return {
        result: {
          tickets: dataset.tickets,
          contacts,
          messages: dataset.messages,
          generationSeconds,
          scenarios,
          memory: {
            postWarmupRssMb,
            finalRssMb: memory.rssMb,
            peakRssMb: memory.peakRssMb,
            growth: Math.round((memory.rssMb / postWarmupRssMb) * 100) / 100,
          },
        },
        lighthouse: lh,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const startedAt = new Date();
log(`Atende benchmark${quick ? ' (quick)' : ''}: ${CONNECTIONS} connections, ${SECONDS} s a scenario after ${WARMUP_SECONDS} s warm-up`);
const bundle = firstLoadBundle();
const datasets: DatasetResult[] = [];
let lighthouseScores: { mobile: LighthouseScores; desktop: LighthouseScores } | undefined;
for (const size of SIZES) {
  const { result, lighthouse: lh } = await benchDataset(size);
  datasets.push(result);
  lighthouseScores ??= lh;
}
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  machine: 'server pinned to core 0 (taskset), load generator on core 1; NODE_ENV=production, LOG_LEVEL=warn',
  connections: CONNECTIONS,
  secondsPerScenario: SECONDS,
  datasets,
  bundle,
  lighthouse: lighthouseScores ?? null,
};
printTable(results);
mkdirSync(join(REPO, 'bench/results'), { recursive: true });
const file = join(REPO, 'bench/results', `${startedAt.toISOString().replace(/[:.]/g, '-')}-${results.mode}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`\nwritten ${file}`);
export type BenchResults = typeof results;
