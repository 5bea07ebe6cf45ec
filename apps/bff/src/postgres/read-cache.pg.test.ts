import { DEMO_ACCOUNTS } from '@atende/db';
import type { PgReadCache } from '@atende/db/store';
import { queryFromOutside } from '@atende/db/pg/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestApp, type PgTestApp } from '../testing/pg-test-app.js';

/**
 * Sessions and settings in memory on PostgreSQL (issue 18, packages/db/src/store/pg-read-cache.ts).
 * Every test first shows the copy is really served from memory (a hit), then that a change through
 * each kind of write path is seen by the next read: a route of this instance (at once: the commit's
 * own notification), another instance, and a raw write from outside Atende (when its notification
 * arrives: the test waits for that event, never for time).
 */
let t: PgTestApp;
let b: NonNullable<PgTestApp['second']>;
beforeAll(async () => {
  t = await createPgTestApp({ instances: 2 });
  b = t.second!;
});
afterAll(() => t?.dispose());

const cacheOf = (app: PgTestApp | typeof b): PgReadCache => {
  const db = app.deps.db;
  if (db.engine !== 'pg' || !db.cache) throw new Error('this app has no read cache');
  return db.cache;
};
const me = (app: PgTestApp | typeof b, cookie: string) => app.request('GET', '/api/auth/me', { cookie });

/** The second request of a session is answered from memory. */
async function warm(app: PgTestApp | typeof b, cookie: string) {
  expect((await me(app, cookie)).status).toBe(200);
  const hits = cacheOf(app).hits;
  expect((await me(app, cookie)).status).toBe(200);
  expect(cacheOf(app).hits).toBeGreaterThan(hits);
}

/** A write from outside Atende (psql, a script): its own connection, not a pool's. */
const outside = (sql: string, params: unknown[] = []) => queryFromOutside(t.url, sql, params);

describe('sessions in memory', () => {
  it('signing out on this instance ends the remembered session for the very next request', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    await warm(t, cookie);
    expect((await t.request('POST', '/api/auth/logout', { cookie, body: {} })).status).toBe(200);
    expect((await me(t, cookie)).status).toBe(401);
  });

  it('an agent deactivated by an admin on another instance is refused once the change is heard', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    await warm(t, agent);
    const admin = await b.signIn(DEMO_ACCOUNTS.admin);
    const team = (await b.request('GET', '/api/admin/team', { cookie: admin })).json.members as { id: number; email: string }[];
    const id = team.find((a) => a.email === DEMO_ACCOUNTS.otherAgent)!.id;
    const heard = cacheOf(t).nextChange();
    expect((await b.request('POST', `/api/admin/team/${id}/deactivate`, { cookie: admin, body: {} })).status).toBe(200);
    await heard;
    expect((await me(t, agent)).status).toBe(401);
  });

  it('a name changed by a raw UPDATE outside Atende is shown once its notification arrives', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    await warm(t, cookie);
    const heard = cacheOf(t).nextChange();
    await outside(`UPDATE contacts SET name = 'Carla Renomeada' WHERE lower(email) = lower($1)`, [DEMO_ACCOUNTS.contact]);
    await heard;
    expect((await me(t, cookie)).json.actor.name).toBe('Carla Renomeada');
  });

  it("a session's own activity (touched once a minute) does not empty the memory", async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    await warm(t, cookie);
    t.clock.now += 61_000;
    expect((await me(t, cookie)).status).toBe(200); // touches last_seen_at
    const hits = cacheOf(t).hits;
    expect((await me(t, cookie)).status).toBe(200);
    expect(cacheOf(t).hits).toBeGreaterThan(hits);
  });

  it('activity on one instance keeps the session alive on the other, whose copy is older', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    await warm(b, cookie);
    const idleMs = t.deps.config.sessionIdleMs;
    // Two thirds of the idle time pass; the person works on instance A (the session is touched there).
    t.clock.now += Math.round((idleMs * 2) / 3);
    expect((await me(t, cookie)).status).toBe(200);
    // Two thirds more: idle by B's remembered copy, not by the database. B re-reads and keeps it.
    t.clock.now += Math.round((idleMs * 2) / 3);
    expect((await me(b, cookie)).status).toBe(200);
  });
});

describe('settings in memory', () => {
  it('portal settings saved on one instance are read by the other once the change is heard', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const read = async (app: PgTestApp | typeof b) => (await app.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
    const before = await read(b);
    const hits = cacheOf(b).hits;
    expect(await read(b)).toEqual(before);
    expect(cacheOf(b).hits).toBeGreaterThan(hits);
    const heard = cacheOf(b).nextChange();
    const { customersSeeTickets, agentRepliesPublicByDefault, allowReopen, reopenWindowDays, ratingWindowDays } = before;
    const form = { customersSeeTickets, agentRepliesPublicByDefault, allowReopen, reopenWindowDays, ratingWindowDays, customersOpenTickets: !before.customersOpenTickets };
    const saved = await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: form });
    expect(saved.status).toBe(200);
    // At once on the instance that saved; on the other when the commit's notification arrives.
    expect((await read(t)).customersOpenTickets).toBe(!before.customersOpenTickets);
    await heard;
    expect((await read(b)).customersOpenTickets).toBe(!before.customersOpenTickets);
  });

  it('while the change listener is down nothing is served from memory, and a change made then is read', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const read = async () => (await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
    const before = await read();
    await read();
    const cache = cacheOf(t);
    const lost = cache.nextChange();
    // Ends instance A's dedicated listener (as a network failure or a server restart would).
    await outside('SELECT pg_terminate_backend($1)', [cache.listenerPid]);
    await lost;
    expect(cache.listening).toBe(false);
    // Written with the triggers' notification lost to A's listener: A must read the database.
    await outside(
      `INSERT INTO settings (key, value) VALUES ('portal', jsonb_build_object('customersSeeTickets', $1::boolean))
       ON CONFLICT (key) DO UPDATE SET value = settings.value || excluded.value`,
      [!before.customersSeeTickets],
    );
    const hits = cache.hits;
    expect((await read()).customersSeeTickets).toBe(!before.customersSeeTickets);
    expect(cache.hits).toBe(hits);
  });
});
