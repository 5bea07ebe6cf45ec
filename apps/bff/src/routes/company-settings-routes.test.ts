import { DEMO_ACCOUNTS } from '@atende/db';
import { getCompanySettings, listAudit } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const CLOCK = { timeZone: 'America/Manaus', businessDays: [1, 2, 3, 4, 5, 6], businessHoursStart: '07:30', businessHoursEnd: '17:00', holidays: ['2026-12-25', '2026-11-20'] };

describe('company clock settings', () => {
  it('saves time zone, business hours and holidays (sorted), with one audit entry holding before and after', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const saved = await t.request('PUT', '/api/admin/company-settings', { cookie: admin, body: CLOCK });
    expect(saved.status).toBe(200);
    expect(await getCompanySettings(t.store)).toEqual({ ...CLOCK, holidays: ['2026-11-20', '2026-12-25'] });
    const entries = (await listAudit(t.store, { before: null, limit: 5 })).filter((e) => e.event === 'settings_changed');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorKind: 'agent', details: { group: 'company', before: { timeZone: 'America/Sao_Paulo', holidays: [] }, after: { timeZone: 'America/Manaus' } } });
  });

  it('refuses an unknown time zone, opening after closing and an impossible date, changing nothing', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const put = (body: object) => t.request('PUT', '/api/admin/company-settings', { cookie: admin, body: { ...CLOCK, ...body } });
    expect((await put({ timeZone: 'Marte/Olympus' })).json.fields.timeZone).toBe('Fuso horário desconhecido.');
    expect((await put({ businessHoursStart: '18:00', businessHoursEnd: '08:00' })).json.fields.businessHoursEnd).toBe('A abertura deve ser antes do fechamento.');
    expect((await put({ holidays: ['2026-02-30'] })).status).toBe(400);
    expect((await getCompanySettings(t.store)).timeZone).toBe('America/Sao_Paulo');
  });

  it('offers the year’s Brazilian national holidays; agents may not change the clock', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const offer = await t.request('GET', '/api/admin/company-settings/national-holidays?year=2026', { cookie: admin });
    expect(offer.json.holidays).toContainEqual({ date: '2026-04-03', name: 'Sexta-feira Santa', optional: false });
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('PUT', '/api/admin/company-settings', { cookie: agent, body: CLOCK })).status).toBe(403);
  });
});

describe('automation policy', () => {
  it('a special window must start before it ends; a change is audited with before and after', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const body = (specialWindows: object[]) => ({ inactivity: { preset: 'movidesk' }, approvalTimeout: { afterDays: 5, outcome: 'close' }, sameDayRouting: { enabled: true, specialWindows } });
    const refused = await t.request('PUT', '/api/admin/automation-settings', { cookie: admin, body: body([{ start: '13:00', end: '12:00' }]) });
    expect(refused.status).toBe(400);
    expect(refused.json.fields['sameDayRouting.specialWindows.0.end']).toBe('O início deve ser antes do fim.');
    expect((await t.request('PUT', '/api/admin/automation-settings', { cookie: admin, body: body([{ start: '12:00', end: '13:00' }]) })).status).toBe(200);
    const entry = (await listAudit(t.store, { before: null, limit: 1 }))[0]!;
    expect(entry).toMatchObject({ event: 'settings_changed', details: { group: 'automation', before: { inactivity: { closeAfterDays: 10 } }, after: { inactivity: { closeAfterDays: 3 }, approvalTimeout: { afterDays: 5 } } } });
  });
});

describe('an agent’s own API tokens', () => {
  it('lists, creates and revokes; someone else’s or a missing token is 404, not revoked: true', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const other = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    const created = (await t.request('POST', '/api/agent/api-tokens', { cookie: agent, body: { name: 'Chat do site' } })).json;
    const list = (await t.request('GET', '/api/agent/api-tokens', { cookie: agent })).json.tokens;
    expect(list).toEqual([{ id: created.id, name: 'Chat do site', createdAt: expect.any(String), revokedAt: null }]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect((await t.request('GET', '/api/agent/api-tokens', { cookie: other })).json.tokens).toEqual([]);

    expect((await t.request('POST', `/api/agent/api-tokens/${created.id}/revoke`, { cookie: other, body: {} })).status).toBe(404);
    expect((await t.request('POST', '/api/agent/api-tokens/99999/revoke', { cookie: agent, body: {} })).status).toBe(404);
    expect((await t.request('POST', `/api/agent/api-tokens/${created.id}/revoke`, { cookie: agent, body: {} })).json).toEqual({ revoked: true });
    expect((await t.request('GET', '/api/agent/api-tokens', { cookie: agent })).json.tokens[0].revokedAt).not.toBeNull();
  });
});
