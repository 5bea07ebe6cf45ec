import { agentPreferencesInput } from '@atende/contracts';
import { getAgentLanguage, saveAgentLanguage } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/**
 * The signed-in agent's (or admin's) own preferences (issue 15): the language the console opens in and
 * every e-mail to them is written in. Only the agent themself: the id comes from the session, never the path.
 */
export function agentPreferencesRoutes() {
  return new Hono<AppEnv>()
    .get('/preferences', requireRole('agent'), async (c) => c.json({ preferences: { language: await getAgentLanguage(c.get('deps').db, signedIn(c).actor.id) } }, 200))
    .put('/preferences', requireRole('agent'), validate('json', agentPreferencesInput), async (c) => {
      const { language } = c.req.valid('json');
      await saveAgentLanguage(c.get('deps').db, signedIn(c).actor.id, language);
      return c.json({ preferences: { language } }, 200);
    });
}
