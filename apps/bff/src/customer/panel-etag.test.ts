import { DAY_MS } from '@atende/domain';
import { DEMO_ACCOUNTS } from '@atende/db';
import { getOrCreateSecret, getTicket } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAutomations } from '../automations/runner.js';
import { replyAddressFor } from '../mail/reply-address.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/**
 * Issue 18: the Painel do Cliente's counts and tab pages answer 304 to a refetch when nothing they show
 * has changed. No cached answer may be wrong: after a change through any write path (a route, the
 * runner, inbound mail, an integration, SQL typed by hand, a department renamed, a rating window that
 * closes), the very next refetch with the old tag gets the new answer.
 */
const INBOUND_TOKEN = 'inbound-token-0123456789abcdef';
const PANEL = ['/tickets/counts', '/tickets?tab=awaiting_my_reply', '/tickets?tab=awaiting_return', '/tickets?tab=awaiting_approval', '/tickets?tab=unrated', '/tickets?tab=all'];

let t: EngineTestApp;
let carla: string;
beforeEach(async () => {
  t = await createEngineTestApp({ env: { INBOUND_MAIL_TOKEN: INBOUND_TOKEN } });
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
});
afterEach(() => t.dispose());

const get = (path: string, tag?: string, cookie = carla) =>
  t.request('GET', `/api/customer${path}`, { cookie, ...(tag ? { headers: { 'if-none-match': tag } } : {}) });

/** The whole panel as a browser last saw it: each answer with its tag. */
async function snapshot() {
  const answers = new Map<string, { tag: string; json: unknown }>();
  for (const path of PANEL) {
    const res = await get(path);
    expect(res.status).toBe(200);
    answers.set(path, { tag: res.headers.get('etag')!, json: res.json });
  }
  return answers;
}

/** Refetches every answer with its old tag; returns the paths that came back whole (200), checked against a fresh read. */
async function refetch(before: Awaited<ReturnType<typeof snapshot>>): Promise<string[]> {
  const changed: string[] = [];
  for (const [path, { tag }] of before) {
    const res = await get(path, tag);
    if (res.status === 304) {
      expect(res.text).toBe('');
      continue;
    }
    expect(res.status).toBe(200);
    expect(res.json).toEqual((await get(path)).json);
    changed.push(path);
  }
  return changed;
}

const firstOfCarla = async (tab: string) => (await get(`/tickets?tab=${tab}`)).json.items[0] as { id: number; subject: string; departmentName: string | null };
const countsNow = async () => (await get('/tickets/counts')).json.counts as Record<string, number>;

