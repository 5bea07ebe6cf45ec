import { slaSettingsInput } from '@atende/contracts';
import { getSlaSettings, saveSlaSettings } from '@atende/db/store';
import { Hono } from 'hono';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** Response targets (SLA) by priority, in business hours: an admin setting with Freshdesk-like defaults. */
export function slaSettingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json(await getSlaSettings(c.var.deps.db), 200))
    .put('/', validate('json', slaSettingsInput), async (c) => {
      const value = c.req.valid('json');
      const before = await getSlaSettings(c.var.deps.db);
      await saveSlaSettings(c.var.deps.db, value);
      // Like every settings group: before and after, so Auditoria shows what changed.
      await audit(c, 'settings_changed', { details: { group: 'sla', before, after: value } });
      return c.json(await getSlaSettings(c.var.deps.db), 200);
    });
}
