import { ticketEventWire } from '@atende/contracts';
import { DAY_MS, decide, TICKET_EVENT_TYPES, type Actor, type TicketAction, type TicketEvent } from '@atende/domain';
import { DEMO_ACCOUNTS, ticketStateOf } from '@atende/db';
import { findAccount, findAccountByEmail, getCompanySettings, getOrCreateSecret, getPortalSettings, getTicket, isAgentActive, ticketHistory } from '@atende/db/store';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAutomations } from '../automations/runner.js';
import { loadConfig } from '../config.js';
import { receiveMail } from '../mail/inbound.js';
import { replyAddressFor } from '../mail/reply-address.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { changeTicketAs } from './apply-ticket-action.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const mailConfig = { publicUrl: 'http://localhost:3000', mailReplyDomain: 'atende.local' };

const ticketsIn = async (status: string) => (await t.rows<{ id: number }>('SELECT id FROM tickets WHERE status = ? ORDER BY id', [status])).map((row) => row.id);

/** What the domain decides for this ticket as it is now: the lines the history must get (e-mails aside). */
async function domainEvents(ticketId: number, action: TicketAction, actor: Actor, now: number): Promise<TicketEvent[]> {
  const ticket = (await getTicket(t.store, ticketId))!;
  const decision = decide(ticketStateOf(ticket), action, actor, {
    now,
    policy: await getPortalSettings(t.store),
    clock: await getCompanySettings(t.store),
    assigneeActive: ticket.assigneeId !== null && (await isAgentActive(t.store, ticket.assigneeId)),
  });
  if (!decision.ok) throw new Error(`the domain refuses: ${decision.code}`);
  return decision.events;
}

/** The history lines written after `afterId`, without their row ids. */
async function written(ticketId: number, afterId: number) {
  return (await ticketHistory(t.store, ticketId))
    .filter((e) => e.id > afterId)
    .map(({ id: _id, ticketId: _ticketId, ...e }) => e);
}
const lastEventId = async (ticketId: number) => (await ticketHistory(t.store, ticketId)).at(-1)?.id ?? 0;

describe('the one ticket-change path', () => {
  it('a portal reply, an e-mail reply and an automation write exactly the domain\'s typed events, plus the e-mail they cause', async () => {
    // A route: the contact reopens their closed ticket from the portal.
    const contact = (await findAccountByEmail(t.store, DEMO_ACCOUNTS.contact))!;
    const [byPortal] = (await t.rows<{ id: number }>("SELECT id FROM tickets WHERE status = 'closed' AND requester_id = ? ORDER BY id", [contact.id])).map((r) => r.id);
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    let expected = await domainEvents(byPortal!, { type: 'customer_reply' }, { kind: 'contact', id: contact.id }, t.clock.now);
    let since = await lastEventId(byPortal!);
    const reply = await t.request('POST', `/api/customer/tickets/${byPortal}/replies`, { cookie, body: { body: 'Voltou a falhar.', expectedVersion: (await getTicket(t.store, byPortal!))!.version } });
    expect(reply.status).toBe(201);
    expect(await written(byPortal!, since)).toEqual([...expected, expect.objectContaining({ type: 'email_sent', data: expect.objectContaining({ kind: 'reopened' }) })]);
    expect(expected.map((e) => e.type)).toContain('reopened');

    // Inbound mail: another closed ticket's contact answers the e-mail; the same events, `via: email`.
    const byMail = (await ticketsIn('closed')).find((id) => id !== byPortal)!;
    const requester = (await findAccount(t.store, 'contact', (await getTicket(t.store, byMail))!.requesterId))!;
    expected = await domainEvents(byMail, { type: 'customer_reply', via: 'email' }, { kind: 'contact', id: requester.id }, t.clock.now);
    since = await lastEventId(byMail);
    const to = replyAddressFor(await getOrCreateSecret(t.store, 'reply_address'), byMail, 'atende.local');
    const outcome = await receiveMail({ db: t.store, config: loadConfig({ NODE_ENV: 'test', PORT: '3000', DATA_DIR: '/nonexistent' }), logger: pino({ level: 'silent' }), now: () => t.clock.now }, `From: ${requester.email}\r\nTo: ${to}\r\nSubject: Re: x\r\nMessage-ID: <same-path@example.com>\r\n\r\nVoltou a falhar.\r\n`, [], { mailFrom: requester.email }); // envelope sender of the From domain: trusted
    expect(outcome).toEqual({ outcome: 'added', ticketId: byMail, reopened: true });
    expect(await written(byMail, since)).toEqual([...expected, expect.objectContaining({ type: 'email_sent', data: expect.objectContaining({ kind: 'reopened' }) })]);
    expect(expected[0]).toMatchObject({ type: 'reopened', data: { action: 'customer_reply', via: 'email' } });

    // The runner: a ticket waiting on the customer for 10 days is closed by the system.
    const waiting = (await ticketsIn('waiting_customer'))[0]!;
    const later = (await getTicket(t.store, waiting))!.waitingSince! + 10 * DAY_MS;
    expected = await domainEvents(waiting, { type: 'auto_close', afterDays: 10 }, { kind: 'system' }, later);
    since = await lastEventId(waiting);
    await runAutomations(t.store, mailConfig, { now: later, holder: 'test', wallClock: () => later });
    expect(await written(waiting, since)).toEqual([...expected, expect.objectContaining({ type: 'email_sent', data: expect.objectContaining({ kind: 'auto_closed' }) })]);
    expect(expected).toEqual([expect.objectContaining({ type: 'auto_closed', actorKind: 'system', fromStatus: 'waiting_customer', toStatus: 'closed', data: { afterDays: 10 } })]);

    // Every line of every history is one of the domain's types, in the API's wire form.
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    for (const id of [byPortal!, byMail, waiting]) {
      const history = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json.history as unknown[];
      for (const line of history) expect(TICKET_EVENT_TYPES).toContain(ticketEventWire.parse(line).type);
    }
  });

  it('checks who may before the version: another contact gets not_found, stale version or not, and nothing is written', async () => {
    const contact = (await findAccountByEmail(t.store, DEMO_ACCOUNTS.contact))!;
    const other = (await findAccountByEmail(t.store, DEMO_ACCOUNTS.otherContact))!;
    const id = (await t.rows<{ id: number }>("SELECT id FROM tickets WHERE requester_id = ? AND status = 'open' ORDER BY id", [contact.id]))[0]!.id;
    const before = (await getTicket(t.store, id))!;
    const change = (actor: Actor, expectedVersion?: number) =>
      changeTicketAs({ db: t.store, mailConfig, now: t.clock.now }, { ticketId: id, actor, expectedVersion, action: { type: 'customer_reply' }, message: { body: 'Oi', visibility: 'public' } });
    expect(await change({ kind: 'contact', id: other.id }, before.version - 1)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await change({ kind: 'contact', id: other.id }, before.version)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await change({ kind: 'contact', id: contact.id }, before.version + 1)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await getTicket(t.store, id)).toEqual(before);
    expect(await change({ kind: 'contact', id: contact.id }, before.version)).toMatchObject({ ok: true, ticket: { version: before.version + 1 } });
  });
});
