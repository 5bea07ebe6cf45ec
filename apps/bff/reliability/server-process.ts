import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Starts, kills and restarts the real server (tsx src/server.ts) over one data directory. */

const ROOT = resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export interface RealServer {
  origin: string;
  dataDir: string;
  start(): Promise<void>;
  /** kill -9: no shutdown hook runs, whatever was in flight is cut. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `databaseUrl`: the server runs on that PostgreSQL database instead of SQLite. `dataDir`: shared by
 * several instances (their attachments), as a mounted directory would be in production.
 */
export async function realServer(options: { databaseUrl?: string; dataDir?: string } = {}): Promise<RealServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'atende-reliability-'));
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  async function waitHealthy() {
    // An upper bound only (a loaded 2-core machine starts tsx slowly); healthy servers answer in ~1 s.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child?.exitCode !== null) throw new Error(`server exited with ${child?.exitCode}`);
      try {
        if ((await fetch(`${origin}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not become healthy in 120 s');
  }

  async function exited(signal: NodeJS.Signals) {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    await new Promise<void>((done) => {
      current.once('exit', () => done());
      current.kill(signal);
    });
    child = null;
  }

  return {
    origin,
    dataDir,
    async start() {
      // node itself (tsx as a loader, not its wrapper): SIGKILL must hit the process that owns the database.
      const env: NodeJS.ProcessEnv = {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'error',
          ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      };
      // A SQLite server must not pick up a DATABASE_URL from the shell that runs the tests.
      if (!options.databaseUrl) delete env.DATABASE_URL;
      child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: join(ROOT, 'apps/bff'),
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await waitHealthy();
    },
    kill9: () => exited('SIGKILL'),
    stop: () => exited('SIGTERM'),
  };
}

/** A tiny HTTP client that carries one session cookie and the Origin the CSRF check wants. */
export function client(origin: string) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { origin };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    return { status: response.status, json: text ? (JSON.parse(text) as any) : null };
  }
  return {
    call,
    cookie: () => cookie,
    async signIn(email: string) {
      const response = await call('POST', '/api/auth/login', { email, password: 'demo-senha-123' });
      if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status}`);
    },
  };
}
