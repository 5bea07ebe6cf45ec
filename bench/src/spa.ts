import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO } from './server.js';

const DIST = join(REPO, 'apps/web/dist');

export interface BundleSizes {
  jsGzipKb: number;
  cssGzipKb: number;
  /** What a browser that accepts brotli is sent: the build's precompressed .br files. */
  jsBrotliKb?: number;
  /**
   * The same figure for React, React Router and TanStack Query alone, with just the APIs the panel's
   * first screen calls (apps/web/build/library-floor): what no code of ours can go below.
   */
  libraryFloorGzipKb?: number;
  files: string[];
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Builds apps/web/build/library-floor into a temporary directory and gzips its one script. */
function libraryFloorGzipKb(): number {
  const out = mkdtempSync(join(tmpdir(), 'atende-library-floor-'));
  try {
    const build = spawnSync('pnpm', ['exec', 'vite', 'build', '--config', 'build/library-floor/vite.config.ts'], {
      cwd: join(REPO, 'apps/web'),
      env: { ...process.env, LIBRARY_FLOOR_OUT: out },
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('the library-floor build failed');
    const scripts = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    return kb(scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(out, 'assets', f)), { level: 9 }).length, 0));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Gzipped size of what index.html makes the browser load first: its scripts and module preloads, and
 * its styles (inline in index.html since the build inlines the stylesheet; a linked one counts too).
 */
export function firstLoadBundle(): BundleSizes {
  // Always the production build of the code as it is now, never a stale dist/ (a second or two).
  const build = spawnSync('pnpm', ['build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('pnpm build failed');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let jsBrotli = 0;
  let css = 0;
  for (const file of new Set(files)) {
    const size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    if (file.endsWith('.js')) {
      js += size;
      jsBrotli += statSync(join(DIST, `${file}.br`)).size;
    } else css += size;
  }
  for (const m of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) css += gzipSync(m[1]!, { level: 9 }).length;
  return { jsGzipKb: kb(js), cssGzipKb: kb(css), jsBrotliKb: kb(jsBrotli), libraryFloorGzipKb: libraryFloorGzipKb(), files: [...new Set(files)] };
}

export interface LighthouseScores {
  /** The representative run's score (Lighthouse's computeMedianRun over `runs`). */
  performance: number | null;
  accessibility: number | null;
  /** Every run's performance score, in order: one Lighthouse run moves by several points. */
  runs?: (number | null)[];
  /** The representative run's metrics, in ms (CLS unitless). */
  metrics?: { fcpMs: number; lcpMs: number; tbtMs: number; speedIndexMs: number; cls: number };
  note?: string;
}

/** The parts of a Lighthouse report (LHR) the bench reads. */
interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; title: string; numericValue?: number }>;
  finalDisplayedUrl?: string;
}

/**
 * Lighthouse `runs` times, reporting the representative run: Lighthouse's own `computeMedianRun` (the
 * run nearest the median FCP and TTI), as its variability guide advises ("the median of 5 runs is
 * twice as stable as 1 run"). Every run's score is kept beside it.
 */
export async function lighthouseMedian(url: string, cookie: string, preset: 'mobile' | 'desktop', runs: number): Promise<LighthouseScores> {
  const { computeMedianRun, filterToValidRuns } = (await import('lighthouse/core/lib/median-run.js')) as unknown as {
    computeMedianRun: (runs: Report[]) => Report;
    filterToValidRuns: (runs: Report[]) => Report[];
  };
  const reports: Report[] = [];
  let failure: string | undefined;
  for (let i = 0; i < runs; i++) {
    const run = lighthouseReport(url, cookie, preset);
    if ('failure' in run) failure = run.failure;
    else reports.push(run);
  }
  const valid = filterToValidRuns(reports);
  if (valid.length === 0) return { performance: null, accessibility: null, note: failure ?? 'no valid Lighthouse run' };
  return { ...summarize(computeMedianRun(valid), url), runs: reports.map((r) => scoreOf(r, 'performance')) };
}

function scoreOf(report: Report, category: string): number | null {
  const value = report.categories[category]?.score;
  return value === null || value === undefined ? null : Math.round(value * 100);
}

/**
 * One Lighthouse run of the signed-in panel in Debian's Chromium, with its mobile (default) or desktop
 * settings. Chromium gets both cores: Lighthouse asks for at least two dedicated ones, and on the one
 * core the bench's load generator is pinned to, Lighthouse's own process and Chromium's browser process
 * took turns with the page's renderer, each of their milliseconds counted four times over by the
 * simulated phone CPU. The server stays on its own core; it is idle but for the page's requests.
 */
function lighthouseReport(url: string, cookie: string, preset: 'mobile' | 'desktop'): Report | { failure: string } {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) return { failure: `no Chromium at ${chrome}` };
  const run = spawnSync(
    'taskset',
    [
      '--cpu-list',
      `0-${availableParallelism() - 1}`,
      join(REPO, 'bench/node_modules/.bin/lighthouse'),
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) return { failure: `lighthouse failed: ${run.stderr.slice(-500)}` };
  return JSON.parse(run.stdout) as Report;
}

function summarize(report: Report, url: string): LighthouseScores {
  const failed = Object.entries(report.audits)
    .filter(([, a]) => a.score === 0)
    .map(([id]) => id)
    .slice(0, 8);
  const metric = (id: string) => Math.round((report.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
  return {
    performance: scoreOf(report, 'performance'),
    accessibility: scoreOf(report, 'accessibility'),
    metrics: {
      fcpMs: Math.round(metric('first-contentful-paint')),
      lcpMs: Math.round(metric('largest-contentful-paint')),
      tbtMs: Math.round(metric('total-blocking-time')),
      speedIndexMs: Math.round(metric('speed-index')),
      cls: metric('cumulative-layout-shift'),
    },
    note: `${report.finalDisplayedUrl ?? url}${failed.length ? `; failing audits: ${failed.join(', ')}` : ''}`,
  };
}
