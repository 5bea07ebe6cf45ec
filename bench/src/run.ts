/**
 * `pnpm bench`: generates the 1M- and 10k-ticket datasets, loads the production server with every
 * scenario (alternating with the bare route), measures the SPA, prints one table and writes JSON to
 * bench/results/. `--quick` (20k tickets, 3 s a scenario) is for development.
 * On the large dataset it also times the automations (5% due, nothing due, and 5% due under the panel's
 * load); on the 10k dataset it ends with the soak (`--soak` runs only that; `--soak-seconds N` or
 * BENCH_SOAK_SECONDS sets its length, 180 s by default, 15 s with `--quick`).
 *
 * `--automations-only [--size N]` (N tickets, 200,000 by default) runs only the automation step, in a
 * few minutes: generate, catch-up pass, 5% due and a pass alone, a pass with nothing due (both in their
 * own process, as `pnpm automations:run`), then 5% due again and a pass inside the server (its own
 * runAutomationsYielding, triggered by the bench-only POST /api/bench/automations) while the panel is
 * under load. Each pass prints ms per ticket and its batches (tickets per transaction, write-lock hold).
 * e.g. `pnpm bench --automations-only --size 200000`.
 *
 * `--only <text> [--size N]` (N tickets, 1,000,000 by default) runs only the scenarios whose name
 * contains the text, after the same generation and catch-up pass: a quick A/B of one row, e.g.
 * `pnpm bench --only panel`. No automations, soak, feature costs, Lighthouse or bundle.
 *
 * `--spa-only` measures the SPA alone, in a few minutes: the first-load bundle (and the library floor
 * beside it), then Lighthouse mobile and desktop of the 10k dataset's typical contact, each the median
 * of LIGHTHOUSE_RUNS runs, as the full run does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeDatabase,
  generateBenchDataset,
  listCustomerTickets,
  migrateDatabase,
  openDatabase,
} from '@atende/db';
import { signInBenchActors } from './bench-sessions.js';
import { makeTicketsDue, runAutomationPass, type AutomationPass } from './automations.js';
import { measurePassUnderLoad, type PassUnderLoad } from './pass-under-load.js';
import { runLoad, summarize, CONNECTIONS, type LoadResult, type LoadSample } from './load.js';
import { printTable, type LighthouseAudits } from './report.js';
import { REPO, cpuSecondsOf, memoryOf, startServer, type LoopDelay, type RunningServer } from './server.js';
import { SCENARIOS, SOAK_SCENARIO, type GetJson, type GetTag, type ScenarioContext, type ScenarioRequest } from './scenarios.js';
import { firstLoadBundle, lighthouseMedian } from './spa.js';
import { measureIdleStreams, measureUpload, prepareAttachmentTicket, type IdleStreamsCost, type UploadCost } from './feature-costs.js';
import { goalRows, printGoals } from './goals.js';
import { copyDatasetToPostgres, postgresPids, printEngines } from './postgres.js';
import { describeTwoInstances, measureTwoInstances, type TwoInstancesResult } from './two-instances.js';

const quick = process.argv.includes('--quick');
/** `--soak`: only the soak (issue 8) on the 10k dataset; the full run and `--quick` end with it too. */
const soakOnly = process.argv.includes('--soak');
/** `--automations-only [--size N]`: only the automation step (issue 7), on one dataset of N tickets. */
const automationsOnly = process.argv.includes('--automations-only');
const sizeArg = process.argv.indexOf('--size');
const AUTOMATIONS_SIZE = Number(sizeArg !== -1 ? process.argv[sizeArg + 1] : 200_000);
/** `--only <text> [--size N]`: only the scenarios whose name contains the text, on one dataset (1M by default). */
const onlyArg = process.argv.indexOf('--only');
const onlyScenarios = onlyArg !== -1 ? (process.argv[onlyArg + 1] ?? '') : null;
if (onlyScenarios !== null && !SCENARIOS.some((s) => s.name.includes(onlyScenarios))) throw new Error(`--only: no scenario name contains "${onlyScenarios}"`);
const ONLY_SIZE = Number(sizeArg !== -1 ? process.argv[sizeArg + 1] : 1_000_000);
if (automationsOnly && (!Number.isInteger(AUTOMATIONS_SIZE) || AUTOMATIONS_SIZE < 1000)) throw new Error('--size expects a whole number of tickets, at least 1000');
// The server starts with the in-server automation pass on demand (bench/src/server.ts passes the environment on).
process.env.BENCH_AUTOMATIONS_ROUTE = '1';
const soakArg = process.argv.indexOf('--soak-seconds');
const SOAK_SECONDS = Number(soakArg !== -1 ? process.argv[soakArg + 1] : (process.env.BENCH_SOAK_SECONDS ?? (quick ? 15 : 180)));
const SOAK_CONNECTIONS = 100;
/** Share of the large dataset's tickets made due for the automations scenario (issue 7 step 3). */
const DUE_SHARE = 0.05;
/** The panel measured while the automations run. */
const AUTOMATION_PANEL = 'panel (typical contact)';
const skipLighthouse = process.argv.includes('--no-lighthouse');
/** `--spa-only`: the bundle and Lighthouse alone, on the 10k dataset. */
const spaOnly = process.argv.includes('--spa-only');
/** Lighthouse runs per preset; the median is reported (a single run moves by several points). */
const LIGHTHOUSE_RUNS = quick ? 1 : 5;
/** `--engine pg`: after SQLite, the same scenarios on PostgreSQL (issue 16), printed side by side. */
const engineArg = process.argv.indexOf('--engine');
const withPostgres = engineArg !== -1 && /^(pg|postgres(ql)?)$/.test(process.argv[engineArg + 1] ?? '');
if (engineArg !== -1 && !withPostgres) throw new Error('--engine expects pg (SQLite always runs)');
/** `--pg-only` (development): only the PostgreSQL scenarios, no SQLite run beside them. */
const pgOnly = withPostgres && process.argv.includes('--pg-only');
const SECONDS = quick ? 3 : 20; // per scenario, and as much again for the bare route
const WARMUP_SECONDS = quick ? 1 : 5;
const SLICES = quick ? 3 : 4;
/** The in-server pass under load comes in this many cohorts, each followed by as long at rest (pass-under-load.ts). */
const PASS_CYCLES = quick ? 2 : 10;
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const SIZES = automationsOnly ? [AUTOMATIONS_SIZE] : onlyScenarios !== null ? [ONLY_SIZE] : soakOnly || spaOnly ? [10_000] : quick ? [20_000, 10_000] : [1_000_000, 10_000];
if (!Number.isFinite(SOAK_SECONDS) || SOAK_SECONDS <= 0) throw new Error('--soak-seconds expects a positive number of seconds');

