import { DEMO_ACCOUNTS } from '@atende/db';
import { getOrCreateSecret, getTicket, ticketHistory, ticketRatings } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRatingToken } from '../ratings/rating-token.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let carla: string;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

const DAY = 24 * 60 * 60 * 1000;

/** The link an agent sees on an unrated ticket of Carla's, as a token. */
async function linkOfUnrated() {
  const id = (await t.request('GET', '/api/customer/tickets?tab=unrated', { cookie: carla })).json.items[0].id as number;
  const view = await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent });
  const link = view.json.ratingLink as string;
  expect(link).toMatch(/^http:\/\/localhost:3000\/avaliar\//);
  return { id, token: link.split('/avaliar/')[1]! };
}

const snapshot = async (id: number) => ({
  ratings: await ticketRatings(t.store, id),
  ticket: await getTicket(t.store, id),
  events: (await ticketHistory(t.store, id)).length,
});

describe('rating link (ASVS: single-ticket, expiring, signed; GET never writes)', () => {
  it('GET shows the ticket and changes nothing; the POST records the rating, then the comment once', async () => {
    const { id, token } = await linkOfUnrated();
    const before = await snapshot(id);
    const page = await t.request('GET', `/api/public/ratings/${token}`);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ ticket: { id }, state: 'due', rating: null });
    expect(await snapshot(id)).toEqual(before);

    const rate = await t.request('POST', `/api/public/ratings/${token}`, { body: { score: 5 } });
    expect(rate.status).toBe(201);
    expect((await t.request('GET', `/api/public/ratings/${token}`)).json).toMatchObject({ state: 'rated', rating: { score: 5, hasComment: false } });
    expect((await ticketHistory(t.store, id)).at(-1)).toMatchObject({ type: 'rated', actorKind: 'contact', data: { score: 5 } });

    const comment = await t.request('POST', `/api/public/ratings/${token}/comment`, { body: { comment: 'Muito bom.' } });
    expect(comment.status).toBe(200);
    const again = await t.request('POST', `/api/public/ratings/${token}/comment`, { body: { comment: 'Trocando.' } });
    expect(again.status).toBe(409);
    const view = await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent });
    expect(view.json.ratings).toEqual([expect.objectContaining({ score: 5, comment: 'Muito bom.' })]);
    expect(view.json.ratingLink).toBeNull();
  });

  it('a used link cannot rate again', async () => {
    const { token } = await linkOfUnrated();
    expect((await t.request('POST', `/api/public/ratings/${token}`, { body: { score: 2 } })).status).toBe(201);
    const second = await t.request('POST', `/api/public/ratings/${token}`, { body: { score: 5 } });
    expect(second.status).toBe(409);
    expect(second.json.code).toBe('rating_not_due');
  });

  it('a tampered link is refused with a clear code and changes nothing', async () => {
    const { id, token } = await linkOfUnrated();
    const before = await snapshot(id);
    const [ticketId, closing, expires, sig] = token.split('.');
    const other = (await t.request('GET', '/api/customer/tickets?tab=unrated', { cookie: carla })).json.items[1].id;
    const forged = [
      `${other}.${closing}.${expires}.${sig}`,
      `${ticketId}.${Number(closing) + 1}.${expires}.${sig}`,
      `${ticketId}.${closing}.${Number(expires) + DAY}.${sig}`,
      `${ticketId}.${closing}.${expires}.${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`,
      'nada',
      createRatingToken('not-the-secret', { ticketId: id, closing: 1, expiresAt: Number(expires) }),
    ];
    for (const bad of forged) {
      for (const [method, path, body] of [['GET', '', undefined], ['POST', '', { score: 5 }], ['POST', '/comment', { comment: 'x' }]] as const) {
        const r = await t.request(method, `/api/public/ratings/${encodeURIComponent(bad)}${path}`, body ? { body } : {});
        expect(r.status, `${bad} ${method}${path}`).toBe(404);
        expect(r.json).toMatchObject({ code: 'rating_link_invalid', message: expect.stringContaining('não é válido') });
        expect(r.text).not.toMatch(/at .*\.ts|stack/i);
      }
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('an expired link is refused as expired', async () => {
    const { id, token } = await linkOfUnrated();
    t.clock.now += 31 * DAY;
    for (const r of [await t.request('GET', `/api/public/ratings/${token}`), await t.request('POST', `/api/public/ratings/${token}`, { body: { score: 4 } })]) {
      expect(r.status).toBe(410);
      expect(r.json.code).toBe('rating_link_expired');
    }
    expect((await snapshot(id)).ratings).toEqual([]);
  });

  it('the link of an earlier closing cannot rate a later one', async () => {
    const { id, token } = await linkOfUnrated();
    const secret = await getOrCreateSecret(t.store, 'rating_link');
    const { ticket } = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie: carla })).json;
    const reopened = await t.request('POST', `/api/customer/tickets/${id}/replies`, { cookie: carla, body: { body: 'Voltou.', expectedVersion: ticket.version } });
    await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'closed', expectedVersion: reopened.json.ticket.version } });
    const old = await t.request('POST', `/api/public/ratings/${token}`, { body: { score: 1 } });
    expect(old.status).toBe(409);
    expect((await t.request('GET', `/api/public/ratings/${token}`)).json.state).toBe('not_due');
    const fresh = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json.ratingLink as string;
    expect(fresh).not.toContain(token);
    expect(fresh).toContain(createRatingToken(secret, { ticketId: id, closing: 2, expiresAt: Number(fresh.split('.')[2]) }));
  });

  it('the rating POST must be same-origin JSON', async () => {
    const { token } = await linkOfUnrated();
    const form = await t.request('POST', `/api/public/ratings/${token}`, { body: 'score=5', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([403, 415]).toContain(form.status);
    const crossSite = await t.request('POST', `/api/public/ratings/${token}`, { body: { score: 5 }, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
  });
});

describe('rating link throttling', () => {
  it('a client guessing links is slowed down with a clear 429 and the wait', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await t.request('GET', `/api/public/ratings/${i}.1.9999999999999.${'A'.repeat(43)}`)).status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    const blocked = await t.request('GET', `/api/public/ratings/1.1.9999999999999.${'A'.repeat(43)}`);
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('too_many_attempts');
    t.clock.now += 61_000;
    expect((await t.request('GET', `/api/public/ratings/1.1.9999999999999.${'A'.repeat(43)}`)).status).toBe(404);
  });
});
