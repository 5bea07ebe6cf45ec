import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccountByEmail, findContactByAnyEmail, listAudit } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const newContact = (body: object = {}) => ({ name: 'Joana Prado', email: 'joana@padaria.com.br', phone: '(51) 99999-1234', companyId: null, ...body });

describe('Clientes: companies and contacts', () => {
  it('an agent creates a company and a contact in it; the phone is stored in E.164 and the WhatsApp link is right', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const company = await t.request('POST', '/api/agent/companies', { cookie: agent, body: { name: 'Padaria Pão Quente', document: '12.345.678/0001-90', phone: '' } });
    expect(company.status).toBe(201);
    const created = await t.request('POST', '/api/agent/contacts', { cookie: agent, body: newContact({ companyId: company.json.company.id, extraEmails: ['Joana.Prado@Gmail.com'] }) });
    expect(created.status).toBe(201);
    expect(created.json.contact).toMatchObject({ phone: '+5551999991234', companyName: 'Padaria Pão Quente', extraEmails: ['joana.prado@gmail.com'], active: true });
    const page = await t.request('GET', `/api/agent/contacts/${created.json.contact.id}`, { cookie: agent });
    expect(page.json.contact.whatsAppUrl).toBe('https://wa.me/5551999991234');
    expect((await listAudit(t.store, { before: null, limit: 1 }))[0]).toMatchObject({ event: 'contact_created', actorKind: 'agent', email: 'joana@padaria.com.br' });
  });

  it('any of the contact’s addresses finds them (inbound mail matching)', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const id = (await t.request('POST', '/api/agent/contacts', { cookie: agent, body: newContact({ extraEmails: ['financeiro@padaria.com.br'] }) })).json.contact.id;
    expect((await findContactByAnyEmail(t.store, 'JOANA@padaria.com.br'))?.id).toBe(id);
    expect((await findContactByAnyEmail(t.store, ' Financeiro@Padaria.com.br'))?.id).toBe(id);
    expect(await findContactByAnyEmail(t.store, 'ninguem@padaria.com.br')).toBeNull();
  });

  it('refuses an address used by someone else, a bad phone and an unknown company, changing nothing', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const post = (body: object) => t.request('POST', '/api/agent/contacts', { cookie: agent, body: newContact(body) });
    expect((await post({ email: DEMO_ACCOUNTS.contact })).json.fields).toEqual({ email: 'Este e-mail já é de outro contato.' });
    expect((await post({ extraEmails: [DEMO_ACCOUNTS.agent] })).json.fields).toEqual({ 'extraEmails.0': 'Este e-mail é de alguém da equipe.' });
    expect((await post({ extraEmails: ['joana@padaria.com.br'] })).json.fields).toEqual({ 'extraEmails.0': 'E-mail repetido.' });
    expect((await post({ phone: '123' })).json.fields.phone).toMatch(/Telefone inválido/);
    expect((await post({ companyId: 9999 })).json.fields).toEqual({ companyId: 'Empresa desconhecida.' });
    expect(await findContactByAnyEmail(t.store, 'joana@padaria.com.br')).toBeNull();
  });

  it('edits a contact with before/after in the audit log', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const id = (await t.request('POST', '/api/agent/contacts', { cookie: agent, body: newContact() })).json.contact.id;
    const edited = await t.request('PUT', `/api/agent/contacts/${id}`, { cookie: agent, body: newContact({ name: 'Joana P. Prado', phone: '+55 11 3333-4444' }) });
    expect(edited.json.contact).toMatchObject({ name: 'Joana P. Prado', phone: '+551133334444' });
    expect((await listAudit(t.store, { before: null, limit: 1 }))[0]).toMatchObject({ event: 'contact_changed', details: { before: { name: 'Joana Prado' }, after: { name: 'Joana P. Prado' } } });
    expect((await t.request('PUT', '/api/agent/contacts/9999', { cookie: agent, body: newContact() })).status).toBe(404);
  });

  it('invites a contact to the portal: they set a password from the e-mailed link and sign in', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const id = (await t.request('POST', '/api/agent/contacts', { cookie: agent, body: newContact() })).json.contact.id;
    expect((await t.request('POST', `/api/agent/contacts/${id}/invitation`, { cookie: agent, body: {} })).status).toBe(202);
    const token = t.mailer.lastLinkTo('joana@padaria.com.br')!.url.split('/convite/')[1]!;
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: 'senha da joana longa' } })).status).toBe(200);
    expect(await t.signIn('joana@padaria.com.br', 'senha da joana longa')).toBeTruthy();
  });

  it('an admin deactivates a contact: sign-in refused, session ended, tickets kept; reactivation restores sign-in', async () => {
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    const before = (await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json;
    const id = (await findAccountByEmail(t.store, DEMO_ACCOUNTS.contact))!.id;
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('POST', `/api/agent/contacts/${id}/deactivate`, { cookie: agent, body: {} })).status).toBe(403);
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    expect((await t.request('POST', `/api/agent/contacts/${id}/deactivate`, { cookie: admin, body: {} })).json.contact.active).toBe(false);
    expect((await t.request('GET', '/api/auth/me', { cookie: carla })).status).toBe(401);
    await expect(t.signIn(DEMO_ACCOUNTS.contact)).rejects.toThrow(/401/);
    expect((await t.request('GET', `/api/agent/contacts/${id}`, { cookie: agent })).json.tickets.length).toBeGreaterThan(0);
    expect((await t.request('POST', `/api/agent/contacts/${id}/reactivate`, { cookie: admin, body: {} })).json.contact.active).toBe(true);
    const again = await t.signIn(DEMO_ACCOUNTS.contact);
    expect((await t.request('GET', '/api/customer/tickets/counts', { cookie: again })).json).toEqual(before);
  });
});