export interface ScenarioResult {
  name: string;
  kind: 'read' | 'write';
  skipped?: string;
  bodyBytes?: number;
  scenario?: LoadResult;
  bare?: LoadResult;
  ratioToBare?: number;
  /** Requests a CPU-second of the server (and, on PostgreSQL, of PostgreSQL's processes): throughput per core. */
  requestsPerCpuSecond?: number;
}

export interface DatasetResult {
  tickets: number;
  contacts: number;
  messages: number;
  generationSeconds: number;
  scenarios: ScenarioResult[];
  memory: { postWarmupRssMb: number; finalRssMb: number; peakRssMb: number; growth: number };
  automations?: AutomationResult;
  soak?: SoakResult;
  /** Issue 18: what idle live-update streams and a 10 MB upload cost the server (the small dataset). */
  featureCosts?: { idleStreams: IdleStreamsCost; upload: UploadCost };
  /** Issue 16: two instances on one PostgreSQL (the small dataset, --engine pg). */
  twoInstances?: TwoInstancesResult;
}

/** Idle live-update streams held open for the memory measurement (issue 18: 1,000 cost ≤ 50 MB). */
const IDLE_STREAMS = quick ? 200 : 1000;

export interface AutomationResult {
  /** The generated data was never swept: a first pass at start catches up, as after downtime. */
  catchUp: AutomationPass;
  dueTickets: number;
  alone: AutomationPass;
  nothingDue: AutomationPass;
  underLoad: PassUnderLoad;
}

