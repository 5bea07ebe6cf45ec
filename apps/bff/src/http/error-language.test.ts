import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/** Issue 15: the server's messages follow the request's language (codes and fields stay the same). */
let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

describe('error messages in the request’s language', () => {
  it('an empty reply is refused in English when the SPA is in English, in pt-BR otherwise', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const { id } = (await t.request('GET', '/api/customer/tickets?tab=awaiting_return', { cookie })).json.items[0];
    const send = (language?: string) =>
      t.request('POST', `/api/customer/tickets/${id}/replies`, { cookie, body: { body: '', expectedVersion: 1 }, ...(language ? { headers: { 'accept-language': language } } : {}) });
    const english = await send('en');
    expect(english.status).toBe(400);
    expect(english.json).toMatchObject({ code: 'validation_failed', message: 'Some fields are not right. Check them and try again.', fields: { body: 'Write your message.' } });
    const portuguese = await send('pt-BR');
    expect(portuguese.json).toMatchObject({ code: 'validation_failed', fields: { body: 'Escreva sua mensagem.' } });
    expect((await send()).json.fields.body).toBe('Escreva sua mensagem.');
  });

  it('a refusal without fields is in English too', async () => {
    const r = await t.request('GET', '/api/customer/tickets/counts', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ code: 'unauthenticated', message: 'Your session ended. Please sign in again.' });
  });
});
