import { DEMO_ACCOUNTS } from '@atende/db';
import { outboxForTicket } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settled } from '../http/after-response.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/** Issue 15: the contact chooses which ticket e-mails they get; security e-mails are always sent. */
let t: EngineTestApp;
let carla: string;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

const ALL_ON = { language: 'pt-BR', notifyUpdates: true, notifyReminders: true, notifyRatingRequests: true };
const save = (body: unknown) => t.request('PUT', '/api/customer/preferences', { cookie: carla, body });

async function agentReplies() {
  const { id } = (await t.request('GET', '/api/customer/tickets?tab=awaiting_return', { cookie: carla })).json.items[0] as { id: number };
  const { version } = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie: carla })).json.ticket;
  const before = (await outboxForTicket(t.store, id)).length;
  const r = await t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie: agent, body: { body: 'Atualização.', visibility: 'public', nextStatus: 'open', expectedVersion: version } });
  expect(r.status).toBe(201);
  return (await outboxForTicket(t.store, id)).length - before;
}

describe('notification preferences', () => {
  it('start with every e-mail on and pt-BR, and are saved', async () => {
    expect((await t.request('GET', '/api/customer/preferences', { cookie: carla })).json.preferences).toEqual(ALL_ON);
    const next = { ...ALL_ON, language: 'en', notifyReminders: false };
    expect((await save(next)).status).toBe(200);
    expect((await t.request('GET', '/api/customer/preferences', { cookie: carla })).json.preferences).toEqual(next);
  });

  it('with updates off, an agent update sends no e-mail; back on, it does', async () => {
    expect((await save({ ...ALL_ON, notifyUpdates: false })).status).toBe(200);
    expect(await agentReplies()).toBe(0);
    expect((await save(ALL_ON)).status).toBe(200);
    expect(await agentReplies()).toBe(1);
  });

  it('a password reset e-mail is sent even with every ticket e-mail off', async () => {
    await save({ ...ALL_ON, notifyUpdates: false, notifyReminders: false, notifyRatingRequests: false });
    const r = await t.request('POST', '/api/account/password-reset', { body: { email: DEMO_ACCOUNTS.contact } });
    expect(r.status).toBeLessThan(300);
    await settled(); // the link is issued after the answer
    expect(t.mailer.lastLinkTo(DEMO_ACCOUNTS.contact)).toBeDefined();
  });

  it('refuses an unknown language or a missing choice, changing nothing', async () => {
    expect((await save({ ...ALL_ON, language: 'fr' })).status).toBe(400);
    expect((await save({ language: 'en' })).status).toBe(400);
    expect((await t.request('GET', '/api/customer/preferences', { cookie: carla })).json.preferences).toEqual(ALL_ON);
  });
});
