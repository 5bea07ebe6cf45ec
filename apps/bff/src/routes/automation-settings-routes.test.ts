import type { AutomationSettingsInput } from '@atende/contracts';
import { DEMO_ACCOUNTS } from '@atende/db';
import { getAutomationSettings } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let admin: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  admin = await t.signIn(DEMO_ACCOUNTS.admin);
});
afterEach(() => t.dispose());

const base: Omit<AutomationSettingsInput, 'inactivity'> = {
  approvalTimeout: { afterDays: 7, outcome: 'reopen' },
  sameDayRouting: { enabled: true, specialWindows: [{ start: '08:00', end: '09:15' }] },
};

describe('automation policy (admin setting)', () => {
  it('defaults to Triplos; an admin picks Movidesk or custom days', async () => {
    const settings = t.client(admin).admin['automation-settings'];
    const current = await (await settings.$get()).json();
    expect(current.inactivity).toEqual({ preset: 'triplos', reminderDays: [5, 7], closeAfterDays: 10 });
    const movidesk = await settings.$put({ json: { ...base, inactivity: { preset: 'movidesk' } } });
    expect(movidesk.status).toBe(200);
    expect((await getAutomationSettings(t.store)).inactivity).toEqual({ preset: 'movidesk', reminderDays: [], closeAfterDays: 3 });
    const custom = await (await settings.$put({ json: { ...base, inactivity: { preset: 'custom', reminderDays: [2, 4], closeAfterDays: 6 } } })).json();
    expect(custom.inactivity).toEqual({ preset: 'custom', reminderDays: [2, 4], closeAfterDays: 6 });
    expect((await getAutomationSettings(t.store)).approvalTimeout).toEqual({ afterDays: 7, outcome: 'reopen' });
  });

  it('refuses reminders after the closing day, bad clocks, and non-admins', async () => {
    expect((await t.request('PUT', '/api/admin/automation-settings', { cookie: admin, body: { ...base, inactivity: { preset: 'custom', reminderDays: [8], closeAfterDays: 6 } } })).status).toBe(400);
    expect((await t.request('PUT', '/api/admin/automation-settings', { cookie: admin, body: { ...base, inactivity: { preset: 'triplos' }, sameDayRouting: { enabled: true, specialWindows: [{ start: '8h', end: '09:15' }] } } })).status).toBe(400);
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('PUT', '/api/admin/automation-settings', { cookie: agent, body: { ...base, inactivity: { preset: 'triplos' } } })).status).toBe(403);
    expect((await getAutomationSettings(t.store)).inactivity.preset).toBe('triplos');
  });
});
