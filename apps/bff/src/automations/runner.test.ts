import { DAY_MS } from '@atende/domain';
import { DEMO_ACCOUNTS, DEFAULT_AUTOMATION_SETTINGS } from '@atende/db';
import { acquireLease, findAccount, findAccountByEmail, getOrCreateSecret, getTicket, outboxForTicket, saveAutomationSettings } from '@atende/db/store';
import { MOVIDESK_POLICY as MOVIDESK_POLICY_FOR_TEST } from '@atende/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { verifyRatingToken } from '../ratings/rating-token.js';
import { runAutomations, runAutomationsYielding } from './runner.js';

let t: EngineTestApp;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
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

const kinds = async (ticketId: number) => (await outboxForTicket(t.store, ticketId)).map((m) => m.kind);

describe('agent update e-mail (seed 002)', () => {
  it('is recorded in the outbox with the change, escaped in HTML, with a Reply-To for the ticket, and its text in the history', async () => {
    const id = await askCustomer();
    const [mail] = await outboxForTicket(t.store, id);
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
    expect(await kinds(id)).toEqual(['agent_update']);
    await run(asked + 5 * DAY_MS);
    await run(asked + 5 * DAY_MS + 60_000);
    expect(await kinds(id)).toEqual(['agent_update', 'reminder']);
    expect((await outboxForTicket(t.store, id))[1]!.textBody).toContain('será encerrado em 5 dias se não houver resposta');
    await run(asked + 7 * DAY_MS);
    await run(asked + 10 * DAY_MS);
    await run(asked + 10 * DAY_MS);
    expect(await kinds(id)).toEqual(['agent_update', 'reminder', 'reminder', 'auto_closed']);
    const ticket = (await getTicket(t.store, id))!;
    expect(ticket).toMatchObject({ status: 'closed', closingCount: 1 });
    const closing = (await outboxForTicket(t.store, id))[3]!;
    const links = [...closing.textBody.matchAll(/http:\/\/localhost:3000\/avaliar\/([^?\s]+)\?nota=(\d)/g)];
    expect(links.map((l) => l[2])).toEqual(['1', '2', '3', '4', '5']);
    const check = verifyRatingToken(await getOrCreateSecret(t.store, 'rating_link'), links[0]![1]!, asked + 10 * DAY_MS);
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
    expect(await kinds(id)).toEqual(['agent_update', 'reminder']);
    const read: number[] = [];
    await runAutomations(t.store, mailConfig, { now: asked + 6 * DAY_MS, holder: 'test', wallClock: () => asked + 6 * DAY_MS, onTicket: (ticketId) => read.push(ticketId) });
    expect(read).not.toContain(id); // waiting 6 days, reminded once: nothing due until day 7
    await runAutomations(t.store, mailConfig, { now: asked + 7 * DAY_MS, holder: 'test', wallClock: () => asked + 7 * DAY_MS, onTicket: (ticketId) => read.push(ticketId) });
    expect(read).toContain(id);
    expect(await kinds(id)).toEqual(['agent_update', 'reminder', 'reminder']);
  });

  it('a customer reply on day 6 resets the clock: no second reminder or closing from the old wait', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 5 * DAY_MS);
    t.clock.now = asked + 6 * DAY_MS;
    const cookie = await t.signIn((await findAccount(t.store, 'contact', (await getTicket(t.store, id))!.requesterId))!.email);
    const view = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie })).json;
    const reply = await t.request('POST', `/api/customer/tickets/${id}/replies`, { cookie, body: { body: 'Segue o número: 123', expectedVersion: view.ticket.version } });
    expect(reply.status).toBe(201);
    await run(asked + 10 * DAY_MS);
    expect(await kinds(id)).toEqual(['agent_update', 'reminder']);
    expect((await getTicket(t.store, id))!.status).toBe('open');
  });

  it('catch-up after downtime: one late run closes once and sends no stale reminders', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 30 * DAY_MS);
    expect(await kinds(id)).toEqual(['agent_update', 'auto_closed']);
  });

  it('the Movidesk preset closes at day 3 with no reminders', async () => {
    await saveAutomationSettings(t.store, { ...DEFAULT_AUTOMATION_SETTINGS, inactivity: MOVIDESK_POLICY_FOR_TEST });
    const asked = t.clock.now;
    const id = await askCustomer();
    await run(asked + 3 * DAY_MS - 1);
    expect((await getTicket(t.store, id))!.status).toBe('waiting_customer');
    await run(asked + 3 * DAY_MS);
    expect(await kinds(id)).toEqual(['agent_update', 'auto_closed']);
  });

  it('a second runner holding no lease does nothing while the first holds it', async () => {
    const asked = t.clock.now;
    await askCustomer();
    expect(await acquireLease(t.store, { name: 'automations', holder: 'other', now: asked + 10 * DAY_MS, ttlMs: 60_000 })).toBe(true);
    expect((await run(asked + 10 * DAY_MS)).ran).toBe(false);
  });
});