export interface SoakResult {
  seconds: number;
  connections: number;
  mix: string;
  load: LoadResult;
  rss: { startMb: number; endMb: number; peakMb: number; growth: number; samplesMb: number[] };
  serverLoopDelay: LoopDelay;
  ok: boolean;
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
  const cookies = signInBenchActors(db, dataset, now);
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
      headers: { cookie: cookies[r.as]!, origin, ...(r.method === 'POST' ? { 'content-type': 'application/json' } : {}), ...r.headers?.() },
      body: r.body?.(conn),
    });
    const text = await response.text();
    if (response.status === 404) return { missing: `${r.method} ${path.split('?')[0]} answers 404 (not on this branch yet)` };
    if (!response.ok && response.status !== 304) throw new Error(`${r.method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    r.onResponse?.(conn, response.status, text);
    bytes += Buffer.byteLength(text);
  }
  // The bare route answers at least 16 bytes: a 304 (no body) is compared with that.
  return { bytes: Math.max(16, Math.round(bytes / requests.length)) };
}

async function benchDataset(tickets: number, engine: 'sqlite' | 'pg' = 'sqlite'): Promise<{ result: DatasetResult; lighthouse?: LighthouseAudits }> {
  const dir = mkdtempSync(join(tmpdir(), 'atende-bench-'));
  try {
    log(`\n== ${tickets.toLocaleString('en')} tickets${engine === 'pg' ? ' on PostgreSQL' : ''} ==`);
    const { dataset, cookies, replyTicketIds, generationSeconds, contacts } = prepareDataset(dir, tickets);
    log(`  generated ${dataset.tickets.toLocaleString('en')} tickets, ${dataset.messages.toLocaleString('en')} messages in ${generationSeconds} s`);
    const postgres = engine === 'pg' ? await copyDatasetToPostgres(join(dir, 'atende.db')) : null;
    if (postgres) log(`  copied into PostgreSQL in ${postgres.seconds} s (db:copy, then VACUUM ANALYZE)`);
    const server = await startServer(dir, PORT, postgres ? { databaseUrl: postgres.url } : {});
    const scenarios: ScenarioResult[] = [];
    let postWarmupRssMb = 0;
    // On PostgreSQL the scenarios only: the automation, soak, SPA and feature steps edit or measure SQLite's file and process.
    const sqliteOnly = engine === 'sqlite';
    const large = tickets === SIZES[0] && !soakOnly && !spaOnly && sqliteOnly;
    try {
      // One of the heavy contact's live tickets gets files; the reply scenario keeps the others.
      const attachmentTicketId = soakOnly || automationsOnly || spaOnly ? undefined : replyTicketIds.pop();
      const ctx: ScenarioContext = { dataset, replyTicketIds, attachmentTicketId };
      if (attachmentTicketId !== undefined) await prepareAttachmentTicket(server, cookies.heavy, attachmentTicketId);
      const getJson: GetJson = async (path, as) => (await fetch(server.url + path, { headers: { cookie: cookies[as] } })).json();
      const getTag: GetTag = async (path, as) => (await fetch(server.url + path, { headers: { cookie: cookies[as] } })).headers.get('etag');
      let catchUp: AutomationPass | undefined;
      if (large) {
        log('  automations: catch-up pass over the generated data (the in-server loop is off in the benchmark)');
        catchUp = await runAutomationPass(dir, Date.now());
        log(`  automations: catch-up ${describePass(catchUp)}`);
      }
      for (const scenario of soakOnly || automationsOnly || spaOnly ? [] : SCENARIOS.filter((s) => onlyScenarios === null || s.name.includes(onlyScenarios))) {
        const requests = scenario.requests(ctx);
        const before = () => scenario.beforeRun?.(ctx, getJson, getTag);
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
        // The CPU the scenario's own slices cost: the server, plus PostgreSQL's processes on that engine.
        const cpu = () => cpuSecondsOf(postgres ? [server.pid, ...postgresPids()] : [server.pid]);
        let cpuSeconds = 0;
        for (let slice = 0; slice < SLICES; slice++) {
          await before();
          const cpuBefore = cpu();
          scenarioSamples.push(await runLoad({ ...base, cookies, requests, seconds: SECONDS / SLICES, label: `${scenario.name} ${slice + 1}/${SLICES}` }));
          cpuSeconds += cpu() - cpuBefore;
          bareSamples.push(await runLoad({ ...base, requests: bareRequests, seconds: SECONDS / SLICES, label: `bare route, ${probed.bytes} B ${slice + 1}/${SLICES}` }));
        }
        const measured = summarize(scenarioSamples);
        const bare = summarize(bareSamples);
        const ratioToBare = Math.round((measured.requestsPerSecond / bare.requestsPerSecond) * 100) / 100;
        log(
          `  ${scenario.name}: ${measured.requestsPerSecond} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms` +
            ` (bare ${bare.requestsPerSecond} req/s: ratio ${ratioToBare})${measured.notModified ? `, ${Math.round((measured.notModified / measured.requests) * 1000) / 10}% answered 304` : ''}` +
            `${measured.non2xx + measured.errors ? `, ${measured.non2xx} non-2xx, ${measured.errors} errors` : ''}`,
        );
        const answered = scenarioSamples.reduce((n, sample) => n + sample.latenciesMs.length, 0);
        const requestsPerCpuSecond = cpuSeconds > 0 ? Math.round(answered / cpuSeconds) : undefined;
        scenarios.push({ name: scenario.name, kind: scenario.kind, bodyBytes: probed.bytes, scenario: measured, bare, ratioToBare, ...(requestsPerCpuSecond ? { requestsPerCpuSecond } : {}) });
      }
      const memory = memoryOf(server.pid);
      if (!postWarmupRssMb) postWarmupRssMb = memory.rssMb;
      const automations = catchUp && onlyScenarios === null ? await automationStep(dir, server, ctx, cookies, dataset.tickets, catchUp) : undefined;
      let lh: LighthouseAudits | undefined;
      const wholeRun = onlyScenarios === null;
      if (tickets === SIZES.at(-1) && sqliteOnly && !skipLighthouse && !soakOnly && !automationsOnly && wholeRun) {
        log(`  Lighthouse of the signed-in panel (typical contact), mobile and desktop settings, then of a ticket page on mobile, the representative (median) of ${LIGHTHOUSE_RUNS} runs each`);
        lh = {
          mobile: await lighthouseMedian(`${server.url}/painel`, cookies.typical, 'mobile', LIGHTHOUSE_RUNS),
          desktop: await lighthouseMedian(`${server.url}/painel`, cookies.typical, 'desktop', LIGHTHOUSE_RUNS),
          // The link in every ticket e-mail, opened on a phone: a lazily loaded page (not a goal row).
          ticketMobile: await lighthouseMedian(`${server.url}/painel/chamados/${dataset.threadTicketId}`, cookies.typical, 'mobile', LIGHTHOUSE_RUNS),
        };
      }
      let featureCosts: DatasetResult['featureCosts'];
      if (tickets === SIZES.at(-1) && sqliteOnly && !soakOnly && !automationsOnly && !spaOnly && wholeRun) {
        log(`  feature costs: ${IDLE_STREAMS} idle live-update streams, then a 10 MB upload`);
        const idleStreams = await measureIdleStreams(server, dir, dataset.typicalContactId, IDLE_STREAMS);
        log(
          `  feature costs: ${idleStreams.streams} idle streams: live memory after a collection ${idleStreams.liveBeforeMb} → ${idleStreams.liveOpenMb} MB (+${idleStreams.liveRiseMb} MB, ${idleStreams.kbPerStream} KB a stream);` +
            ` RSS ${idleStreams.rssBeforeMb} → ${idleStreams.rssOpenMb} MB (${idleStreams.riseMb >= 0 ? '+' : ''}${idleStreams.riseMb} MB)`,
        );
        const upload = await measureUpload(server, cookies.typical);
        log(`  feature costs: ${upload.bytes.toLocaleString('en')} B upload answered ${upload.status} in ${upload.seconds} s: RSS ${upload.rssBeforeMb} → peak ${upload.rssPeakMb} MB (+${upload.riseMb} MB)`);
        featureCosts = { idleStreams, upload };
      }
      const soakResult = tickets === SIZES.at(-1) && sqliteOnly && !automationsOnly && !spaOnly && wholeRun ? await soak(server, cookies, ctx, getJson, getTag) : undefined;
      let twoInstances: TwoInstancesResult | undefined;
      if (postgres && tickets === SIZES.at(-1) && wholeRun) {
        const typical = SCENARIOS.find((s) => s.name === 'panel (typical contact)')!;
        log('  two instances on this PostgreSQL: the typical panel on one, then spread over two');
        twoInstances = await measureTwoInstances({ dataDir: dir, databaseUrl: postgres.url, first: server, port: PORT + 1, cookies, scenario: { name: typical.name, requests: typical.requests(ctx) }, seconds: SECONDS });
        log(`  ${describeTwoInstances(twoInstances)}`);
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
          ...(automations ? { automations } : {}),
          ...(soakResult ? { soak: soakResult } : {}),
          ...(featureCosts ? { featureCosts } : {}),
          ...(twoInstances ? { twoInstances } : {}),
        },
        lighthouse: lh,
      };
    } finally {
      await server.stop();
      await postgres?.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describePass(p: AutomationPass) {
  const r = p.report;
  const changed = r.autoClosed + r.reminders + r.approvalTimeouts;
  const b = p.batches;
  return (
    `${r.ran ? '' : '(lease held elsewhere, did not run) '}${r.autoClosed} closed, ${r.reminders} reminders, ${r.approvalTimeouts} approval timeouts in ${p.ms} ms` +
    `${changed ? ` (${Math.round((p.ms / changed) * 1000) / 1000} ms a ticket)` : ''}${p.where ? ` [${p.where === 'server' ? 'in the server' : 'own process'}]` : ''}` +
    (b ? `; ${b.count} batches of ${b.meanTickets} tickets on average (max ${b.maxTickets}), write lock held p50 ${b.p50LockMs} ms, p99 ${b.p99LockMs} ms, max ${b.maxLockMs} ms` : '')
  );
}

/**
 * Issue 7 step 3 on the large dataset: 5% of tickets due, a pass alone, a pass with nothing due, then
 * 5% due again in cohorts, each passed while the panel is under load and followed by as long at rest
 * (the panel's throughput during the passes as a ratio of the rests between them, and the server's
 * event-loop delay).
 */
async function automationStep(
  dir: string,
  server: RunningServer,
  ctx: ScenarioContext,
  cookies: Record<ScenarioRequest['as'], string>,
  tickets: number,
  catchUp: AutomationPass,
): Promise<AutomationResult> {
  const dbFile = join(dir, 'atende.db');
  const count = Math.round(tickets * DUE_SHARE);
  const now = Date.now();
  const dueTickets = makeTicketsDue(dbFile, count, now, 1);
  log(`  automations: ${dueTickets.toLocaleString('en')} tickets made due (${DUE_SHARE * 100}%), pass alone`);
  const alone = await runAutomationPass(dir, now);
  log(`  automations: alone, ${describePass(alone)}`);
  const nothingDue = await runAutomationPass(dir, now);
  log(`  automations: nothing due, ${describePass(nothingDue)}`);

  const panel = SCENARIOS.find((s) => s.name === AUTOMATION_PANEL)!;
  log(`  automations: ${count.toLocaleString('en')} tickets due again in ${PASS_CYCLES} cohorts, each passed inside the server (runAutomationsYielding) under the load of ${AUTOMATION_PANEL}, then as long at rest`);
  const underLoad = await measurePassUnderLoad({
    server,
    databaseFile: dbFile,
    load: { url: server.url, origin: server.origin, cookies, requests: panel.requests(ctx) },
    panel: AUTOMATION_PANEL,
    dueTickets: count,
    cycles: PASS_CYCLES,
    firstRound: 2,
    now,
    warmupSeconds: WARMUP_SECONDS,
    log,
  });
  log(
    `  automations: under load, ${describePass(underLoad.pass)}; panel ${underLoad.during.requestsPerSecond} req/s during the passes vs ${underLoad.baseline.requestsPerSecond} at rest between them (×${underLoad.ratioToBaseline}),` +
      ` server event-loop delay p99 ${underLoad.serverLoopDelay.during.p99Ms} ms (at rest ${underLoad.serverLoopDelay.baseline.p99Ms} ms)`,
  );
  return {
    catchUp,
    dueTickets,
    alone,
    nothingDue,
    underLoad,
  };
}

/** Issue 8's soak: mixed reads and replies at 100 connections; no errors, RSS ≤ 1.1 × its start. */
async function soak(server: RunningServer, cookies: Record<ScenarioRequest['as'], string>, ctx: ScenarioContext, getJson: GetJson, getTag: GetTag): Promise<SoakResult> {
  const requests = SOAK_SCENARIO.requests(ctx);
  const base = { url: server.url, origin: server.origin, cookies, requests, connections: SOAK_CONNECTIONS };
  if (ctx.replyTicketIds.length < SOAK_CONNECTIONS) throw new Error(`the soak needs ${SOAK_CONNECTIONS} reply tickets, the dataset has ${ctx.replyTicketIds.length}`);
  const warmup = quick ? 3 : 15;
  log(`  soak: ${SOAK_SECONDS} s of ${SOAK_SCENARIO.name} at ${SOAK_CONNECTIONS} connections, warm-up ${warmup} s`);
  await SOAK_SCENARIO.beforeRun?.(ctx, getJson, getTag);
  await runLoad({ ...base, seconds: warmup, label: 'soak warm-up' });
  await SOAK_SCENARIO.beforeRun?.(ctx, getJson, getTag);
  const startMb = memoryOf(server.pid).rssMb;
  const samplesMb = [startMb];
  const sampler = setInterval(() => samplesMb.push(memoryOf(server.pid).rssMb), 5000);
  await server.loopDelay();
  const sample = await runLoad({ ...base, seconds: SOAK_SECONDS, label: 'soak', progressEvery: 15 });
  clearInterval(sampler);
  const serverLoopDelay = await server.loopDelay();
  const endMb = memoryOf(server.pid).rssMb;
  samplesMb.push(endMb);
  const load = summarize([sample]);
  const growth = Math.round((endMb / startMb) * 100) / 100;
  const ok = load.errors === 0 && load.non2xx === 0 && growth <= 1.1;
  log(
    `  soak: ${load.requestsPerSecond} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.errors} errors, ${load.non2xx} non-2xx;` +
      ` server RSS ${startMb} MB → ${endMb} MB (×${growth}), peak ${Math.max(...samplesMb)} MB: ${ok ? 'ok' : 'FAILED'}`,
  );
  return {
    seconds: SOAK_SECONDS,
    connections: SOAK_CONNECTIONS,
    mix: 'per connection in turn: panel of a typical contact (counts and the five tabs), a 50-message thread, a reply of the heavy contact',
    load,
    rss: { startMb, endMb, peakMb: Math.max(...samplesMb), growth, samplesMb },
    serverLoopDelay,
    ok,
  };
}

const startedAt = new Date();
log(`Atende benchmark${quick ? ' (quick)' : ''}${soakOnly ? ' (soak only)' : ''}${automationsOnly ? ` (automations only, ${AUTOMATIONS_SIZE.toLocaleString('en')} tickets)` : ''}${onlyScenarios !== null ? ` (only "${onlyScenarios}", ${ONLY_SIZE.toLocaleString('en')} tickets)` : ''}${spaOnly ? ' (SPA only: bundle and Lighthouse)' : ''}: ${CONNECTIONS} connections, ${SECONDS} s a scenario after ${WARMUP_SECONDS} s warm-up`);
// `--automations-only` does not build the SPA to measure it.
const bundle = automationsOnly || onlyScenarios !== null ? { jsGzipKb: 0, cssGzipKb: 0, files: ['not measured with --automations-only or --only'] } : firstLoadBundle();
const datasets: DatasetResult[] = [];
let lighthouseScores: LighthouseAudits | undefined;
for (const size of pgOnly ? [] : SIZES) {
  const { result, lighthouse: lh } = await benchDataset(size);
  datasets.push(result);
  lighthouseScores ??= lh;
}
const postgresDatasets: DatasetResult[] = [];
if (withPostgres) for (const size of SIZES) postgresDatasets.push((await benchDataset(size, 'pg')).result);
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  mode: automationsOnly ? 'automations' : onlyScenarios !== null ? 'only' : spaOnly ? 'spa' : soakOnly ? (quick ? 'soak-quick' : 'soak') : quick ? 'quick' : 'full',
  machine: 'server (the built apps/bff/dist/server.js, as pnpm start runs it) pinned to core 0 (taskset), load generator on core 1; NODE_ENV=production, LOG_LEVEL=warn',
  connections: CONNECTIONS,
  secondsPerScenario: SECONDS,
  automationsRunner:
    'catch-up, alone and nothing due: apps/bff runAutomations in its own process (bench/src/automations-child.ts) on the server core; under load: ' +
    "the server's own runAutomationsYielding via the bench-only POST /api/bench/automations; the timed in-server loop is off (AUTOMATIONS=off)",
  serverLoopDelay: 'perf_hooks.monitorEventLoopDelay (10 ms resolution) preloaded into the server by bench/src/loop-delay-probe.mjs',
  datasets,
  ...(withPostgres
    ? { postgres: { note: 'same datasets copied into PostgreSQL 15 (DATABASE_URL); server on core 0, PostgreSQL unpinned; per core = requests per CPU-second of the server and PostgreSQL processes; scenarios only', datasets: postgresDatasets } }
    : {}),
  bundle,
  lighthouse: lighthouseScores ?? null,
};
printTable(results);
printGoals(results);
if (withPostgres) printEngines(datasets, postgresDatasets, log);
for (const dataset of postgresDatasets) if (dataset.twoInstances) log(`\n${dataset.tickets.toLocaleString('en')} tickets, ${describeTwoInstances(dataset.twoInstances)}`);
mkdirSync(join(REPO, 'bench/results'), { recursive: true });
const file = join(REPO, 'bench/results', `${startedAt.toISOString().replace(/[:.]/g, '-')}-${results.mode}.json`);
writeFileSync(file, `${JSON.stringify({ ...results, goals: goalRows(results) }, null, 2)}\n`);
log(`\nwritten ${file}`);
export type BenchResults = typeof results;
