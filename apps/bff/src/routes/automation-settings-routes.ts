import { automationSettingsInput } from '@atende/contracts';
import { inactivityPolicyFor } from '@atende/domain';
import { getAutomationSettings, saveAutomationSettings, serialize, transaction } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/app-error.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** The automation policy, an admin setting: presets "Triplos" (default) and "Movidesk", or custom days. */
export function automationSettingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json(await getAutomationSettings(c.get('deps').db), 200))
    .put('/', validate('json', automationSettingsInput), async (c) => {
      const input = c.req.valid('json');
      const inactivity = inactivityPolicyFor(input.inactivity.preset, input.inactivity.preset === 'custom' ? input.inactivity : undefined);
      // Custom days must ascend and fall before the closing day (the domain's rule).
      if (!inactivity) throw new AppError('validation_failed');
      const value = { inactivity, approvalTimeout: input.approvalTimeout, sameDayRouting: input.sameDayRouting };
      // Read and written in one step, so the audit entry's "before" is what this save replaced.
      const before = await transaction(c.get('deps').db, async (tx) => {
        await serialize(tx, 'settings:automation');
        const before = await getAutomationSettings(tx);
        await saveAutomationSettings(tx, value);
        return before;
      });
      await audit(c, 'settings_changed', { details: { group: 'automation', before, after: value } });
      return c.json(value, 200);
    });
}
