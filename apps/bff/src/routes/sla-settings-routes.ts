import { slaSettingsInput } from '@atende/contracts';
import { getSlaSettings, saveSlaSettings, serialize, transaction } from '@atende/db/store';
import { Hono } from 'hono';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** Response targets (SLA) by priority, in business hours: an admin setting with Freshdesk-like defaults. */
export function slaSettingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json(await getSlaSettings(c.get('deps').db), 200))
    .put('/', validate('json', slaSettingsInput), async (c) => {
      const value = c.req.valid('json');
      // Read, written and read back in one step: the audit entry's "before" is what this save replaced,
      // and the answer is what it stored, not another admin's save that landed just after.
      const { before, after } = await transaction(c.get('deps').db, async (tx) => {
        await serialize(tx, 'settings:sla');
        const before = await getSlaSettings(tx);
        await saveSlaSettings(tx, value);
        return { before, after: await getSlaSettings(tx) };
      });
      // Like every settings group: before and after, so Auditoria shows what changed.
      await audit(c, 'settings_changed', { details: { group: 'sla', before, after: value } });
      return c.json(after, 200);
    });
}
