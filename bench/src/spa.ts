import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO } from './server.js';

const DIST = join(REPO, 'apps/web/dist');

export interface BundleSizes {
  jsGzipKb: number;
  cssGzipKb: number;
  /** What a browser that accepts brotli is sent: the build's precompressed .br files. */
  jsBrotliKb?: number;
  files: string[];
}

/** Gzipped size of what index.html makes the browser load first: its scripts, module preloads and styles. */
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
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return { jsGzipKb: kb(js), cssGzipKb: kb(css), jsBrotliKb: kb(jsBrotli), files: [...new Set(files)] };
}

export interface LighthouseScores {
  performance: number | null;
  accessibility: number | null;
  note?: string;
}

/** Lighthouse of the signed-in panel in Debian's Chromium, with its mobile (default) or desktop settings. */
export function lighthouse(url: string, cookie: string, preset: 'mobile' | 'desktop'): LighthouseScores {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) return { performance: null, accessibility: null, note: `no Chromium at ${chrome}` };
  const run = spawnSync(
    join(REPO, 'bench/node_modules/.bin/lighthouse'),
    [
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
  if (run.status !== 0) return { performance: null, accessibility: null, note: `lighthouse failed: ${run.stderr.slice(-500)}` };
  const report = JSON.parse(run.stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { score: number | null; title: string }>;
    finalDisplayedUrl?: string;
  };
  const score = (name: string) => {
    const value = report.categories[name]?.score;
    return value === null || value === undefined ? null : Math.round(value * 100);
  };
  const failed = Object.entries(report.audits)
    .filter(([, a]) => a.score === 0)
    .map(([id]) => id)
    .slice(0, 8);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    note: `${report.finalDisplayedUrl ?? url}${failed.length ? `; failing audits: ${failed.join(', ')}` : ''}`,
  };
}
