import { DAY_MS } from '@atende/domain';
import { DEMO_ACCOUNTS, findAccount, findAccountByEmail, getTicket, outboxForTicket, saveAutomationSettings, DEFAULT_AUTOMATION_SETTINGS } from '@atende/db';
import { MOVIDESK_POLICY as MOVIDESK_POLICY_FOR_TEST } from '@atende/domain';
import { insertWaitingTicketsForTest } from '@atende/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { verifyRatingToken } from '../ratings/rating-token.js';
import { getOrCreateSecret } from '@atende/db';
import { runAutomations, runAutomationsYielding } from './runner.js';

let t: TestApp;
let agent: string;
beforeEach(async () => {
  t = await createTestApp();
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

const mailConfig = { publicUrl: 'http://localhost:3000', mailReplyDomain: 'atende.local' };
const run = (now: number, holder = 'test') => runAutomations(t.store, mailConfig, { now, holder, wallClock: () => now });

/** The agent asks the customer something on an open ticket: it now waits on the customer from t.clock.now. */
async function askCustomer(): Promise<number> {
  const page = await t.request('GET', '/api/agent/tickets', { cookie: agent });
  const id = page.json.items.find((i: { status: string }) => i.status === 'open').id;
  const view = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
  const r = await t.request('POST', `/api/agent/tickets/${id}/messages`, {
    cookie: agent,
    body: { body: 'Pode me enviar o número de série <b>do roteador</b>?', visibility: 'public', dueDate: new Date(t.clock.now + 5 * 86_400_000).toISOString().slice(0, 10), expectedVersion: view.ticket.version },
  });
  expect(r.json.ticket.status).toBe('waiting_customer');
  return id;
}

const kinds = (ticketId: number) => outboxForTicket(t.db, ticketId).map((m) => m.kind);

describe('agent update e-mail (seed 002)', () => {
  it('is recorded in the outbox with the change, escaped in HTML, with a Reply-To for the ticket, and its text in the history', async () => {
    const id = await askCustomer();
    const [mail] = outboxForTicket(t.db, id);
    expect(mail).toMatchObject({ kind: 'agent_update', toAddress: expect.stringContaining('@example.com'), status: 'pending' });
    expect(mail!.textBody).toContain('Pode me enviar o número de série <b>do roteador</b>?');
    expect(mail!.htmlBody).toContain('&lt;b&gt;do roteador&lt;/b&gt;');
    expect(mail!.htmlBody).not.toContain('<b>do roteador');
    expect(mail!.replyTo).toMatch(new RegExp(`^ticket-${id}-[0-9a-f]{20}@atende\\.local$`));
    const history = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json.history;
    expect(history.find((e: { type: string }) => e.type === 'email_sent').data.text).toBe(mail!.textBody);
  });
});

describe('inactivity (Triplos default)', () => {
  it('reminds at day 5 and 7, closes at day 10 with star links, each exactly once however often it runs', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 5 * DAY_MS - 60_000);
    expect(kinds(id)).toEqual(['agent_update']);
    await run(asked + 5 * DAY_MS);
    await run(asked + 5 * DAY_MS + 60_000);
    expect(kinds(id)).toEqual(['agent_update', 'reminder']);
    expect(outboxForTicket(t.db, id)[1]!.textBody).toContain('será encerrado em 5 dias se não houver resposta');
    await run(asked + 7 * DAY_MS);
    await run(asked + 10 * DAY_MS);
    await run(asked + 10 * DAY_MS);
    expect(kinds(id)).toEqual(['agent_update', 'reminder', 'reminder', 'auto_closed']);
    const ticket = getTicket(t.db, id)!;
    expect(ticket).toMatchObject({ status: 'closed', closingCount: 1 });
    const closing = outboxForTicket(t.db, id)[3]!;
    const links = [...closing.textBody.matchAll(/http:\/\/localhost:3000\/avaliar\/([^?\s]+)\?nota=(\d)/g)];
    expect(links.map((l) => l[2])).toEqual(['1', '2', '3', '4', '5']);
    const check = verifyRatingToken(getOrCreateSecret(t.db, 'rating_link'), links[0]![1]!, asked + 10 * DAY_MS);
    expect(check).toEqual({ ok: true, claims: { ticketId: id, closing: 1, expiresAt: ticket.ratingDueUntil } });
    const history = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json.history;
    expect(history.filter((e: { type: string }) => e.type === 'reminder_sent')).toHaveLength(2);
    expect(history.filter((e: { type: string }) => e.type === 'auto_closed')).toHaveLength(1);
    expect(history.filter((e: { type: string }) => e.type === 'email_sent')).toHaveLength(4);
  });

  it('a pass reads only tickets with something due: after the day-5 reminder, day 6 reads none', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 5 * DAY_MS);
    expect(kinds(id)).toEqual(['agent_update', 'reminder']);
    const read: number[] = [];
    await runAutomations(t.store, mailConfig, { now: asked + 6 * DAY_MS, holder: 'test', wallClock: () => asked + 6 * DAY_MS, onTicket: (ticketId) => read.push(ticketId) });
    expect(read).not.toContain(id); // waiting 6 days, reminded once: nothing due until day 7
    await runAutomations(t.store, mailConfig, { now: asked + 7 * DAY_MS, holder: 'test', wallClock: () => asked + 7 * DAY_MS, onTicket: (ticketId) => read.push(ticketId) });
    expect(read).toContain(id);
    expect(kinds(id)).toEqual(['agent_update', 'reminder', 'reminder']);
  });

  it('a customer reply on day 6 resets the clock: no second reminder or closing from the old wait', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 5 * DAY_MS);
    t.clock.now = asked + 6 * DAY_MS;
    const cookie = await t.signIn(findAccount(t.db, 'contact', getTicket(t.db, id)!.requesterId)!.email);
    const view = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie })).json;
    const reply = await t.request('POST', `/api/customer/tickets/${id}/replies`, { cookie, body: { body: 'Segue o número: 123', expectedVersion: view.ticket.version } });
    expect(reply.status).toBe(201);
    await run(asked + 10 * DAY_MS);
    expect(kinds(id)).toEqual(['agent_update', 'reminder']);
    expect(getTicket(t.db, id)!.status).toBe('open');
  });

  it('catch-up after downtime: one late run closes once and sends no stale reminders', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 30 * DAY_MS);
    expect(kinds(id)).toEqual(['agent_update', 'auto_closed']);
  });

  it('the Movidesk preset closes at day 3 with no reminders', async () => {
    saveAutomationSettings(t.db, { ...DEFAULT_AUTOMATION_SETTINGS, inactivity: MOVIDESK_POLICY_FOR_TEST });
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 3 * DAY_MS - 1);
    expect(getTicket(t.db, id)!.status).toBe('waiting_customer');
    await run(asked + 3 * DAY_MS);
    expect(kinds(id)).toEqual(['agent_update', 'auto_closed']);
  });

  it('a second runner holding no lease does nothing while the first holds it', async () => {
    const asked = t.clock.now;
    await askCustomer();
    const { acquireLease } = await import('@atende/db');
    expect(acquireLease(t.db, { name: 'automations', holder: 'other', now: asked + 10 * DAY_MS, ttlMs: 60_000 })).toBe(true);
    expect((await run(asked + 10 * DAY_MS)).ran).toBe(false);
  });
});

