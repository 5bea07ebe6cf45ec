import { DEMO_PASSWORD, createWriteQueue, type Db } from '@atende/db';
import { TEST_NOW, createTestDatabase, type TestDatabaseContent } from '@atende/db/testing';
import pino from 'pino';
import { createApp } from '../app.js';
import { createMemoryAccountMailer } from '../auth/account-mailer.js';
import { defaultLoginThrottle } from '../auth/login-throttle.js';
import { loadConfig } from '../config.js';
import { TEST_ORIGIN, createTestClient } from './test-client.js';

export { TEST_ORIGIN } from './test-client.js';

/**
 * The real app over a SQLite file of its own, with a clock the test moves (at TEST_NOW first). Requests
 * go through app.request(): the same middleware stack as production. The database holds README's demo
 * data unless `content: 'empty'` (then the test makes its rows with @atende/db/testing's factories).
 */
export async function createTestApp(options: { env?: Record<string, string>; content?: TestDatabaseContent } = {}) {
  const { db, dispose } = createTestDatabase({ content: options.content ?? 'demo' });
  const clock = { now: TEST_NOW };
  const config = loadConfig({ NODE_ENV: 'test', PORT: '3000', DATA_DIR: '/nonexistent', ...options.env });
  const mailer = createMemoryAccountMailer();
  const app = createApp({ db, config, logger: pino({ level: 'silent' }), now: () => clock.now, loginThrottle: defaultLoginThrottle(), writes: createWriteQueue(db), accountMailer: mailer });

  async function request(method: string, path: string, init: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { origin: TEST_ORIGIN, ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null; // not JSON (an HTML page, say): tests read `text`
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status}`);
    const setCookie = response.headers.get('set-cookie') ?? '';
    return setCookie.split(';')[0]!;
  }

  /** The typed client (see test-client.ts), as whoever `cookie` signs in. */
  const client = (cookie?: string) => createTestClient(app, cookie);

  return { app, db: db as Db, clock, mailer, request, client, signIn, dispose };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
