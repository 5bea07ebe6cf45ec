import { listOutbox } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settled } from '../http/after-response.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/**
 * Issue 15: an agent's (or admin's) language is kept on the account, chosen by the agent alone, and every
 * e-mail to them is written in it: notifications, the ticket's "reopened" e-mail, invitation and reset.
 */
let t: EngineTestApp;
let department: { id: number };
let english: { id: number; email: string; name: string };
let portuguese: { id: number; email: string; name: string };
let admin: { id: number; email: string };
let contact: { id: number; email: string };

beforeEach(async () => {
  t = await createEngineTestApp({ content: 'empty', accountLinksToOutbox: true });
  department = await t.make.department();
  english = await t.make.agent({ name: 'Ana English', departmentIds: [department.id], language: 'en' });
  portuguese = await t.make.agent({ name: 'Paulo Português', departmentIds: [department.id] });
  admin = await t.make.agent({ role: 'admin' });
  contact = await t.make.contact();
});
afterEach(() => t.dispose());

const mailsTo = async (address: string, kind: string) => (await listOutbox(t.store, { beforeId: null, limit: 100 })).filter((m) => m.toAddress === address && m.kind === kind);

async function customerReplies(ticket: { id: number; version: number }, body = 'Alguma novidade?') {
  const res = await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, { cookie: await t.signIn(contact.email), body: { body, expectedVersion: ticket.version } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
}

describe('notification e-mails to agents', () => {
  it("go out in each agent's own language: English for one, pt-BR for the other", async () => {
    const ticket = await t.make.ticket({ status: 'open', subject: 'Impressora parada', requesterId: contact.id, departmentId: department.id, assigneeId: null });
    await customerReplies(ticket);

    const [en] = await mailsTo(english.email, 'notify_customer_message');
    expect(en!.subject).toBe(`Customer replied: #${ticket.id} – Impressora parada`);
    expect(en!.textBody).toMatch(/^Hello, Ana English\./);
    expect(en!.textBody).toContain('Open in the console: ');
    expect(en!.textBody).not.toMatch(/Olá|Abrir no console/);
    expect(en!.htmlBody).toContain('<html lang="en">');

    const [pt] = await mailsTo(portuguese.email, 'notify_customer_message');
    expect(pt!.subject).toBe(`Cliente respondeu: #${ticket.id} – Impressora parada`);
    expect(pt!.textBody).toMatch(/^Olá, Paulo Português\./);
    expect(pt!.htmlBody).toContain('<html lang="pt-BR">');
  });

  it("the ticket's own \"reopened\" e-mail to an English assignee is in English", async () => {
    const ticket = await t.make.ticket({ status: 'closed', subject: 'Catraca', requesterId: contact.id, departmentId: department.id, assigneeId: english.id });
    await customerReplies(ticket, 'Voltou a falhar.');
    const [reopened] = await mailsTo(english.email, 'reopened');
    expect(reopened!.subject).toBe(`Ticket reopened by the customer: #${ticket.id} – Catraca`);
    expect(reopened!.textBody).toContain('Voltou a falhar.');
  });
});

describe("the agent's language, saved through the API", () => {
  it('persists, and the next notification e-mail follows it (an admin has one too)', async () => {
    const cookie = await t.signIn(portuguese.email);
    expect((await t.request('GET', '/api/agent/preferences', { cookie })).json).toEqual({ preferences: { language: 'pt-BR' } });
    const saved = await t.request('PUT', '/api/agent/preferences', { cookie, body: { language: 'en' } });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ preferences: { language: 'en' } });
    // Another session (another browser) reads the same choice.
    expect((await t.request('GET', '/api/agent/preferences', { cookie: await t.signIn(portuguese.email) })).json.preferences.language).toBe('en');

    const ticket = await t.make.ticket({ status: 'open', subject: 'Rede lenta', requesterId: contact.id, departmentId: department.id, assigneeId: portuguese.id });
    await customerReplies(ticket);
    expect((await mailsTo(portuguese.email, 'notify_customer_message')).map((m) => m.subject)).toEqual([`Customer replied: #${ticket.id} – Rede lenta`]);

    const adminCookie = await t.signIn(admin.email);
    expect((await t.request('PUT', '/api/agent/preferences', { cookie: adminCookie, body: { language: 'en' } })).status).toBe(200);
    expect((await t.request('GET', '/api/agent/preferences', { cookie: adminCookie })).json.preferences.language).toBe('en');
  });

  it("a contact cannot change an agent's language, and a language that does not exist changes nothing", async () => {
    const byContact = await t.request('PUT', '/api/agent/preferences', { cookie: await t.signIn(contact.email), body: { language: 'pt-BR' } });
    expect(byContact.status).toBe(403);
    const byNobody = await t.request('PUT', '/api/agent/preferences', { body: { language: 'pt-BR' } });
    expect(byNobody.status).toBe(401);

    const cookie = await t.signIn(english.email);
    const bad = await t.request('PUT', '/api/agent/preferences', { cookie, body: { language: 'fr' } });
    expect(bad.status).toBe(400);
    // Another agent's id in the body is no way in either: the id comes from the session.
    const foreign = await t.request('PUT', '/api/agent/preferences', { cookie: await t.signIn(portuguese.email), body: { language: 'pt-BR', agentId: english.id } });
    expect(foreign.status).toBe(400);
    expect((await t.request('GET', '/api/agent/preferences', { cookie })).json.preferences.language).toBe('en');
  });
});

describe('account e-mails to agents', () => {
  it("invitation and password reset are in the agent's language", async () => {
    const adminCookie = await t.signIn(admin.email);
    for (const agent of [english, portuguese]) {
      expect((await t.request('POST', `/api/admin/team/${agent.id}/invitation`, { cookie: adminCookie, body: {} })).status).toBeLessThan(300);
      expect((await t.request('POST', '/api/account/password-reset', { body: { email: agent.email } })).status).toBe(202);
    }
    await settled();

    const [invitation] = await mailsTo(english.email, 'account_invitation');
    expect(invitation!.subject).toBe('Atende: you are invited');
    // An agent is invited to work tickets, not to follow their own.
    expect(invitation!.textBody).toContain('You are invited to work tickets in the Atende console.');
    const [reset] = await mailsTo(english.email, 'account_password_reset');
    expect(reset!.subject).toBe('Atende: create a new password');
    expect(reset!.textBody).toMatch(/^Hello, Ana English\./);
    const [convite] = await mailsTo(portuguese.email, 'account_invitation');
    expect(convite!.subject).toBe('Atende: você foi convidado');
    expect(convite!.textBody).toContain('Você foi convidado para atender chamados no console do Atende.');
    expect((await mailsTo(portuguese.email, 'account_password_reset')).map((m) => m.subject)).toEqual(['Atende: crie uma nova senha']);
  });
});
