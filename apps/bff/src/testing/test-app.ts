import { DEMO_PASSWORD, closeDatabase, openDatabase, type Db } from '@atende/db';
import { sqliteStore, type Database } from '@atende/db/store';
import type { EventBus } from '../events/event-bus.js';
import { TEST_NOW, createTestDatabase, type TestDatabaseContent } from '@atende/db/testing';
import { dirname } from 'node:path';
import pino from 'pino';
import { createApp } from '../app.js';
import type { Deps } from '../http/app-env.js';
import { createMemoryAccountMailer, type AccountMailer } from '../auth/account-mailer.js';
import { createOutboxAccountMailer } from '../auth/outbox-account-mailer.js';
import { defaultLoginThrottle } from '../auth/login-throttle.js';
import { counterFor } from '../http/rate-limiter.js';
import { loadConfig } from '../config.js';
import { TEST_ORIGIN, createTestClient } from './test-client.js';

export { TEST_ORIGIN } from './test-client.js';

/**
 * The real app over a SQLite file of its own, with a clock the test moves (at TEST_NOW first). Requests
 * go through app.request(): the same middleware stack as production. The database holds README's demo
 * data unless `content: 'empty'` (then the test makes its rows with @atende/db/testing's factories).
 */
export async function createTestApp(options: { env?: Record<string, string>; content?: TestDatabaseContent; accountLinksToOutbox?: boolean; databaseFile?: string } = {}) {
  // `databaseFile`: an existing database (a restored backup, say), opened as it is; its folder is DATA_DIR
  // and stays after dispose (the test made it and removes it).
  const existing = options.databaseFile;
  const { db, file, dispose } = existing
    ? (() => {
        const opened = openDatabase(existing);
        return { db: opened, file: existing, dispose: () => closeDatabase(opened) };
      })()
    : createTestDatabase({ content: options.content ?? 'demo' });
  // The app gets the store over this file; tests keep the writer connection (`db`) for their own rows and checks.
  const store = sqliteStore(db);
  const disposeAll = () => {
    store.reader.$client.close();
    dispose();
  };
  return { ...harness(store, dirname(file), options), db: db as Db, store, dispose: disposeAll };
}

/** Options every test app takes, whatever its engine. */
export interface TestAppOptions {
  env?: Record<string, string>;
  accountLinksToOutbox?: boolean;
  /** Live events (the PostgreSQL bus, across instances); an in-process bus when absent. */
  events?: EventBus;
}

/** The app and its helpers over a store: requests, sign-in, uploads and the typed client. */
export function harness(store: Database, dataDir: string, options: TestAppOptions = {}) {
  const clock = { now: TEST_NOW };
  // DATA_DIR is the test's own directory: attachments are written next to its database.
  const config = loadConfig({ NODE_ENV: 'test', PORT: '3000', DATA_DIR: dataDir, ...options.env });
  const mailer = createMemoryAccountMailer();
  // `accountLinksToOutbox`: links are also written to the outbox as the server does, to read the e-mail itself.
  const outbox = options.accountLinksToOutbox ? createOutboxAccountMailer({ db: store, now: () => clock.now, messageDomain: config.mailReplyDomain }) : null;
  const accountMailer: AccountMailer = outbox
    ? {
        async sendAccountLink(link) {
          mailer.sendAccountLink(link);
          await outbox.sendAccountLink(link);
        },
      }
    : mailer;
  const deps: Deps = { db: store, config, logger: pino({ level: 'silent' }), now: () => clock.now, loginThrottle: defaultLoginThrottle(counterFor(store)), accountMailer, ...(options.events ? { events: options.events } : {}) };
  const app = createApp(deps);

  async function request(method: string, path: string, init: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { origin: TEST_ORIGIN, ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    const response = await app.request(path, { method, headers, body });
    // A live-event stream never ends by itself: the caller gets its status and headers, the stream is closed.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, json: null as any, text: '' };
    }
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

  /** POST /api/uploads as a browser form would (multipart/form-data, field `files`). */
  async function upload(cookie: string, files: { name: string; bytes: Uint8Array | string; type?: string }[]) {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await app.request('/api/uploads', { method: 'POST', headers: { origin: TEST_ORIGIN, cookie }, body: form });
    return { status: response.status, json: (await response.json()) as any };
  }

  /** The typed client (see test-client.ts), as whoever `cookie` signs in. */
  const client = (cookie?: string) => createTestClient(app, cookie);

  return { app, deps, events: deps.events!, clock, mailer, request, client, signIn, upload, dataDir };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
