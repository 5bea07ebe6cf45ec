import { cannedReplyInput, consoleIdParam } from '@atende/contracts';
import { createCannedReply, deleteCannedReply, getCannedReply, listCannedReplies, type CannedReplyRecord } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** requireRole('agent') admits agents only; the role says whether they are an admin. */
const isAdmin = (actor: ReturnType<typeof signedIn>['actor']) => actor.kind === 'agent' && actor.role === 'admin';

const view = (r: CannedReplyRecord, agentId: number) => ({ id: r.id, title: r.title, body: r.body, shared: r.ownerAgentId === null, mine: r.ownerAgentId === agentId });

/**
 * Canned replies: the team's shared ones (kept by admins) and each agent's personal ones. Another
 * agent's personal reply is invisible, so it answers 404 like a missing one.
 */
export function cannedReplyRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/canned-replies', async (c) => {
      const { actor } = signedIn(c);
      return c.json({ items: (await listCannedReplies(c.get('deps').db, actor.id)).map((r) => view(r, actor.id)) }, 200);
    })
    .post('/canned-replies', validate('json', cannedReplyInput), async (c) => {
      const { actor } = signedIn(c);
      const input = c.req.valid('json');
      if (input.shared && !isAdmin(actor)) throw new AppError('forbidden');
      const reply = await createCannedReply(c.get('deps').db, { title: input.title, body: input.body, ownerAgentId: input.shared ? null : actor.id, now: c.get('deps').now() });
      return c.json({ item: view(reply, actor.id) }, 201);
    })
    .post('/canned-replies/:id/delete', validate('param', consoleIdParam), async (c) => {
      const { actor } = signedIn(c);
      const reply = await getCannedReply(c.get('deps').db, c.req.valid('param').id);
      // Deleting is idempotent: one already gone is simply gone (a double click, two tabs).
      if (!reply) return c.json({ deleted: null }, 200);
      if (reply.ownerAgentId !== null && reply.ownerAgentId !== actor.id) throw new AppError('not_found');
      if (reply.ownerAgentId === null && !isAdmin(actor)) throw new AppError('forbidden');
      await deleteCannedReply(c.get('deps').db, reply.id);
      return c.json({ deleted: reply.id }, 200);
    });
}
