import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let agent: string;
let ticketId: number;
beforeEach(async () => {
  t = await createEngineTestApp({ content: 'empty' });
  // Two departments and two agents to move the ticket between; its requester can sign in too.
  const suporte = await t.make.department({ name: 'Suporte técnico' });
  await t.make.department({ name: 'Financeiro' });
  const ana = await t.make.agent({ name: 'Ana Atendente', email: DEMO_ACCOUNTS.agent, departmentIds: [suporte.id] });
  await t.make.agent({ name: 'Bruno Técnico', departmentIds: [suporte.id] });
  const requester = await t.make.contact({ email: DEMO_ACCOUNTS.contact });
  ({ id: ticketId } = await t.make.ticket({ status: 'open', requesterId: requester.id, departmentId: suporte.id, assigneeId: ana.id, message: 'Sinal fraco.' }));
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

/** The agent's view of the ticket, through the typed client. */
async function firstOpen() {
  return (await t.client(agent).agent.tickets[':id'].$get({ param: { id: String(ticketId) } })).json();
}

describe('ticket fields: priority, department, assignee', () => {
  it('each change writes an event with who, field, old → new', async () => {
    const view = await firstOpen();
    const options: any = await t.request('GET', '/api/agent/options', { cookie: agent });
    const other = options.json.departments.find((d: { id: number }) => d.id !== view.ticket.departmentId);
    const bruno = options.json.agents.find((a: { name: string }) => a.name === 'Bruno Técnico');
    const r = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/fields`, {
      cookie: agent,
      body: { priority: 'urgente', departmentId: other.id, assigneeId: bruno.id, expectedVersion: view.ticket.version },
    });
    expect(r.status).toBe(200);
    const after = (await t.request('GET', `/api/agent/tickets/${view.ticket.id}`, { cookie: agent })).json;
    expect(after.ticket).toMatchObject({ priority: 'urgente', departmentName: other.name, assigneeName: 'Bruno Técnico' });
    const events = after.history.filter((e: any) => e.createdAt === new Date(t.clock.now).toISOString());
    expect(events).toContainEqual(expect.objectContaining({ type: 'field_changed', actorKind: 'agent', data: { field: 'priority', from: view.ticket.priority, to: 'urgente' } }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'field_changed', actorKind: 'agent', data: { field: 'departmentId', from: view.ticket.departmentId, to: other.id } }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'assignee_changed', actorKind: 'agent', data: { from: view.ticket.assigneeId, to: bruno.id } }));
  });

  it('a concurrent edit is a conflict and the newer state wins', async () => {
    const view = await firstOpen();
    const [a, b] = ['baixa', 'media', 'alta', 'urgente'].filter((p) => p !== view.ticket.priority);
    const first = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/fields`, { cookie: agent, body: { priority: a, expectedVersion: view.ticket.version } });
    expect(first.status).toBe(200);
    const second = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/fields`, { cookie: agent, body: { priority: b, expectedVersion: view.ticket.version } });
    expect(second.status).toBe(409);
    expect(second.json.code).toBe('conflict');
    expect((await t.request('GET', `/api/agent/tickets/${view.ticket.id}`, { cookie: agent })).json.ticket.priority).toBe(a);
  });

  it('refuses unknown departments and assignees, and an empty change', async () => {
    const view = await firstOpen();
    expect((await t.request('POST', `/api/agent/tickets/${view.ticket.id}/fields`, { cookie: agent, body: { departmentId: 999, expectedVersion: view.ticket.version } })).status).toBe(400);
    expect((await t.request('POST', `/api/agent/tickets/${view.ticket.id}/fields`, { cookie: agent, body: { assigneeId: 999, expectedVersion: view.ticket.version } })).status).toBe(400);
    expect((await t.request('POST', `/api/agent/tickets/${view.ticket.id}/fields`, { cookie: agent, body: { expectedVersion: view.ticket.version } })).status).toBe(400);
  });

  it('customers cannot edit fields', async () => {
    const view = await firstOpen();
    const customer = await t.signIn(DEMO_ACCOUNTS.contact);
    const r = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/fields`, { cookie: customer, body: { priority: 'urgente', expectedVersion: view.ticket.version } });
    expect(r.status).toBe(403);
  });
});
