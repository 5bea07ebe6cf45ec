import type { DatasetResult } from './run.js';
import type { BundleSizes, LighthouseScores } from './spa.js';

interface Printable {
  datasets: DatasetResult[];
  bundle: BundleSizes;
  lighthouse: { mobile: LighthouseScores; desktop: LighthouseScores } | null;
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? (Math.round((a / b) * 100) / 100).toFixed(2) : '-');

/** The one table: per scenario, the large and the small dataset side by side, then memory and the SPA. */
export function printTable({ datasets, bundle, lighthouse }: Printable) {
  const [large, small] = datasets as [DatasetResult, DatasetResult];
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const head = [
    'scenario',
    `${k(large.tickets)} req/s`,
    'p50 ms',
    'p99 ms',
    '÷ bare',
    `${k(small.tickets)} req/s`,
    'p50 ms',
    'p99 ms',
    '÷ bare',
    `${k(large.tickets)}/${k(small.tickets)} p50`,
    'p99',
  ];
  const rows = large.scenarios.map((s, i) => {
    const t = small.scenarios[i];
    if (s.skipped || !s.scenario) return [s.name, `skipped: ${s.skipped ?? ''}`];
    return [
      s.name,
      String(s.scenario.requestsPerSecond),
      String(s.scenario.p50Ms),
      String(s.scenario.p99Ms),
      ratio(s.scenario.requestsPerSecond, s.bare?.requestsPerSecond),
      String(t?.scenario?.requestsPerSecond ?? '-'),
      String(t?.scenario?.p50Ms ?? '-'),
      String(t?.scenario?.p99Ms ?? '-'),
      ratio(t?.scenario?.requestsPerSecond, t?.bare?.requestsPerSecond),
      ratio(s.scenario.p50Ms, t?.scenario?.p50Ms),
      ratio(s.scenario.p99Ms, t?.scenario?.p99Ms),
    ];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...rows.filter((r) => r.length > 2).map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.length === 2 ? `| ${cells[0]!.padEnd(widths[0]!)} | ${cells[1]}` : `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  const out = ['', line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''];
  for (const d of datasets) {
    out.push(
      `${k(d.tickets)}: ${d.tickets.toLocaleString('en')} tickets, ${d.contacts.toLocaleString('en')} contacts, ${d.messages.toLocaleString('en')} messages, generated in ${d.generationSeconds} s; ` +
        `server RSS ${d.memory.postWarmupRssMb} MB after warm-up, ${d.memory.finalRssMb} MB at the end (×${d.memory.growth}), peak ${d.memory.peakRssMb} MB`,
    );
  }
  out.push(`SPA first load (gzip): JS ${bundle.jsGzipKb} KB, CSS ${bundle.cssGzipKb} KB (${bundle.files.join(', ')})`);
  for (const [preset, scores] of Object.entries(lighthouse ?? {})) {
    out.push(
      `Lighthouse ${preset} (signed-in panel): performance ${scores.performance ?? '-'}, accessibility ${scores.accessibility ?? '-'}${scores.note ? ` (${scores.note})` : ''}`,
    );
  }
  if (!lighthouse) out.push('Lighthouse: not run');
  out.push('Automations: not measured yet (issue 6 builds the runner; add it to bench/src/run.ts when it lands).');
  process.stdout.write(`${out.join('\n')}\n`);
}
