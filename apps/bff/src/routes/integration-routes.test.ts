import { DEMO_ACCOUNTS } from '@atende/db';
import { getTicket, ticketThread } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import type { OPENAPI_DOCUMENT } from './openapi.js';

let t: EngineTestApp;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

async function newToken(): Promise<{ id: number; token: string }> {
  const res = await t.request('POST', '/api/agent/api-tokens', { cookie: agent, body: { name: 'Chat da recepção' } });
  expect(res.status).toBe(201);
  return res.json;
}
async function supportId() {
  const res = await t.request('GET', '/api/agent/options', { cookie: agent });
  return (res.json.departments as { id: number; name: string }[]).find((d) => d.name === 'Suporte técnico')!.id;
}
let seq = 0;
const newConversation = async () => ({
  contactEmail: DEMO_ACCOUNTS.contact,
  conversation: { mode: 'new', subject: 'Catraca não destrava', departmentId: await supportId(), priority: 'urgente', transcript: 'Cliente: a catraca não destrava.', summary: 'Reiniciado o controlador.', idempotencyKey: `integration-key-${String(++seq).padStart(6, '0')}` },
});
// No cookie and no Origin: a chat tool is not a browser.
const call = (body: unknown, authorization?: string) =>
  t.app.request('/integrations/conversations', { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });

describe('agent API token', () => {
  it('is shown once and stored only as its SHA-256', async () => {
    const { token } = await newToken();
    const rows = await t.rows<{ tokenHash: string }>('select *, token_hash as "tokenHash" from agent_api_tokens');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses a missing, invalid or revoked token with 401', async () => {
    const body = await newConversation();
    expect((await call(body)).status).toBe(401);
    expect((await call(body, 'Bearer atd_not-a-real-token')).status).toBe(401);
    const { id, token } = await newToken();
    expect((await t.request('POST', `/api/agent/api-tokens/${id}/revoke`, { cookie: agent, body: {} })).status).toBe(200);
    expect((await call(body, `Bearer ${token}`)).status).toBe(401);
  });

  it('with a valid token logs a conversation as a new agent ticket (201) and appends-and-resolves (200)', async () => {
    const { token } = await newToken();
    const created = await call(await newConversation(), `Bearer ${token}`);
    expect(created.status).toBe(201);
    const { ticket } = (await created.json()) as { ticket: { id: number; origin: string } };
    expect(ticket.origin).toBe('agent');
    const appended = await call(
      { contactEmail: DEMO_ACCOUNTS.contact, conversation: { mode: 'append', ticketId: ticket.id, transcript: 'Cliente: funcionou.', summary: 'Encerrado.', resolve: true } },
      `Bearer ${token}`,
    );
    expect(appended.status).toBe(200);
    expect((await getTicket(t.store, ticket.id))!.status).toBe('resolved');
    expect((await ticketThread(t.store, ticket.id, 'customer')).map((m) => m.body)).toEqual(['Cliente: a catraca não destrava.', 'Cliente: funcionou.']);
  });

  it('answers 404 for an unknown contact', async () => {
    const { token } = await newToken();
    expect((await call({ ...(await newConversation()), contactEmail: 'ninguem@example.com' }, `Bearer ${token}`)).status).toBe(404);
  });
});

describe('OpenAPI description', () => {
  it('is served and every documented path and method exists', async () => {
    const served = await t.app.request('/openapi.json');
    expect(served.status).toBe(200);
    const doc = (await served.json()) as typeof OPENAPI_DOCUMENT;
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        const res = await t.app.request(path, { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: method === 'get' ? undefined : '{}' });
        expect([404, 405], `${method} ${path}`).not.toContain(res.status);
        expect(res.headers.get('content-type'), `${method} ${path}`).toContain('application/json');
      }
    }
  });
});
