import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

type Item = { id: number; subject: string; status: string };

async function search(q: string, extra = ''): Promise<Item[]> {
  const res: any = await t.request('GET', `/api/agent/tickets?q=${encodeURIComponent(q)}${extra}`, { cookie: agent });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.items;
}

async function idOf(subject: string): Promise<number> {
  const all = await search(subject);
  const found = all.find((i) => i.subject === subject);
  expect(found, subject).toBeDefined();
  return found!.id;
}

async function postMessage(id: number, body: string, visibility: 'public' | 'internal') {
  const view: any = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
  const res = await t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie: agent, body: { body, visibility, expectedVersion: view.ticket.version, ...(visibility === 'public' ? { nextStatus: 'open' } : {}) } });
  expect(res.status).toBe(201);
}

describe('agent text search (q)', () => {
  it('finds a ticket by a word of its subject, by prefix, ignoring accents', async () => {
    expect((await search('titularidade')).map((i) => i.subject)).toEqual(['Troca de titularidade']);
    expect((await search('titular')).map((i) => i.subject)).toEqual(['Troca de titularidade']);
    expect((await search('conexao')).map((i) => i.subject)).toContain('Sem conexão desde ontem');
    expect((await search('CONEXÃO')).map((i) => i.subject)).toContain('Sem conexão desde ontem');
  });

  it('finds a ticket by the text of a public message and of an internal note', async () => {
    const id = await idOf('Sinal fraco no andar de cima');
    await postMessage(id, 'Trocamos o repetidor zebrafino na sala.', 'public');
    expect((await search('zebrafino')).map((i) => i.id)).toEqual([id]);
    const other = await idOf('Porta 8080 bloqueada');
    await postMessage(other, 'Nota: falar com o técnico Anástacio amanhã.', 'internal');
    expect((await search('anastacio')).map((i) => i.id)).toEqual([other]);
  });

  it('finds a ticket by its number, with or without #', async () => {
    const id = await idOf('Troca de titularidade');
    expect((await search(String(id))).map((i) => i.id)).toContain(id);
    expect((await search(`#${id}`)).map((i) => i.id)).toContain(id);
  });

  it('all words must match; the queue and the filters still apply', async () => {
    expect((await search('troca titularidade')).map((i) => i.subject)).toEqual(['Troca de titularidade']);
    expect((await search('troca inexistentepalavra'))).toEqual([]);
    const wifi = await search('wi-fi');
    expect(wifi.map((i) => i.subject).sort()).toEqual(['Lentidão no Wi-Fi do escritório', 'Senha do Wi-Fi esquecida']);
    expect((await search('wi-fi', '&status=closed')).map((i) => i.subject)).toEqual(['Senha do Wi-Fi esquecida']);
    expect((await search('titularidade', '&queue=today')).map((i) => i.subject)).toEqual(['Troca de titularidade']);
    expect(await search('wi-fi', '&queue=today')).toEqual([]);
  });

  it('FTS syntax typed by the agent is only text: no 500, no injection', async () => {
    for (const q of ['"', '*', 'OR', 'AND NOT', 'troca"', 'NEAR(troca titularidade)', '" OR 1=1 --', "'; drop table tickets; --", '^', '(', '-', '   ']) {
      await search(q);
    }
    expect((await search('"titularidade*')).map((i) => i.subject)).toEqual(['Troca de titularidade']);
  });

  it('refuses a search longer than the limit; customers cannot search', async () => {
    const long = await t.request('GET', `/api/agent/tickets?q=${'a'.repeat(201)}`, { cookie: agent });
    expect(long.status).toBe(400);
    const contact = await t.signIn(DEMO_ACCOUNTS.contact);
    const res = await t.request('GET', '/api/agent/tickets?q=nota', { cookie: contact });
    expect(res.status).toBe(403);
  });
});
