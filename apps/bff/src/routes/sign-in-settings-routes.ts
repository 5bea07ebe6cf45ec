import { signInSettingsInput } from '@atende/contracts';
import { getSignInSettings, saveSignInSettings, serialize, transaction } from '@atende/db/store';
import { Hono } from 'hono';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** Who may sign in by e-mail link (issue 15), in Configurações: contacts (on by default) and agents (off by default). */
export function signInSettingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json(await getSignInSettings(c.get('deps').db), 200))
    .put('/', validate('json', signInSettingsInput), async (c) => {
      const { db } = c.get('deps');
      const after = c.req.valid('json');
      // Read and written in one step, so the audit entry's "before" is what this save replaced.
      const before = await transaction(db, async (tx) => {
        await serialize(tx, 'settings:sign_in');
        const before = await getSignInSettings(tx);
        await saveSignInSettings(tx, after);
        return before;
      });
      await audit(c, 'settings_changed', { details: { group: 'sign_in', before, after } });
      return c.json(after, 200);
    });
}
