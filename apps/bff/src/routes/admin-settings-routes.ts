import { portalSettingsInput } from '@atende/contracts';
import { getPortalSettings, savePortalSettings } from '@atende/db';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** Minimal admin settings: the portal's reopen and rating windows (the full settings UI is issue 4). */
export function adminSettingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .put('/settings/portal', validate('json', portalSettingsInput), (c) => {
      const { db } = c.var.deps;
      const next = { ...getPortalSettings(db), ...c.req.valid('json') };
      savePortalSettings(db, next);
      return c.json({ portal: next }, 200);
    });
}
