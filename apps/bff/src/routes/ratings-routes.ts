import { ratingsQuery } from '@atende/contracts';
import { listActiveAgents, listRatings } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The quality area (seed 000): every rating with its ticket, agent, score and comment, and a summary. */
export function ratingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/', validate('query', ratingsQuery), async (c) => {
      const { agentId, from, to } = c.req.valid('query');
      const result = await listRatings(c.get('deps').db, {
        agentId,
        from: from ? Date.parse(`${from}T00:00:00Z`) : undefined,
        // The period includes its last day.
        to: to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS : undefined,
      });
      return c.json(
        {
          items: result.items.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
          total: result.total,
          average: result.average,
          distribution: result.distribution,
          agents: await listActiveAgents(c.get('deps').db),
        },
        200,
      );
    });
}
