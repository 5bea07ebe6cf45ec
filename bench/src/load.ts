import autocannon from 'autocannon';
import { quantileOf } from './quantile.js';
import type { ConnectionState, ScenarioRequest } from './scenarios.js';

export const CONNECTIONS = 50;

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Answers that were 304 Not Modified (a conditional GET that found nothing changed), not in non2xx. */
  notModified: number;
}

/** One run's raw numbers, so several slices can be merged into one result. */
export interface LoadSample {
  latenciesMs: number[];
  seconds: number;
  non2xx: number;
  errors: number;
  notModified: number;
  /** Epoch milliseconds of each answer, when asked for (to count answers inside a time window). */
  answeredAt?: number[];
}

/** Epoch milliseconds with sub-millisecond precision, comparable across processes. */
export const epochMs = () => performance.timeOrigin + performance.now();

export function summarize(samples: LoadSample[]): LoadResult {
  const latencies = samples.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const at = (q: number) => quantileOf(latencies, q);
  return {
    requestsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests: latencies.length,
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    notModified: samples.reduce((sum, s) => sum + s.notModified, 0),
  };
}

/**
 * One autocannon run: 50 connections, no pipelining, each connection cycling through `requests`.
 * Prints progress every few seconds so a long run shows it is alive.
 */
export async function runLoad(options: {
  url: string;
  origin: string;
  cookies: Record<ScenarioRequest['as'], string>;
  requests: ScenarioRequest[];
  seconds: number;
  label: string;
  /** Default CONNECTIONS (50); the soak uses 100. */
  connections?: number;
  /** Ends the run early when it settles (`seconds` is then the longest it may last). */
  stopWhen?: Promise<unknown>;
  /** Keep each answer's time in `answeredAt`. */
  timestamps?: boolean;
  /** Seconds between progress lines (default 4). */
  progressEvery?: number;
}): Promise<LoadSample> {
  let firstFailure = '';
  let notModified = 0;
  const requests = options.requests.map((r) => ({
    method: r.method,
    path: typeof r.path === 'string' ? r.path : '/',
    headers: {
      cookie: options.cookies[r.as],
      origin: options.origin,
      ...(r.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    setupRequest: (req: Record<string, unknown>, context: ConnectionState) => {
      if (typeof r.path === 'function') req.path = r.path(context);
      if (r.body) req.body = r.body(context);
      if (r.headers) req.headers = { ...(req.headers as Record<string, string>), ...r.headers() };
      return req;
    },
    onResponse: (status: number, body: string, context: ConnectionState) => {
      if (status === 304) notModified++;
      else if (status >= 300 && !firstFailure) firstFailure = `${status} ${body.slice(0, 200)}`;
      r.onResponse?.(context, status, body);
    },
  }));
  const started = Date.now();
  let done = 0;
  const opts = { url: options.url, connections: options.connections ?? CONNECTIONS, pipelining: 1, duration: options.seconds, requests } as unknown as autocannon.Options;
  // Without a callback autocannon returns an instance that is also a promise of the result.
  const instance = autocannon(opts) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  const latenciesMs: number[] = [];
  const answeredAt: number[] = [];
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    done++;
    latenciesMs.push(responseTime);
    if (options.timestamps) answeredAt.push(epochMs());
  });
  void options.stopWhen?.finally(() => instance.stop());
  const ticker = setInterval(() => {
    process.stdout.write(`    ${options.label}: ${Math.round((Date.now() - started) / 1000)}/${options.seconds} s, ${done} requests\n`);
  }, (options.progressEvery ?? 4) * 1000);
  const result = await instance;
  clearInterval(ticker);
  if (firstFailure) process.stdout.write(`    first failed answer: ${firstFailure}\n`);
  // autocannon counts a 304 among the non-2xx answers; here it is an answer like any other, counted apart.
  const sample: LoadSample = { latenciesMs, seconds: result.duration, non2xx: result.non2xx - notModified, errors: result.errors, notModified };
  if (options.timestamps) sample.answeredAt = answeredAt;
  return sample;
}