describe('manual closing e-mail (seed 000)', () => {
  it('an agent closing a ticket e-mails the customer five star links to the rating page', async () => {
    const page = await t.request('GET', '/api/agent/tickets', { cookie: agent });
    const id = page.json.items.find((i: { status: string }) => i.status === 'open').id;
    const view = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
    expect((await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'closed', expectedVersion: view.ticket.version } })).status).toBe(200);
    const [mail] = await outboxForTicket(t.store, id);
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
    expect(await kinds(id)).toEqual(['resolved']);
    expect((await outboxForTicket(t.store, id))[0]!.textBody).toContain(`/painel/chamados/${id}`);
    await run(at + 7 * DAY_MS - 1);
    expect((await getTicket(t.store, id))!.status).toBe('resolved');
    await run(at + 7 * DAY_MS);
    expect((await getTicket(t.store, id))!.status).toBe('closed');
    expect(await kinds(id)).toEqual(['resolved', 'closed']);
  });

  it('or reopened, when so configured', async () => {
    await saveAutomationSettings(t.store, { ...DEFAULT_AUTOMATION_SETTINGS, approvalTimeout: { afterDays: 2, outcome: 'reopen' } });
    const at = t.clock.now;
    const id = await resolveOne();
    await run(at + 2 * DAY_MS);
    expect((await getTicket(t.store, id))!.status).toBe('open');
  });
});

