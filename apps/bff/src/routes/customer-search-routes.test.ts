import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let carla: string;
let otavio: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  otavio = await t.signIn(DEMO_ACCOUNTS.otherContact);
});
afterEach(() => t.dispose());

const search = (cookie: string, q: string) => t.request('GET', `/api/customer/search?q=${encodeURIComponent(q)}`, { cookie });

describe('GET /api/customer/search', () => {
  it('finds the customer’s own ticket by subject without accents, and by number', async () => {
    const r = await search(carla, 'recepcao');
    expect(r.status).toBe(200);
    expect(r.json.items.map((i: { subject: string }) => i.subject)).toEqual(['Catraca travada aberta na recepção']);
    const { id } = r.json.items[0];
    expect((await search(carla, `#${id}`)).json.items.map((i: { id: number }) => i.id)).toContain(id);
  });

  it('never shows another customer’s ticket', async () => {
    const { id } = (await search(carla, 'recepcao')).json.items[0];
    expect((await search(otavio, 'recepcao')).json.items).toEqual([]);
    expect((await search(otavio, `#${id}`)).json.items).toEqual([]);
  });

  it('an empty search is refused with a clear message', async () => {
    const r = await search(carla, '   ');
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('validation_failed');
    expect(r.json.fields.q).toBe('Digite o que procurar.');
  });
});
