import { signInSettingsInput } from '@atende/contracts';
import { getSignInSettings, saveSignInSettings } from '@atende/db/store';
import { Hono } from 'hono';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** Who may sign in by e-mail link (issue 15), in Configurações: contacts (on by default) and agents (off by default). */
export function signInSettingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json(await getSignInSettings(c.var.deps.db), 200))
    .put('/', validate('json', signInSettingsInput), async (c) => {
      const { db } = c.var.deps;
      const before = await getSignInSettings(db);
      const after = c.req.valid('json');
      await saveSignInSettings(db, after);
      await audit(c, 'settings_changed', { details: { group: 'sign_in', before, after } });
      return c.json(after, 200);
    });
}
