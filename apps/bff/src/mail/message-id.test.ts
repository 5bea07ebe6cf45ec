import { DEMO_ACCOUNTS } from '@atende/db';
import { outboxForTicket } from '@atende/db/store';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp({ env: { MAIL_REPLY_DOMAIN: 'suporte.example.com.br' } });
});
afterEach(() => t.dispose());

it("a ticket e-mail's Message-ID and Reply-To are on MAIL_REPLY_DOMAIN, not a built-in domain", async () => {
  const agent = await t.signIn(DEMO_ACCOUNTS.agent);
  const id: number = (await t.request('GET', '/api/agent/tickets', { cookie: agent })).json.items.find((i: { status: string }) => i.status === 'open').id;
  const { version } = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json.ticket;
  const reply = await t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie: agent, body: { body: 'Resolvido, pode testar?', visibility: 'public', nextStatus: 'resolved', expectedVersion: version } });
  expect(reply.status).toBe(201);
  const [mail] = await outboxForTicket(t.store, id);
  expect(mail).toMatchObject({ kind: 'resolved' });
  expect(mail!.messageId).toMatch(/^<[0-9a-f]{32}@suporte\.example\.com\.br>$/);
  expect(mail!.replyTo).toMatch(/@suporte\.example\.com\.br$/);
});
