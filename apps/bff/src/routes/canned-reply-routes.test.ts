import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

describe('canned replies', () => {
  it('an agent keeps personal replies the others never see; an admin shares replies with the team', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const mine = await t.request('POST', '/api/agent/canned-replies', { cookie: ana, body: { title: 'Saudação', body: 'Olá, {{contato.nome}}!', shared: false } });
    expect(mine.status).toBe(201);
    expect((await t.request('POST', '/api/agent/canned-replies', { cookie: ana, body: { title: 'Para todos', body: 'x', shared: true } })).status).toBe(403);
    expect((await t.request('POST', '/api/agent/canned-replies', { cookie: admin, body: { title: 'Reinício do roteador', body: 'Desligue por 30 segundos.', shared: true } })).status).toBe(201);

    const anaList = (await t.request('GET', '/api/agent/canned-replies', { cookie: ana })).json.items;
    expect(anaList.map((r: { title: string; shared: boolean; mine: boolean }) => [r.title, r.shared, r.mine])).toEqual([
      ['Reinício do roteador', true, false],
      ['Saudação', false, true],
    ]);
    const brunoList = (await t.request('GET', '/api/agent/canned-replies', { cookie: bruno })).json.items;
    expect(brunoList.map((r: { title: string }) => r.title)).toEqual(['Reinício do roteador']);
    // Someone else's personal reply is unknown to Bruno; a shared one is the admins' to delete.
    expect((await t.request('POST', `/api/agent/canned-replies/${mine.json.item.id}/delete`, { cookie: bruno, body: {} })).status).toBe(404);
    expect((await t.request('POST', `/api/agent/canned-replies/${anaList[0].id}/delete`, { cookie: bruno, body: {} })).status).toBe(403);
    expect((await t.request('POST', `/api/agent/canned-replies/${mine.json.item.id}/delete`, { cookie: ana, body: {} })).status).toBe(200);
  });

  it('refuses an empty title with a clear message and stores nothing', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const r = await t.request('POST', '/api/agent/canned-replies', { cookie: ana, body: { title: '  ', body: 'x', shared: false } });
    expect(r.status).toBe(400);
    expect(r.json.fields.title).toBe('Dê um título à resposta.');
    expect((await t.request('GET', '/api/agent/canned-replies', { cookie: ana })).json.items).toEqual([]);
  });
});
