import { presenceInput, ticketIdParam } from '@atende/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { loadTicketFor } from '../tickets/load-ticket.js';

/**
 * Presence on a ticket's page, agents only: "Bruno está vendo" / "Bruno está respondendo".
 * POST is the page's heartbeat (`viewing`, `typing`, `left`), GET reads who else is there. A change
 * others would see is announced as a `presence_changed` live event addressed to agents only (contactId
 * null), so it can never reach a customer's stream; like every live event it carries the ticket number
 * only, and the pages read the names here.
 */
export function presenceRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/tickets/:id/presence', validate('param', ticketIdParam), async (c) => {
      const { deps } = c.var;
      const session = signedIn(c);
      const ticket = await loadTicketFor(deps.db, session, c.req.valid('param').id);
      return c.json({ agents: deps.presence!.list(ticket.id, deps.now(), session.actor.id) }, 200);
    })
    .post('/tickets/:id/presence', validate('param', ticketIdParam), validate('json', presenceInput), async (c) => {
      const { deps } = c.var;
      const session = signedIn(c);
      const ticket = await loadTicketFor(deps.db, session, c.req.valid('param').id);
      const now = deps.now();
      const changed = deps.presence!.announce(ticket.id, { id: session.actor.id, name: session.name }, c.req.valid('json').state, now);
      if (changed) deps.events!.publish({ type: 'presence_changed', ticketId: ticket.id, audience: { agents: 'all', contactId: null } });
      return c.json({ agents: deps.presence!.list(ticket.id, now, session.actor.id) }, 200);
    });
}