describe('conditional refetch of the Painel do Cliente', () => {
  it('answers 304 without a body while nothing changed, and only to the contact the tag was made for', async () => {
    const before = await snapshot();
    for (const { tag } of before.values()) expect(tag).toMatch(/^"panel\.\d+\./);
    expect(await refetch(before)).toEqual([]);
    // Another contact presenting Carla's tag gets their own panel.
    const otavio = await t.signIn(DEMO_ACCOUNTS.otherContact);
    const theirs = await get('/tickets/counts', before.get('/tickets/counts')!.tag, otavio);
    expect(theirs.status).toBe(200);
    expect(theirs.json).not.toEqual(before.get('/tickets/counts')!.json);
    // A change to someone else's ticket leaves Carla's panel answering 304.
    await t.rows('UPDATE tickets SET subject = ? WHERE requester_id <> (SELECT id FROM contacts WHERE email = ?)', ['Outro assunto', DEMO_ACCOUNTS.contact]);
    expect(await refetch(before)).toEqual([]);
  });

  it('a reply through the portal (a route) is in the next refetch', async () => {
    const ticket = await firstOfCarla('awaiting_my_reply');
    const before = await snapshot();
    const { version } = (await getTicket(t.store, ticket.id))!;
    expect((await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, { cookie: carla, body: { body: 'Segue a foto.', expectedVersion: version } })).status).toBe(201);
    expect(await refetch(before)).toEqual(PANEL);
    expect((await get('/tickets?tab=awaiting_return')).json.items[0].id).toBe(ticket.id);
  });

  it('tickets the automation runner closes are in the next refetch', async () => {
    const before = await snapshot();
    const awaiting = before.get('/tickets/counts')!.json as { counts: Record<string, number> };
    expect(awaiting.counts.awaiting_approval).toBeGreaterThan(0);
    // The runner's own clock: the app's stays put, so no tag expires by time here.
    const later = t.clock.now + 60 * DAY_MS;
    await runAutomations(t.store, { publicUrl: 'http://localhost:3000', mailReplyDomain: 'atende.local' }, { now: later, holder: 'test', wallClock: () => later });
    expect(await refetch(before)).toContain('/tickets/counts');
    expect((await countsNow()).awaiting_approval).toBe(0);
  });

  it('a reply by e-mail (inbound mail) is in the next refetch', async () => {
    const ticket = await firstOfCarla('awaiting_my_reply');
    const before = await snapshot();
    const replyTo = replyAddressFor(await getOrCreateSecret(t.store, 'reply_address'), ticket.id, 'atende.local');
    const raw = `Return-Path: <${DEMO_ACCOUNTS.contact}>\r\nFrom: ${DEMO_ACCOUNTS.contact}\r\nTo: ${replyTo}\r\nSubject: Re: x\r\nMessage-ID: <panel-etag@example.com>\r\n\r\nRespondo por e-mail.\r\n`;
    const res = await t.app.request('/inbound-mail', { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INBOUND_TOKEN}` }, body: raw });
    expect(res.status).toBe(202);
    expect(await refetch(before)).toContain('/tickets?tab=awaiting_return');
    expect((await get('/tickets?tab=awaiting_return')).json.items[0].id).toBe(ticket.id);
  });

  it('a conversation logged by an integration is in the next refetch', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const { token } = (await t.request('POST', '/api/agent/api-tokens', { cookie: agent, body: { name: 'Chat da recepção' } })).json as { token: string };
    const departments = (await t.request('GET', '/api/agent/options', { cookie: agent })).json.departments as { id: number }[];
    const before = await snapshot();
    const res = await t.app.request('/integrations/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ contactEmail: DEMO_ACCOUNTS.contact, conversation: { mode: 'new', subject: 'Catraca não destrava', departmentId: departments[0]!.id, priority: 'media', transcript: 'Cliente: a catraca não destrava.', summary: 'Aberto pelo chat.', idempotencyKey: 'panel-etag-integration-0001' } }),
    });
    expect(res.status).toBe(201);
    expect(await refetch(before)).toContain('/tickets?tab=all');
    expect((await get('/tickets?tab=all')).json.items[0].subject).toBe('Catraca não destrava');
  });

  it('a change written straight into the database, or a renamed department, is in the next refetch', async () => {
    const ticket = await firstOfCarla('all');
    let before = await snapshot();
    await t.rows('UPDATE tickets SET subject = ? WHERE id = ?', ['Assunto corrigido à mão', ticket.id]);
    expect(await refetch(before)).toContain('/tickets?tab=all');
    expect((await firstOfCarla('all')).subject).toBe('Assunto corrigido à mão');

    const named = (await get('/tickets?tab=all')).json.items.find((i: { departmentName: string | null }) => i.departmentName !== null) as { departmentName: string };
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const department = ((await t.request('GET', '/api/admin/departments', { cookie: admin })).json.departments as { id: number; name: string; active: boolean; servesTickets: boolean; servesExternal: boolean }[]).find(
      (d) => d.name === named.departmentName,
    )!;
    before = await snapshot();
    const { id, active, servesTickets, servesExternal } = department;
    expect((await t.request('PUT', `/api/admin/departments/${id}`, { cookie: admin, body: { name: 'Suporte (renomeado)', active, servesTickets, servesExternal } })).status).toBe(200);
    expect(await refetch(before)).toContain('/tickets?tab=all');
    expect((await get('/tickets?tab=all')).json.items.some((i: { departmentName: string | null }) => i.departmentName === 'Suporte (renomeado)')).toBe(true);
  });

  it('a tag expires when a rating window closes, with no write at all', async () => {
    // The window that closes first, of all of Carla's unrated tickets.
    const windows = await Promise.all(((await get('/tickets?tab=unrated')).json.items as { id: number }[]).map(async ({ id }) => ({ id, deadline: (await getTicket(t.store, id))!.ratingDueUntil! })));
    const { id: closing, deadline } = windows.sort((a, b) => a.deadline - b.deadline)[0]!;
    const before = await snapshot();
    // Weeks may pass before a window closes: Carla signs in again (a sign-in changes no ticket).
    t.clock.now = deadline - 1;
    carla = await t.signIn(DEMO_ACCOUNTS.contact);
    expect(await refetch(before)).toEqual([]);
    t.clock.now = deadline;
    carla = await t.signIn(DEMO_ACCOUNTS.contact);
    expect(await refetch(before)).toEqual(expect.arrayContaining(['/tickets/counts', '/tickets?tab=unrated']));
    expect((await get('/tickets?tab=unrated')).json.items.map((i: { id: number }) => i.id)).not.toContain(closing);
  });
});
