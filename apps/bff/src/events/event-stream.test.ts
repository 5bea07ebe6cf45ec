import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/session-cookie.js';
import { sseReader } from '../testing/sse-reader.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { TEST_ORIGIN } from '../testing/test-client.js';

describe('live events stream (GET /api/events)', () => {
  let t: EngineTestApp;
  beforeEach(async () => {
    t = await createEngineTestApp({ env: { EVENT_STREAMS_PER_SESSION: '2', EVENTS_HEARTBEAT_SECONDS: '0.05' } });
  });
  afterEach(() => t.dispose());

  const open = async (cookie: string, headers: Record<string, string> = {}) => {
    const response = await t.app.request('/api/events', { headers: { origin: TEST_ORIGIN, cookie, ...headers } });
    return { response, events: response.status === 200 ? sseReader(response) : null };
  };
  const contactId = async (t: EngineTestApp, email: string) => (await t.rows<{ id: number }>('select id from contacts where email = ?', [email]))[0]!.id;

  it('a customer receives only their own public events; an internal note never reaches them; agents get both', async () => {
    const customer = await t.signIn(DEMO_ACCOUNTS.contact);
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const c = (await open(customer)).events!;
    const a = (await open(agent)).events!;
    expect((await c.nextEvent())!.event).toBe('ready');
    expect((await a.nextEvent())!.event).toBe('ready');
    const me = await contactId(t, DEMO_ACCOUNTS.contact);
    t.events.publish({ type: 'message_added', ticketId: 7, audience: { agents: 'all', contactId: null } }); // an internal note
    t.events.publish({ type: 'message_added', ticketId: 8, audience: { agents: 'all', contactId: me + 1 } }); // another customer's ticket
    t.events.publish({ type: 'message_added', ticketId: 9, audience: { agents: 'all', contactId: me } }); // a public reply to me
    const received = await c.nextEvent();
    expect(received).toMatchObject({ event: 'message_added', data: JSON.stringify({ ticketId: 9 }) });
    expect([(await a.nextEvent())!.data, (await a.nextEvent())!.data, (await a.nextEvent())!.data]).toEqual(['{"ticketId":7}', '{"ticketId":8}', '{"ticketId":9}']);
    await c.cancel();
    await a.cancel();
  });

  it("an agent's notification reaches that agent only", async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const other = await t.signIn(DEMO_ACCOUNTS.admin);
    const agentId = (await t.rows<{ id: number }>('select id from agents where email = ?', [DEMO_ACCOUNTS.agent]))[0]!.id;
    const mine = (await open(agent)).events!;
    const theirs = (await open(other)).events!;
    await mine.nextEvent();
    await theirs.nextEvent();
    t.events.publish({ type: 'notification', ticketId: 3, audience: { agents: [agentId], contactId: null } });
    t.events.publish({ type: 'counts_changed', ticketId: null, audience: { agents: 'all', contactId: null } });
    expect((await mine.nextEvent())!.event).toBe('notification');
    expect((await theirs.nextEvent())!.event).toBe('counts_changed');
    await mine.cancel();
    await theirs.cancel();
  });

  it('a reconnect with Last-Event-ID gets what it missed; an unknown id gets resync', async () => {
    const customer = await t.signIn(DEMO_ACCOUNTS.contact);
    const me = await contactId(t, DEMO_ACCOUNTS.contact);
    const first = (await open(customer)).events!;
    await first.nextEvent();
    t.events.publish({ type: 'ticket_changed', ticketId: 1, audience: { agents: 'all', contactId: me } });
    const seen = (await first.nextEvent())!;
    await first.cancel();
    t.events.publish({ type: 'ticket_changed', ticketId: 2, audience: { agents: 'all', contactId: me } });
    t.events.publish({ type: 'message_added', ticketId: 3, audience: { agents: 'all', contactId: null } });
    const again = (await open(customer, { 'last-event-id': seen.id! })).events!;
    expect((await again.nextEvent())!.event).toBe('ready');
    expect(await again.nextEvent()).toMatchObject({ event: 'ticket_changed', data: '{"ticketId":2}' });
    await again.cancel();
    const stale = (await open(customer, { 'last-event-id': 'ffffffff-12' })).events!;
    await stale.nextEvent();
    expect((await stale.nextEvent())!.event).toBe('resync');
    await stale.cancel();
  });

  it('sends heartbeats, and closes with session_ended when the session signs out', async () => {
    const customer = await t.signIn(DEMO_ACCOUNTS.contact);
    const s = (await open(customer)).events!;
    await s.nextEvent();
    expect((await s.next())!.event).toBe(':comment'); // the heartbeat
    await t.request('POST', '/api/auth/logout', { cookie: customer, body: {} });
    expect((await s.nextEvent())!.event).toBe('session_ended');
    expect(await s.nextEvent()).toBeNull();
  });

  it('caps the streams of one session (429 beyond), and frees a slot when one closes', async () => {
    const customer = await t.signIn(DEMO_ACCOUNTS.contact);
    const one = (await open(customer)).events!;
    const two = (await open(customer)).events!;
    await one.nextEvent();
    await two.nextEvent();
    expect((await open(customer)).response.status).toBe(429);
    await one.cancel();
    // The slot frees once the server sees the stream closed: its next write fails (heartbeat), so wait for the registry.
    await waitFor(() => openCount(t, customer) < 2);
    const three = await open(customer);
    expect(three.response.status).toBe(200);
    await three.events!.cancel();
    await two.cancel();
  });

  it('refuses anonymous callers', async () => {
    expect((await t.app.request('/api/events')).status).toBe(401);
  });
});

function openCount(t: EngineTestApp, cookie: string): number {
  return t.deps.liveStreams!.count(hashToken(decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1))));
}

/** Polls a condition on the event loop (no fixed sleep): resolves as soon as it holds. */
async function waitFor(condition: () => boolean, attempts = 500): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
