import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = new URL('../../', import.meta.url).pathname;

export interface RunningServer {
  url: string;
  origin: string;
  pid: number;
  /**
   * The server's event-loop delay since the previous call (or since start). `into` also adds that
   * window to a running total of that name; every total so far comes back in `totals`.
   */
  loopDelay: (into?: string) => Promise<WindowLoopDelay>;
  /** The server's memory right after a full garbage collection (gc-probe.mjs), in MB. */
  liveMemory: () => Promise<{ rssMb: number; liveMb: number }>;
  stop: () => Promise<void>;
}

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

export interface WindowLoopDelay extends LoopDelay {
  totals: Record<string, LoopDelay>;
}

let bffBuilt = false;

/** Builds the server as `pnpm start` does (esbuild, a second or two), once per benchmark process. */
function buildBff(): void {
  if (bffBuilt) return;
  execFileSync('pnpm', ['--filter', '@atende/bff', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  bffBuilt = true;
}

/**
 * The BFF as production runs it: the built `dist/server.js` under `node --enable-source-maps`, as
 * `pnpm start` starts it (NODE_ENV=production, no demo data), pinned to core 0 so the load generator on
 * core 1 does not steal its CPU. Node runs it directly, so its RSS is the server's own. Until session 13
 * the benchmark ran the TypeScript sources under tsx instead, which production never does. The bare
 * route is switched on for the ceiling measurement. The in-server automation loop is off: the benchmark
 * runs the automations itself, at moments it chooses (run.ts). A preloaded probe (loop-delay-probe.mjs)
 * reports the server's event-loop delay on SIGUSR2, no BFF change needed; another (gc-probe.mjs) collects
 * garbage and reports the server's memory on SIGWINCH (`liveMemory`).
 */
export async function startServer(dataDir: string, port: number, options: { databaseUrl?: string; core?: number } = {}): Promise<RunningServer> {
  const origin = `http://127.0.0.1:${port}`;
  const loopDelayFile = join(dataDir, `loop-delay-${port}.json`);
  const memoryFile = join(dataDir, `memory-${port}.json`);
  const probe = new URL('./loop-delay-probe.mjs', import.meta.url).pathname;
  // BENCH_SERVER_TSX=1 runs the sources under tsx instead, as the bench did before: an A/B of the two
  // (session 13) found no difference in the pass-under-load figures.
  const gcProbe = new URL('./gc-probe.mjs', import.meta.url).pathname;
  // BENCH_SERVER_FLAGS adds Node flags to the server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
  // to profile a scenario (NODE_OPTIONS refuses --cpu-prof, and would profile the bench too).
  const extraFlags = (process.env.BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const probes = ['--expose-gc', ...extraFlags, '--import', probe, '--import', gcProbe];
  const serverArgs = process.env.BENCH_SERVER_TSX ? ['--import', 'tsx', ...probes, 'src/server.ts'] : ['--enable-source-maps', ...probes, 'dist/server.js'];
  if (!process.env.BENCH_SERVER_TSX) buildBff();
  const child: ChildProcess = spawn('taskset', ['-c', String(options.core ?? 0), process.execPath, ...serverArgs], {
    cwd: join(REPO, 'apps/bff'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEMO_DATA: 'off',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_ORIGIN: origin,
      MAIL_MODE: 'mailbox', // production's start-up check needs a mail decision; the bench sends none
      BENCH_BARE_ROUTE: '1',
      BENCH_LOOP_DELAY_FILE: loopDelayFile,
      BENCH_MEMORY_FILE: memoryFile,
      AUTOMATIONS: 'off',
      // One log line per request would measure pino's stdout, not the portal; warnings still print.
      LOG_LEVEL: 'warn',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('the server exited during start');
    await new Promise((r) => setTimeout(r, 100));
  }
  // taskset execs node, so the child's pid is the server's.
  return {
    url: origin,
    origin,
    pid: child.pid!,
    loopDelay: async (into?: string) => {
      rmSync(loopDelayFile, { force: true });
      if (into) writeFileSync(`${loopDelayFile}.into`, into);
      else rmSync(`${loopDelayFile}.into`, { force: true });
      child.kill('SIGUSR2');
      for (let i = 0; i < 200 && !existsSync(loopDelayFile); i++) await new Promise((r) => setTimeout(r, 25));
      // Written in one call; a read racing the write just retries.
      for (let i = 0; i < 20; i++) {
        try {
          return JSON.parse(readFileSync(loopDelayFile, 'utf8')) as WindowLoopDelay;
        } catch {
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      throw new Error('the server did not report its event-loop delay');
    },
    liveMemory: async () => {
      rmSync(memoryFile, { force: true });
      child.kill('SIGWINCH');
      for (let i = 0; i < 200 && !existsSync(memoryFile); i++) await new Promise((r) => setTimeout(r, 25));
      for (let i = 0; i < 20; i++) {
        try {
          const memory = JSON.parse(readFileSync(memoryFile, 'utf8')) as { rss: number; live: number };
          const mb = (bytes: number) => Math.round(bytes / 104_857.6) / 10;
          return { rssMb: mb(memory.rss), liveMb: mb(memory.live) };
        } catch {
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      throw new Error('the server did not report its memory');
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident and peak-resident memory of a process, in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMb: Math.round(kb('VmHWM') / 102.4) / 10 };
}

/** Clock ticks a second of /proc's CPU times (getconf CLK_TCK; 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU seconds (user + system) the processes have used so far; one that exited meanwhile counts as 0.
 * The PostgreSQL comparison divides requests by this, so "per core" includes PostgreSQL's own work.
 */
export function cpuSecondsOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the parenthesised command name: state is 3rd, utime 14th, stime 15th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks / CLOCK_TICKS;
}
