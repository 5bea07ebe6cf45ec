import { DEMO_ACCOUNTS } from '@atende/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutomations } from '../automations/runner.js';
import { relayOutbox, smtpTransport } from '../mail/relay.js';
import { capturingSmtp } from '../testing/capturing-smtp.js';
import { sseReader } from '../testing/sse-reader.js';
import { createPgTestApp, type PgTestApp } from '../testing/pg-test-app.js';
import { TEST_ORIGIN } from '../testing/test-client.js';

/**
 * Two Atende instances on one PostgreSQL (issue 16), as behind a load balancer with no sticky
 * sessions: each has its own pool, its own LISTEN connection and its own in-memory state; they share
 * the database and the attachments directory. Requests are spread over both.
 */
let t: PgTestApp;
let b: NonNullable<PgTestApp['second']>;
beforeAll(async () => {
  t = await createPgTestApp({ instances: 2 });
  b = t.second!;
});
afterAll(() => t?.dispose());

const DAY_MS = 86_400_000;

describe('two instances on one PostgreSQL', () => {
  it('a session made on one instance is valid on the other, and signing out on one ends it on both', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    expect((await b.request('GET', '/api/auth/me', { cookie })).json.actor).toMatchObject({ kind: 'contact', name: expect.any(String) });
    expect((await b.request('POST', '/api/auth/logout', { cookie, body: {} })).status).toBeLessThan(300);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('sign-in failures are counted across instances: alternating between them buys no extra attempts', async () => {
    const attempt = (app: typeof t | typeof b) => app.request('POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.otherContact, password: 'errada-1234' } });
    for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? b : t)).status).toBe(401);
    // Five failures for the account, whichever instance counted them: the sixth waits, on both.
    expect((await attempt(t)).status).toBe(429);
    expect((await attempt(b)).status).toBe(429);
  });

  it('a reply made on instance A reaches a browser connected to instance B as a live event', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const customer = await b.signIn(DEMO_ACCOUNTS.contact);
    const stream = await b.app.request('/api/events', { headers: { origin: TEST_ORIGIN, cookie: customer } });
    expect(stream.status).toBe(200);
    const events = sseReader(stream);
    try {
      const list = (await b.request('GET', '/api/customer/tickets?tab=awaiting_return', { cookie: customer })).json.items;
      const id = list[0].id as number;
      const page = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
      const reply = await t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie: agent, body: { body: 'Pode testar agora?', visibility: 'public', nextStatus: 'pending', expectedVersion: page.ticket.version } });
      expect(reply.status).toBe(201);
      // The stream on B hears of the ticket A changed (never its text: the page re-reads it).
      for (;;) {
        const event = await events.nextEvent();
        expect(event).not.toBeNull();
        if (JSON.parse(event!.data).ticketId === id) {
          expect(['message_added', 'ticket_changed']).toContain(event!.event);
          break;
        }
      }
    } finally {
      await events.cancel();
    }
  });

  it('a file uploaded through A opens through B (one attachments directory for both)', async () => {
    const carlaA = await t.signIn(DEMO_ACCOUNTS.contact);
    const uploaded = await t.upload(carlaA, [{ name: 'foto.png', type: 'image/png', bytes: PNG }]);
    expect(uploaded.status).toBe(201);
    const list = (await t.request('GET', '/api/customer/tickets?tab=all', { cookie: carlaA })).json.items;
    const page = (await t.request('GET', `/api/customer/tickets/${list[0].id}`, { cookie: carlaA })).json;
    const sent = await t.request('POST', `/api/customer/tickets/${list[0].id}/replies`, {
      cookie: carlaA,
      body: { body: 'Segue a foto.', expectedVersion: page.ticket.version, attachmentIds: [uploaded.json.files[0].id] },
    });
    expect(sent.status).toBe(201);
    const carlaB = await b.signIn(DEMO_ACCOUNTS.contact);
    const thread = (await b.request('GET', `/api/customer/tickets/${list[0].id}`, { cookie: carlaB })).json;
    const file = thread.messages.flatMap((m: { attachments?: { id: number }[] }) => m.attachments ?? []).find((a: { id: number }) => a.id === uploaded.json.files[0].id);
    const download = await b.app.request(`/api/tickets/${list[0].id}/attachments/${file.id}`, { headers: { cookie: carlaB } });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG);
  });

  it('the automations run by both instances at once act once: one holds the lease, each e-mail is recorded once', async () => {
    const later = t.clock.now + 30 * DAY_MS;
    const options = (holder: string) => ({ now: later, holder, wallClock: () => later });
    const [one, two] = await Promise.all([runAutomations(t.deps.db, t.deps.config, options('instance-a')), runAutomations(b.deps.db, b.deps.config, options('instance-b'))]);
    expect([one.ran, two.ran].filter(Boolean)).toHaveLength(1);
    const acted = one.ran ? one : two;
    expect(acted.autoClosed + acted.reminders + acted.approvalTimeouts).toBeGreaterThan(0);
    // A second pass (either instance) finds nothing left to do.
    const again = await runAutomations(b.deps.db, b.deps.config, options('instance-b'));
    expect(again).toMatchObject({ ran: true, reminders: 0, autoClosed: 0, approvalTimeouts: 0 });
  });

  it('both instances relaying the outbox at once deliver each e-mail exactly once', async () => {
    const smtp = capturingSmtp();
    const url = await smtp.start();
    try {
      const relay = (app: PgTestApp | NonNullable<PgTestApp['second']>) => relayOutbox(app.deps.db, smtpTransport(url), { from: 'Atende <a@atende.local>', now: () => t.clock.now + 31 * DAY_MS, limit: 5 });
      let sent = 0;
      for (;;) {
        const [x, y] = await Promise.all([relay(t), relay(b)]);
        sent += x.sent + y.sent;
        if (x.sent + y.sent === 0) break;
      }
      expect(sent).toBeGreaterThan(0);
      const ids = smtp.received.map((m) => /^Message-ID: (.*)$/im.exec(m.raw)?.[1]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(sent);
    } finally {
      await smtp.stop();
    }
  });
});

/** A 1×1 PNG. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