describe('manual closing e-mail (seed 000)', () => {
  it('an agent closing a ticket e-mails the customer five star links to the rating page', async () => {
    const page = await t.request('GET', '/api/agent/tickets', { cookie: agent });
    const id = page.json.items.find((i: { status: string }) => i.status === 'open').id;
    const view = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
    expect((await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'closed', expectedVersion: view.ticket.version } })).status).toBe(200);
    const [mail] = outboxForTicket(t.db, id);
    expect(mail!.kind).toBe('closed');
    expect([...mail!.htmlBody.matchAll(/href="http:\/\/localhost:3000\/avaliar\/[^"?]+\?nota=(\d)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('approval timeout', () => {
  async function resolveOne(): Promise<number> {
    const page = await t.request('GET', '/api/agent/tickets', { cookie: agent });
    const id = page.json.items.find((i: { status: string }) => i.status === 'open').id;
    const view = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
    const r = await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'resolved', expectedVersion: view.ticket.version } });
    expect(r.status).toBe(200);
    return id;
  }

  it('the resolution e-mail asks for approval; after N days without answer the ticket is concluded', async () => {
    const at = t.clock.now;
    const id = await resolveOne();
    expect(kinds(id)).toEqual(['resolved']);
    expect(outboxForTicket(t.db, id)[0]!.textBody).toContain(`/painel/chamados/${id}`);
    await run(at + 7 * DAY_MS - 1);
    expect(getTicket(t.db, id)!.status).toBe('resolved');
    await run(at + 7 * DAY_MS);
    expect(getTicket(t.db, id)!.status).toBe('closed');
    expect(kinds(id)).toEqual(['resolved', 'closed']);
  });

  it('or reopened, when so configured', async () => {
    saveAutomationSettings(t.db, { ...DEFAULT_AUTOMATION_SETTINGS, approvalTimeout: { afterDays: 2, outcome: 'reopen' } });
    const at = t.clock.now;
    const id = await resolveOne();
    await run(at + 2 * DAY_MS);
    expect(getTicket(t.db, id)!.status).toBe('open');
  });
});

