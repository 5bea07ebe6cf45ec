import { runLoad, summarize, type LoadResult } from './load.js';
import { postgresPids } from './postgres.js';
import type { ScenarioRequest } from './scenarios.js';
import { cpuSecondsOf, startServer, type RunningServer } from './server.js';

export interface TwoInstancesResult {
  scenario: string;
  seconds: number;
  one: LoadResult & { requestsPerCpuSecond: number };
  two: LoadResult & { requestsPerCpuSecond: number; perInstance: number[] };
}

/**
 * Issue 16: two BFF instances on one PostgreSQL, on this 2-core box. The first instance (core 0) is
 * measured alone with 50 connections, then beside a second one (core 1) with 25 connections each,
 * every connection using the same sessions on both (no sticky sessions). What it shows: the instances
 * share sessions, throttles and data under load with no error, and what a second process costs or
 * buys when PostgreSQL, the load generator and two servers share two cores. What it cannot show:
 * scale-out, which needs cores (or machines) the first instance is not already using.
 */
export async function measureTwoInstances(options: {
  dataDir: string;
  databaseUrl: string;
  first: RunningServer;
  port: number;
  cookies: Record<ScenarioRequest['as'], string>;
  scenario: { name: string; requests: ScenarioRequest[] };
  seconds: number;
}): Promise<TwoInstancesResult> {
  const { first, cookies, scenario, seconds } = options;
  const cpu = (pids: number[]) => cpuSecondsOf([...pids, ...postgresPids()]);
  let before = cpu([first.pid]);
  const alone = await runLoad({ url: first.url, origin: first.origin, cookies, requests: scenario.requests, seconds, label: `${scenario.name}, one instance` });
  const aloneCpu = cpu([first.pid]) - before;
  const second = await startServer(options.dataDir, options.port, { databaseUrl: options.databaseUrl, core: 1 });
  try {
    // Warm the second instance's pool and caches as the first one's were.
    await runLoad({ url: second.url, origin: second.origin, cookies, requests: scenario.requests, seconds: 3, label: 'warm-up, second instance' });
    before = cpu([first.pid, second.pid]);
    const [a, b] = await Promise.all(
      [first, second].map((server) =>
        runLoad({ url: server.url, origin: server.origin, cookies, requests: scenario.requests, seconds, connections: 25, label: `${scenario.name}, instance on :${server.url.split(':').at(-1)}` }),
      ),
    );
    const bothCpu = cpu([first.pid, second.pid]) - before;
    const one = summarize([alone]);
    const two = summarize([a!, b!].map((sample) => ({ ...sample, seconds: sample.seconds / 2 })));
    return {
      scenario: scenario.name,
      seconds,
      one: { ...one, requestsPerCpuSecond: Math.round(alone.latenciesMs.length / aloneCpu) },
      two: {
        ...two,
        requestsPerCpuSecond: Math.round((a!.latenciesMs.length + b!.latenciesMs.length) / bothCpu),
        perInstance: [a!, b!].map((sample) => Math.round(sample.latenciesMs.length / sample.seconds)),
      },
    };
  } finally {
    await second.stop();
  }
}

export function describeTwoInstances(r: TwoInstancesResult): string {
  return (
    `two instances (${r.scenario}, ${r.seconds} s each): one instance ${r.one.requestsPerSecond} req/s, p99 ${r.one.p99Ms} ms, ${r.one.requestsPerCpuSecond} per CPU-s; ` +
    `two instances ${r.two.requestsPerSecond} req/s (${r.two.perInstance.join(' + ')}), p99 ${r.two.p99Ms} ms, ${r.two.requestsPerCpuSecond} per CPU-s; ` +
    `${r.one.non2xx + r.one.errors + r.two.non2xx + r.two.errors} non-2xx or errors`
  );
}
