import type { DatasetResult } from './run.js';
import type { BundleSizes, LighthouseScores } from './spa.js';

interface Results {
  datasets: DatasetResult[];
  bundle: BundleSizes;
  lighthouse: { mobile: LighthouseScores; desktop: LighthouseScores } | null;
}

interface Goal {
  goal: string;
  target: string;
  /** The figure from this run, or undefined when this mode does not measure it. */
  figure: (r: Results) => number | undefined;
  met: (value: number) => boolean;
  unit?: string;
  /** What the figure should be read beside, when this run measured it. */
  aside?: (r: Results) => string | undefined;
}

const scenario = (r: Results, name: string) => r.datasets[0]?.scenarios.find((s) => s.name.startsWith(name));
const ratioOf = (r: Results, name: string) => scenario(r, name)?.ratioToBare;
const atLeast = (n: number) => (v: number) => v >= n;
const atMost = (n: number) => (v: number) => v <= n;

/**
 * Issue 18's goals, one row each, read from this run's results (the large dataset unless said): the
 * figure and ✓/✗, so every run says where the portal stands against them.
 */
export const GOALS: Goal[] = [
  { goal: 'panel, typical contact ÷ bare route', target: '≥ 0.6', figure: (r) => ratioOf(r, 'panel (typical contact)'), met: atLeast(0.6) },
  { goal: 'panel, heavy contact ÷ bare', target: '≥ 0.4', figure: (r) => ratioOf(r, 'panel (heavy contact'), met: atLeast(0.4) },
  { goal: '50-message thread ÷ bare', target: '≥ 0.4', figure: (r) => ratioOf(r, 'ticket with a 50-message thread'), met: atLeast(0.4) },
  {
    goal: 'agent queue ÷ bare (the slowest queue)',
    target: '≥ 0.3',
    figure: (r) => {
      const queues = (r.datasets[0]?.scenarios ?? []).filter((s) => s.name.startsWith('agent ticket list') || s.name.startsWith('agent queue')).map((s) => s.ratioToBare);
      return queues.length && queues.every((q) => q !== undefined) ? Math.min(...(queues as number[])) : undefined;
    },
    met: atLeast(0.3),
  },
  { goal: 'panel p99 at 50 connections (typical)', target: '≤ 10 ms', figure: (r) => scenario(r, 'panel (typical contact)')?.scenario?.p99Ms, met: atMost(10), unit: 'ms' },
  { goal: 'search p99', target: '≤ 50 ms', figure: (r) => scenario(r, 'agent search')?.scenario?.p99Ms, met: atMost(50), unit: 'ms' },
  { goal: 'due tickets, pass alone', target: '< 10 s', figure: (r) => r.datasets[0]?.automations?.alone.ms, met: (v) => v < 10_000, unit: 'ms' },
  { goal: 'write lock held by a batch, p99', target: '≤ 50 ms', figure: (r) => r.datasets[0]?.automations?.alone.batches?.p99LockMs, met: atMost(50), unit: 'ms' },
  { goal: 'panel during an automation pass ÷ without', target: '≥ 0.8', figure: (r) => r.datasets[0]?.automations?.underLoad.ratioToBaseline, met: atLeast(0.8) },
  {
    goal: 'event-loop delay p99 during the pass',
    target: '≤ 20 ms',
    figure: (r) => r.datasets[0]?.automations?.underLoad.serverLoopDelay.during.p99Ms,
    met: atMost(20),
    unit: 'ms',
  },
  {
    goal: 'Lighthouse mobile, signed-in panel',
    target: '≥ 95',
    figure: (r) => r.lighthouse?.mobile.performance ?? undefined,
    met: atLeast(95),
    aside: (r) => (r.lighthouse?.mobile.runs && r.lighthouse.mobile.runs.length > 1 ? `the median run of ${r.lighthouse.mobile.runs.join(', ')}` : undefined),
  },
  {
    goal: 'customer first-load JS, gzip',
    target: '≤ 90 KB',
    figure: (r) => r.bundle.jsGzipKb || undefined,
    met: atMost(90),
    unit: 'KB',
    aside: (r) => (r.bundle.libraryFloorGzipKb ? `React + React Router + TanStack Query alone: ${r.bundle.libraryFloorGzipKb} KB` : undefined),
  },
  {
    goal: 'idle live-update streams: memory held (per 1,000)',
    target: '≤ 50 MB',
    figure: (r) => {
      const s = r.datasets.at(-1)?.featureCosts?.idleStreams;
      // Live memory after a collection (feature-costs.ts); runs before 2 Dec recorded RSS only.
      return s ? Math.round(((s.liveRiseMb ?? s.riseMb) * 1000 * 10) / s.streams) / 10 : undefined;
    },
    met: atMost(50),
    unit: 'MB',
  },
  { goal: '10 MB upload: RSS rise', target: '≤ 20 MB', figure: (r) => r.datasets.at(-1)?.featureCosts?.upload.riseMb, met: atMost(20), unit: 'MB' },
];

export function goalRows(r: Results): { goal: string; target: string; figure: number | null; met: boolean | null }[] {
  return GOALS.map((g) => {
    const value = g.figure(r);
    return { goal: g.goal, target: g.target, figure: value ?? null, met: value === undefined ? null : g.met(value) };
  });
}

export function printGoals(r: Results): void {
  const rows = goalRows(r).map((row, i) => {
    const unit = GOALS[i]!.unit ? ` ${GOALS[i]!.unit}` : '';
    const aside = row.met === null ? undefined : GOALS[i]!.aside?.(r);
    const mark = row.met === null ? '- not measured in this mode' : `${row.met ? '✓' : '✗'} ${row.figure}${unit}${aside ? ` (${aside})` : ''}`;
    return [row.goal, row.target, mark];
  });
  const widths = [0, 1].map((c) => Math.max(...rows.map((row) => row[c]!.length), c === 0 ? 4 : 6));
  const lines = ['', `| ${'goal'.padEnd(widths[0]!)} | ${'target'.padEnd(widths[1]!)} | this run`, ...rows.map((row) => `| ${row[0]!.padEnd(widths[0]!)} | ${row[1]!.padEnd(widths[1]!)} | ${row[2]}`), ''];
  process.stdout.write(`Goals (issue 18)${lines.join('\n')}\n`);
}