describe('what the customer and the admin see', () => {
  it('the customer page says when a waiting ticket closes and shows automatic actions in plain words', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    const cookie = await t.signIn(findAccount(t.db, 'contact', getTicket(t.db, id)!.requesterId)!.email);
    const first = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie })).json;
    expect(first.automation.autoClose).toEqual({ closesAt: new Date(asked + 10 * DAY_MS).toISOString(), daysLeft: 10 });
    await run(asked + 5 * DAY_MS);
    t.clock.now = asked + 5 * DAY_MS;
    const later = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie: await t.signIn(findAccount(t.db, 'contact', getTicket(t.db, id)!.requesterId)!.email) })).json;
    expect(later.automation.autoClose.daysLeft).toBe(5);
    expect(later.automation.automaticActions.map((a: { type: string }) => a.type)).toEqual(['reminder_sent']);
    expect(JSON.stringify(later.automation)).not.toContain('@');
  });

  it('the mailbox lists recorded e-mails for admins only', async () => {
    await askCustomer();
    expect((await t.request('GET', '/api/admin/mailbox', { cookie: agent })).status).toBe(403);
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const box = await t.request('GET', '/api/admin/mailbox', { cookie: admin });
    expect(box.status).toBe(200);
    expect(box.json.items[0]).toMatchObject({ kind: 'agent_update', status: 'pending', text: expect.stringContaining('/painel/chamados/') });
  });
});

describe('the in-server pass', () => {
  it('gives the event loop back between batches and does each effect once', async () => {
    const later = t.clock.now + 30 * DAY_MS;
    // Stands for requests waiting on the loop: one tick per turn of the event loop (setImmediate, not a
    // timer), so the count depends on the pass yielding, never on how fast this machine is.
    let servedMeanwhile = 0;
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      servedMeanwhile++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const report = await runAutomationsYielding(t.store, mailConfig, { now: later, holder: 'server', wallClock: () => later, batchSize: 1 });
    ticking = false;
    expect(report.autoClosed).toBeGreaterThan(1);
    expect(servedMeanwhile).toBeGreaterThan(0); // other work ran while the pass was under way
    expect(await run(later)).toMatchObject({ ran: true, reminders: 0, autoClosed: 0, approvalTimeouts: 0 });
  });
});

describe('batches of many tickets in one transaction', () => {
  /** `count` tickets of the demo contact waiting since 12 days before `now` (auto-close due), in index order. */
  function dueTickets(now: number, count: number): number[] {
    const requesterId = findAccountByEmail(t.db, DEMO_ACCOUNTS.contact)!.id;
    insertWaitingTicketsForTest(t.db, { count, requesterId, waitingSince: now - 12 * DAY_MS, spreadMs: count * 1000 });
    return (t.db.$client.prepare(`SELECT id FROM tickets WHERE subject LIKE 'Carga %' ORDER BY waiting_since, id`).all() as { id: number }[]).map((r) => r.id);
  }

  it('a ticket whose change fails is rolled back alone: the tickets before it in its batch stay done, and a rerun finishes the rest once', async () => {
    const now = t.clock.now + 30 * DAY_MS;
    const [first, failing, last] = dueTickets(now, 3) as [number, number, number];
    // The failing ticket's e-mail cannot be recorded: its change throws after its row was updated.
    t.db.$client.exec(`CREATE TEMP TRIGGER fail_one BEFORE INSERT ON outbox WHEN new.ticket_id = ${failing} BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const batches: number[] = [];
    await expect(runAutomations(t.store, mailConfig, { now, holder: 'test', wallClock: () => now, batchMs: 60_000, onBatch: (b) => batches.push(b.tickets) })).rejects.toThrow('simulated failure');
    expect(batches.length).toBe(1); // all of them in one transaction
    expect(getTicket(t.db, first)!.status).toBe('closed');
    expect(kinds(first)).toEqual(['auto_closed']);
    expect(getTicket(t.db, failing)).toMatchObject({ status: 'waiting_customer', closingCount: 0 });
    expect(kinds(failing)).toEqual([]);
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ?').get(failing)).toEqual({ n: 0 });
    expect(getTicket(t.db, last)!.status).toBe('waiting_customer'); // the pass stopped at the failure

    t.db.$client.exec('DROP TRIGGER fail_one');
    expect((await run(now)).autoClosed).toBeGreaterThanOrEqual(2);
    for (const id of [first, failing, last]) {
      expect(getTicket(t.db, id)).toMatchObject({ status: 'closed', closingCount: 1 });
      expect(kinds(id)).toEqual(['auto_closed']);
    }
  });

  it('no batch holds more than batchSize tickets, and every ticket is handled once', async () => {
    const now = t.clock.now + 30 * DAY_MS;
    const ids = dueTickets(now, 7);
    const batches: number[] = [];
    const handled: number[] = [];
    const report = await runAutomations(t.store, mailConfig, { now, holder: 'test', wallClock: () => now, batchSize: 2, batchMs: 60_000, onBatch: (b) => batches.push(b.tickets), onTicket: (id) => handled.push(id) });
    expect(Math.max(...batches)).toBeLessThanOrEqual(2);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(handled.length);
    expect(new Set(handled).size).toBe(handled.length);
    expect(handled).toEqual(expect.arrayContaining(ids));
    expect(report.autoClosed).toBeGreaterThanOrEqual(ids.length);
  });
});