describe('what the customer and the admin see', () => {
  it('the customer page says when a waiting ticket closes and shows automatic actions in plain words', async () => {
    const asked = t.clock.now;
    const id = await askCustomer();
    const cookie = await t.signIn((await findAccount(t.store, 'contact', (await getTicket(t.store, id))!.requesterId))!.email);
    const first = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie })).json;
    expect(first.automation.autoClose).toEqual({ closesAt: new Date(asked + 10 * DAY_MS).toISOString(), daysLeft: 10 });
    await run(asked + 5 * DAY_MS);
    t.clock.now = asked + 5 * DAY_MS;
    const later = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie: await t.signIn((await findAccount(t.store, 'contact', (await getTicket(t.store, id))!.requesterId))!.email) })).json;
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
  async function dueTickets(now: number, count: number): Promise<number[]> {
    const requesterId = (await findAccountByEmail(t.store, DEMO_ACCOUNTS.contact))!.id;
    // As insertWaitingTicketsForTest (SQLite only) lays them: spread over `count` seconds, no company.
    const waitingSince = now - 12 * DAY_MS;
    const spreadMs = count * 1000;
    for (let i = 0; i < count; i++) {
      const since = waitingSince + Math.floor((spreadMs * i) / count);
      await t.make.ticket({ subject: `Carga ${i}`, requesterId, companyId: null, status: 'waiting_customer', origin: 'portal', createdAt: since, updatedAt: since, waitingSince: since, reminderStage: 0 });
    }
    return (await t.rows<{ id: number }>(`SELECT id FROM tickets WHERE subject LIKE 'Carga %' ORDER BY waiting_since, id`)).map((r) => r.id);
  }

  /**
   * The database's own error: on PostgreSQL drizzle wraps the driver's error in a DrizzleQueryError
   * ("Failed query: …") whose `cause` is it; on SQLite it is thrown as it is.
   */
  function rethrowDatabaseError(error: unknown): never {
    let inner = error;
    while (inner instanceof Error && inner.message.startsWith('Failed query:') && inner.cause instanceof Error) inner = inner.cause;
    throw inner;
  }

  /** Makes recording an e-mail of `ticketId` throw 'simulated failure' (a trigger on outbox), until `restore`. */
  async function failOutboxInsertFor(ticketId: number): Promise<{ restore: () => Promise<void> }> {
    const store = t.store;
    if (store.engine === 'sqlite') {
      // On the writer connection the app writes through: a TEMP trigger lives on that connection only.
      store.writer.$client.exec(`CREATE TEMP TRIGGER fail_one BEFORE INSERT ON outbox WHEN new.ticket_id = ${ticketId} BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
      return { restore: async () => void store.writer.$client.exec('DROP TRIGGER fail_one') };
    }
    await t.rows(`CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.ticket_id = ${ticketId} THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`);
    await t.rows('CREATE TRIGGER fail_one BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_one()');
    return {
      restore: async () => {
        await t.rows('DROP TRIGGER fail_one ON outbox');
        await t.rows('DROP FUNCTION fail_one()');
      },
    };
  }

  it('a ticket whose change fails is rolled back alone: the tickets before it in its batch stay done, and a rerun finishes the rest once', async () => {
    const now = t.clock.now + 30 * DAY_MS;
    const [first, failing, last] = (await dueTickets(now, 3)) as [number, number, number];
    // The failing ticket's e-mail cannot be recorded: its change throws after its row was updated.
    const trigger = await failOutboxInsertFor(failing);
    const batches: number[] = [];
    await expect(runAutomations(t.store, mailConfig, { now, holder: 'test', wallClock: () => now, batchMs: 60_000, onBatch: (b) => batches.push(b.tickets) }).catch(rethrowDatabaseError)).rejects.toThrow('simulated failure');
    expect(batches.length).toBe(1); // all of them in one transaction
    expect((await getTicket(t.store, first))!.status).toBe('closed');
    expect(await kinds(first)).toEqual(['auto_closed']);
    expect((await getTicket(t.store, failing))).toMatchObject({ status: 'waiting_customer', closingCount: 0 });
    expect(await kinds(failing)).toEqual([]);
    const [events] = await t.rows<{ n: number | string }>('SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ?', [failing]);
    expect({ n: Number(events!.n) }).toEqual({ n: 0 }); // PostgreSQL's count is a bigint, read as a string
    expect((await getTicket(t.store, last))!.status).toBe('waiting_customer'); // the pass stopped at the failure

    await trigger.restore();
    expect((await run(now)).autoClosed).toBeGreaterThanOrEqual(2);
    for (const id of [first, failing, last]) {
      expect((await getTicket(t.store, id))).toMatchObject({ status: 'closed', closingCount: 1 });
      expect(await kinds(id)).toEqual(['auto_closed']);
    }
  });

  it('no batch holds more than batchSize tickets, and every ticket is handled once', async () => {
    const now = t.clock.now + 30 * DAY_MS;
    const ids = await dueTickets(now, 7);
    const batches: number[] = [];
    const handled: number[] = [];
    const report = await runAutomations(t.store, mailConfig, { now, holder: 'test', wallClock: () => now, batchSize: 2, batchMs: 60_000, onBatch: (b) => batches.push(b.tickets), onTicket: (id) => handled.push(id) });
    expect(Math.max(...batches)).toBeLessThanOrEqual(2);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(handled.length);
    expect(new Set(handled).size).toBe(handled.length);
    expect(handled).toEqual(expect.arrayContaining(ids));
    expect(report.autoClosed).toBeGreaterThanOrEqual(ids.length);
  });

  it("a batch's commit does not wait for the disk (it is redone if lost); a request's write after it does", async () => {
    const now = t.clock.now + 30 * DAY_MS;
    await dueTickets(now, 2);
    const store = t.store;
    // What the ticket changes of a batch commit with: SQLite's level on the writer (1 NORMAL, 2 FULL),
    // PostgreSQL's synchronous_commit seen by a trigger on the updated rows.
    const seen: string[] = [];
    if (store.engine === 'pg') {
      await t.rows('CREATE TABLE commit_levels (level text)');
      await t.rows(`CREATE FUNCTION note_commit_level() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO commit_levels VALUES (current_setting('synchronous_commit')); RETURN NEW; END $$`);
      await t.rows('CREATE TRIGGER note_commit_level AFTER UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION note_commit_level()');
    }
    const onTicket = () => void (store.engine === 'sqlite' && seen.push(String(store.writer.$client.pragma('synchronous', { simple: true }))));
    expect((await runAutomations(store, mailConfig, { now, holder: 'test', wallClock: () => now, onTicket })).autoClosed).toBeGreaterThanOrEqual(2);
    if (store.engine === 'pg') seen.push(...(await t.rows<{ level: string }>('SELECT level FROM commit_levels')).map((r) => r.level));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen)).toEqual(new Set([store.engine === 'sqlite' ? '1' : 'off']));
    // A customer's reply after the pass is acknowledged only once durable.
    const reply = await askCustomer();
    if (store.engine === 'sqlite') expect(store.writer.$client.pragma('synchronous', { simple: true })).toBe(2);
    else {
      await t.rows('DELETE FROM commit_levels');
      await t.rows(`UPDATE tickets SET subject = subject WHERE id = ?`, [reply]);
      expect((await t.rows<{ level: string }>('SELECT level FROM commit_levels')).map((r) => r.level)).toEqual(['on']);
    }
  });
});
