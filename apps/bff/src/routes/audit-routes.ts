import { auditLogQuery } from '@atende/contracts';
import { listAudit } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

const PAGE_SIZE = 50;

/** The audit log, newest first, for admins only. */
export function auditRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/audit-log', validate('query', auditLogQuery), async (c) => {
      const { before } = c.req.valid('query');
      const rows = await listAudit(c.get('deps').db, { before: before ? { at: before[0], id: before[1] } : null, limit: PAGE_SIZE });
      const last = rows.at(-1);
      return c.json(
        {
          items: rows.map((r) => ({ id: r.id, at: r.at, event: r.event, actorKind: r.actorKind, actorId: r.actorId, email: r.email, address: r.address, details: r.details })),
          nextBefore: rows.length === PAGE_SIZE && last ? `${last.at}.${last.id}` : null,
        },
        200,
      );
    });
}
