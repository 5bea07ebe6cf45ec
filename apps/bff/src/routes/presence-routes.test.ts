import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESENCE_TTL_MS } from '../events/presence.js';
import { sseReader } from '../testing/sse-reader.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { TEST_ORIGIN } from '../testing/test-client.js';

describe('presence on a ticket page (agents only)', () => {
  let t: EngineTestApp;
  let ana: string;
  let bruno: string;
  let carla: string;
  let ticketId: number;
  let carlaId: number;
  beforeEach(async () => {
    t = await createEngineTestApp();
    ana = await t.signIn(DEMO_ACCOUNTS.agent);
    bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    carla = await t.signIn(DEMO_ACCOUNTS.contact);
    carlaId = (await t.rows<{ id: number }>('select id from contacts where email = ?', [DEMO_ACCOUNTS.contact]))[0]!.id;
    // One of Carla's own tickets: she is exactly the customer who must not learn who looks at it.
    ticketId = (await t.rows<{ id: number }>("select id from tickets where requester_id = ? and status <> 'closed' order by id limit 1", [carlaId]))[0]!.id;
  });
  afterEach(() => t.dispose());

  const stream = async (cookie: string) => {
    const response = await t.app.request('/api/events', { headers: { origin: TEST_ORIGIN, cookie } });
    const events = sseReader(response);
    expect((await events.nextEvent())!.event).toBe('ready');
    return events;
  };
  const announce = (cookie: string, state: string) => t.request('POST', `/api/agent/tickets/${ticketId}/presence`, { cookie, body: { state } });
  const whoIsThere = async (cookie: string) => (await t.request('GET', `/api/agent/tickets/${ticketId}/presence`, { cookie })).json.agents;

  it('Ana sees "Bruno viewing", then "typing"; a plain heartbeat sends no event; leaving ends it', async () => {
    const anaEvents = await stream(ana);
    expect((await announce(bruno, 'viewing')).status).toBe(200);
    expect(await anaEvents.nextEvent()).toMatchObject({ event: 'presence_changed', data: JSON.stringify({ ticketId }) });
    expect(await whoIsThere(ana)).toEqual([{ agentId: expect.any(Number), name: 'Bruno Técnico', state: 'viewing' }]);
    // Bruno does not see himself.
    expect(await whoIsThere(bruno)).toEqual([]);

    await announce(bruno, 'viewing'); // the heartbeat: nothing new to show
    await announce(bruno, 'typing');
    // The next event is the change to typing: the heartbeat published nothing in between.
    expect((await anaEvents.nextEvent())!.event).toBe('presence_changed');
    expect(await whoIsThere(ana)).toMatchObject([{ name: 'Bruno Técnico', state: 'typing' }]);

    await announce(bruno, 'left');
    expect((await anaEvents.nextEvent())!.event).toBe('presence_changed');
    expect(await whoIsThere(ana)).toEqual([]);
    await anaEvents.cancel();
  });

  it("never reaches a customer's stream, even on the customer's own ticket", async () => {
    const carlaEvents = await stream(carla);
    await announce(bruno, 'viewing');
    await announce(bruno, 'typing');
    // Even an event wrongly addressed to her is held back: presence is staff-only by type.
    t.events.publish({ type: 'presence_changed', ticketId, audience: { agents: 'all', contactId: carlaId } });
    // Something she may see, published after: it is the first thing she receives.
    t.events.publish({ type: 'ticket_changed', ticketId, audience: { agents: 'all', contactId: carlaId } });
    expect(await carlaEvents.nextEvent()).toMatchObject({ event: 'ticket_changed', data: JSON.stringify({ ticketId }) });
    // Nor can she ask for it or announce herself.
    expect((await t.request('GET', `/api/agent/tickets/${ticketId}/presence`, { cookie: carla })).status).toBe(403);
    expect((await t.request('POST', `/api/agent/tickets/${ticketId}/presence`, { cookie: carla, body: { state: 'viewing' } })).status).toBe(403);
    await carlaEvents.cancel();
  });

  it('a presence not renewed within its time disappears (test clock, no waiting)', async () => {
    await announce(bruno, 'typing');
    t.clock.now += PRESENCE_TTL_MS - 1;
    expect(await whoIsThere(ana)).toMatchObject([{ name: 'Bruno Técnico', state: 'typing' }]);
    t.clock.now += 1;
    expect(await whoIsThere(ana)).toEqual([]);
    // A heartbeat renews it: announcing again after expiry shows him again.
    await announce(bruno, 'viewing');
    t.clock.now += PRESENCE_TTL_MS / 2;
    await announce(bruno, 'viewing');
    t.clock.now += PRESENCE_TTL_MS / 2;
    expect(await whoIsThere(ana)).toMatchObject([{ name: 'Bruno Técnico', state: 'viewing' }]);
  });

  it('heartbeats alone do not keep an unattended session alive (idle timeout)', async () => {
    const idle = t.deps.config.sessionIdleMs;
    const step = 5 * 60_000;
    // Both read the ticket; then Bruno's page only sends heartbeats while Ana keeps working.
    const read = (cookie: string) => t.request('GET', `/api/agent/tickets/${ticketId}`, { cookie });
    expect((await read(bruno)).status).toBe(200);
    expect((await read(ana)).status).toBe(200);
    for (let elapsed = step; elapsed < idle; elapsed += step) {
      t.clock.now += step;
      expect((await announce(bruno, 'viewing')).status).toBe(200);
      expect((await read(ana)).status).toBe(200);
    }
    t.clock.now += step;
    expect((await announce(bruno, 'viewing')).status).toBe(401);
    expect((await read(bruno)).status).toBe(401);
    expect((await read(ana)).status).toBe(200);
  });

  it('refuses a state it does not know, in the caller’s language, and a missing ticket', async () => {
    const bad = await announce(bruno, 'sleeping');
    expect(bad.status).toBe(400);
    expect(bad.json.fields.state).toBe('Informe viewing, typing ou left.');
    const english = await t.request('POST', `/api/agent/tickets/${ticketId}/presence`, { cookie: bruno, body: { state: 'sleeping' }, headers: { 'accept-language': 'en' } });
    expect(english.json.fields.state).toBe('Send viewing, typing or left.');
    expect((await t.request('POST', '/api/agent/tickets/999999/presence', { cookie: bruno, body: { state: 'viewing' } })).status).toBe(404);
    expect(await whoIsThere(ana)).toEqual([]);
  });
});
