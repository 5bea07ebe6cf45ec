import { makeTicketsDueInChild, mergeInServerPasses, runAutomationPassInServer, type AutomationPass, type InServerPass } from './automations.js';
import { epochMs, runLoad, type LoadSample } from './load.js';
import { quantileOf } from './quantile.js';
import type { LoopDelay, RunningServer } from './server.js';
import type { ScenarioRequest } from './scenarios.js';

/** The panel's answers inside a set of time windows. */
export interface WindowedLoad {
  windows: number;
  seconds: number;
  requestsPerSecond: number;
  p99Ms: number;
}

export interface PassUnderLoad {
  pass: AutomationPass;
  panel: string;
  /** How the figure was taken (kept in the results, since runs before session 13 took it otherwise). */
  method: string;
  /** The rest windows between the passes: the same load, no pass. */
  baseline: WindowedLoad;
  /** The pass windows: from a pass's start to one second after its end (its last pages checkpointed). */
  during: WindowedLoad;
  ratioToBaseline: number;
  /** Over all windows of each kind together. */
  serverLoopDelay: { baseline: LoopDelay; during: LoopDelay };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a pass: the checkpointer (every second) copies its last pages, part of what the pass costs. */
const PASS_TAIL_MS = 1000;
/** After making tickets due from the bench's own connection: its pages checkpointed before a window starts. */
const SETTLE_MS = 3000;
/** The server's loop-delay totals (loop-delay-probe.mjs) for the two kinds of window. */
const PASS_TOTAL = 'automation passes';
const REST_TOTAL = 'rests between passes';

/**
 * The in-server pass under the panel's load, as an A/B in the same minutes. The machine's speed drifts
 * (up to 2× within a minute here), so one baseline before one long pass compared two different
 * machines: five runs gave 0.55 to 0.92 for the same code. Here the due tickets come in `cycles`
 * cohorts; each cohort's pass window is followed by a rest window as long, under the same unbroken
 * load, and the ratio compares the answers counted in all pass windows with those in all rest windows.
 * Making a cohort due (a write by the bench, not the portal) falls between windows and counts in neither.
 */
export async function measurePassUnderLoad(options: {
  server: RunningServer;
  databaseFile: string;
  load: { url: string; origin: string; cookies: Record<ScenarioRequest['as'], string>; requests: ScenarioRequest[] };
  panel: string;
  dueTickets: number;
  cycles: number;
  /** Rounds (id classes) for the cohorts start here, so they differ from the tickets made due before. */
  firstRound: number;
  now: number;
  warmupSeconds: number;
  log: (line: string) => void;
}): Promise<PassUnderLoad> {
  const { server, now } = options;
  await runLoad({ ...options.load, seconds: options.warmupSeconds, label: 'warm-up' });
  const passWindows: [number, number][] = [];
  const restWindows: [number, number][] = [];
  const passes: InServerPass[] = [];
  let delays: Record<string, LoopDelay> = {};
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const loaded = runLoad({ ...options.load, seconds: 3600, label: `${options.panel} (passes and rests)`, timestamps: true, stopWhen: stopped });
  try {
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      // In a child process: made here, the write held this process's loop, and the load's answers with it.
      const due = await makeTicketsDueInChild(options.databaseFile, Math.ceil(options.dueTickets / options.cycles), now, options.firstRound + cycle);
      await sleep(SETTLE_MS);
      await server.loopDelay();
      const inServer = await runAutomationPassInServer(server, now);
      await sleep(PASS_TAIL_MS);
      await server.loopDelay(PASS_TOTAL);
      const passWindow: [number, number] = [inServer.pass.startedAt, inServer.pass.finishedAt + PASS_TAIL_MS];
      passWindows.push(passWindow);
      passes.push(inServer);
      const restStart = epochMs();
      await sleep(passWindow[1] - passWindow[0]);
      const { totals } = await server.loopDelay(REST_TOTAL);
      delays = totals;
      restWindows.push([restStart, epochMs()]);
      options.log(`  automations: cycle ${cycle + 1}/${options.cycles}: ${due} due, pass ${Math.round(inServer.pass.ms)} ms (${inServer.pass.report.autoClosed} closed), then as long at rest`);
    }
  } finally {
    stop();
  }
  const sample = await loaded;
  const during = countInWindows(sample, passWindows);
  const baseline = countInWindows(sample, restWindows);
  return {
    pass: mergeInServerPasses(passes),
    panel: options.panel,
    method: `${options.cycles} cohorts; each pass window (start to ${PASS_TAIL_MS} ms after its end) followed by a rest window as long, one unbroken load`,
    baseline,
    during,
    ratioToBaseline: Math.round((during.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100,
    serverLoopDelay: { baseline: delays[REST_TOTAL]!, during: delays[PASS_TOTAL]! },
  };
}

function countInWindows(sample: LoadSample, windows: [number, number][]): WindowedLoad {
  const answeredAt = sample.answeredAt!;
  const latencies = sample.latenciesMs.filter((_, i) => windows.some(([from, to]) => answeredAt[i]! >= from && answeredAt[i]! <= to)).sort((a, b) => a - b);
  const seconds = windows.reduce((sum, [from, to]) => sum + (to - from), 0) / 1000;
  return {
    windows: windows.length,
    seconds: Math.round(seconds * 100) / 100,
    requestsPerSecond: Math.round(latencies.length / seconds),
    p99Ms: quantileOf(latencies, 0.99),
  };
}
