import type { AutomationPass } from './automations.js';
import type { DatasetResult } from './run.js';
import type { BundleSizes, LighthouseScores } from './spa.js';

interface Printable {
  datasets: DatasetResult[];
  bundle: BundleSizes;
  lighthouse: LighthouseAudits | null;
}

/** Lighthouse's audits of one run: the panel on both presets, and a ticket page on a phone. */
export interface LighthouseAudits {
  mobile: LighthouseScores;
  desktop: LighthouseScores;
  /** The typical contact's 50-message ticket, as the link in a ticket e-mail opens it. */
  ticketMobile?: LighthouseScores;
}

const AUDITED: Record<keyof LighthouseAudits, string> = {
  mobile: 'mobile (signed-in panel)',
  desktop: 'desktop (signed-in panel)',
  ticketMobile: 'mobile (a ticket page opened from an e-mail link, 50 messages)',
};

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? (Math.round((a / b) * 100) / 100).toFixed(2) : '-');

/** The one table: per scenario, the large and the small dataset side by side, then memory and the SPA. */
export function printTable({ datasets, bundle, lighthouse }: Printable) {
  const [large, small = large] = datasets as [DatasetResult, DatasetResult?];
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
  // Automations (large dataset) and soak (small): rows of their own, described in the second cell.
  const pass = (p: AutomationPass) =>
    `${p.ms} ms: ${p.report.autoClosed.toLocaleString('en')} closed, ${p.report.reminders.toLocaleString('en')} reminders, ${p.report.approvalTimeouts.toLocaleString('en')} approval timeouts${p.report.ran ? '' : ' (did not run: lease held)'}`;
  for (const d of datasets) {
    const a = d.automations;
    if (!a) continue;
    const u = a.underLoad;
    rows.push(
      [`automations ${k(d.tickets)}: catch-up at start`, pass(a.catchUp)],
      [`automations ${k(d.tickets)}: ${a.dueTickets.toLocaleString('en')} due, alone`, pass(a.alone)],
      [`automations ${k(d.tickets)}: nothing due`, pass(a.nothingDue)],
      [
        `automations ${k(d.tickets)}: due, under panel load`,
        `${pass(u.pass)}; ${u.panel} ${u.during.requestsPerSecond} req/s during ${u.during.windows} passes (${u.during.seconds} s, p99 ${u.during.p99Ms} ms) ÷ ${u.baseline.requestsPerSecond} at rest between them (${u.baseline.seconds} s, p99 ${u.baseline.p99Ms} ms) = ${u.ratioToBaseline.toFixed(2)}; ` +
          `server event-loop delay p99 ${u.serverLoopDelay.during.p99Ms} ms, max ${u.serverLoopDelay.during.maxMs} ms (at rest p99 ${u.serverLoopDelay.baseline.p99Ms} ms); runner held its thread ${u.pass.loopDelayMaxMs} ms`,
      ],
    );
  }
  for (const d of datasets) {
    const soak = d.soak;
    if (!soak) continue;
    rows.push([
      `soak ${k(d.tickets)}: ${soak.seconds} s, ${soak.connections} conns`,
      `${soak.load.requestsPerSecond} req/s, p50 ${soak.load.p50Ms} ms, p99 ${soak.load.p99Ms} ms, ${soak.load.errors} errors, ${soak.load.non2xx} non-2xx; ` +
        `server RSS ${soak.rss.startMb} → ${soak.rss.endMb} MB (×${soak.rss.growth}, peak ${soak.rss.peakMb}); loop delay p99 ${soak.serverLoopDelay.p99Ms} ms: ${soak.ok ? 'ok' : 'FAILED'}`,
    ]);
  }
  const widths = head.map((h, c) => Math.max(h.length, ...rows.filter((r) => r.length > 2).map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.length === 2 ? `| ${cells[0]!.padEnd(widths[0]!)} | ${cells[1]}` : `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  // `--soak` alone has no scenario columns to head.
  const table = large.scenarios.length ? [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`] : [];
  const out = ['', ...table, ...rows.map(line), ''];
  for (const d of datasets) {
    out.push(
      `${k(d.tickets)}: ${d.tickets.toLocaleString('en')} tickets, ${d.contacts.toLocaleString('en')} contacts, ${d.messages.toLocaleString('en')} messages, generated in ${d.generationSeconds} s; ` +
        `server RSS ${d.memory.postWarmupRssMb} MB after warm-up, ${d.memory.finalRssMb} MB at the end (×${d.memory.growth}), peak ${d.memory.peakRssMb} MB`,
    );
  }
  out.push(
    `SPA first load (gzip): JS ${bundle.jsGzipKb} KB, CSS ${bundle.cssGzipKb} KB` +
      `${bundle.jsBrotliKb ? `; JS as sent to a browser that takes brotli: ${bundle.jsBrotliKb} KB` : ''}` +
      `${bundle.libraryFloorGzipKb ? `; React + React Router + TanStack Query alone: ${bundle.libraryFloorGzipKb} KB` : ''} (${bundle.files.join(', ')})`,
  );
  for (const [audit, scores] of Object.entries(lighthouse ?? {}) as [keyof LighthouseAudits, LighthouseScores][]) {
    const m = scores.metrics;
    out.push(
      `Lighthouse ${AUDITED[audit]}: performance ${scores.performance ?? '-'}${scores.runs && scores.runs.length > 1 ? ` (the median run of ${scores.runs.join(', ')})` : ''}, accessibility ${scores.accessibility ?? '-'}` +
        `${m ? `; FCP ${m.fcpMs} ms, LCP ${m.lcpMs} ms, TBT ${m.tbtMs} ms, SI ${m.speedIndexMs} ms, CLS ${m.cls}` : ''}${scores.note ? ` (${scores.note})` : ''}`,
    );
  }
  if (!lighthouse) out.push('Lighthouse: not run');
  process.stdout.write(`${out.join('\n')}\n`);
}
