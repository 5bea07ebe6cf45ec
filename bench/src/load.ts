import autocannon from 'autocannon';
import type { ConnectionState, ScenarioRequest } from './scenarios.js';

export const CONNECTIONS = 50;

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
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
}): Promise<LoadResult> {
  let firstFailure = '';
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
      return req;
    },
    onResponse: (status: number, body: string, context: ConnectionState) => {
      if (status >= 300 && !firstFailure) firstFailure = `${status} ${body.slice(0, 200)}`;
      r.onResponse?.(context, status, body);
    },
  }));
  const started = Date.now();
  let done = 0;
  const opts = { url: options.url, connections: CONNECTIONS, pipelining: 1, duration: options.seconds, requests } as unknown as autocannon.Options;
  // Without a callback autocannon returns an instance that is also a promise of the result.
  const instance = autocannon(opts) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', () => done++);
  const ticker = setInterval(() => {
    process.stdout.write(`    ${options.label}: ${Math.round((Date.now() - started) / 1000)}/${options.seconds} s, ${done} requests\n`);
  }, 5000);
  const result = await instance;
  clearInterval(ticker);
  if (firstFailure) process.stdout.write(`    first failed answer: ${firstFailure}\n`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
