import { agentListQuery, agentMessageInput, agentOriginQuery, setStatusInput, ticketIdParam } from '@atende/contracts';
import { getPortalSettings, listAllTickets, ticketHistory, ticketRatings, ticketThread } from '@atende/db';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { ratingLinkFor } from '../ratings/rating-link.js';
import { applyTicketAction } from '../tickets/apply-ticket-action.js';
import { decodeCursor } from '../tickets/cursor.js';
import { loadTicketFor } from '../tickets/load-ticket.js';
import { historyView, messagesView, ticketPageView, ticketSummaryView } from '../tickets/ticket-views.js';

const PAGE_SIZE = 25;

/** The agent console API: every ticket, internal notes included. */
export function agentRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/tickets', validate('query', agentListQuery.extend(agentOriginQuery.shape)), (c) => {
      const { cursor, origin } = c.req.valid('query');
      const page = listAllTickets(c.var.deps.db, { cursor: decodeCursor(cursor), limit: PAGE_SIZE, origin });
      return c.json(ticketPageView(page), 200);
    })
    .get('/tickets/:id', validate('param', ticketIdParam), (c) => {
      const { db } = c.var.deps;
      const ticket = loadTicketFor(db, signedIn(c), c.req.valid('param').id);
      return c.json(
        {
          ticket: ticketSummaryView(db, ticket),
          messages: messagesView(ticketThread(db, ticket.id, 'staff')),
          history: historyView(ticketHistory(db, ticket.id)),
          // The message form starts on this visibility (admin setting); the agent may switch it.
          defaultVisibility: getPortalSettings(db).agentRepliesPublicByDefault ? ('public' as const) : ('internal' as const),
          ratingLink: ratingLinkFor(c.var.deps, ticket),
          ratings: ticketRatings(db, ticket.id).map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })),
        },
        200,
      );
    })
    .post('/tickets/:id/messages', validate('param', ticketIdParam), validate('json', agentMessageInput), (c) => {
      const { body, visibility, nextStatus, expectedVersion } = c.req.valid('json');
      const ticket = applyTicketAction(c.var.deps, signedIn(c), {
        ticketId: c.req.valid('param').id,
        expectedVersion,
        // A public reply hands the ball to the customer unless the agent picks another status.
        action: visibility === 'internal' ? { type: 'internal_note' } : { type: 'agent_reply', nextStatus: nextStatus ?? 'waiting_customer' },
        message: { body, visibility },
      });
      return c.json({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version } }, 201);
    })
    .post('/tickets/:id/status', validate('param', ticketIdParam), validate('json', setStatusInput), (c) => {
      const { status, expectedVersion } = c.req.valid('json');
      const ticket = applyTicketAction(c.var.deps, signedIn(c), {
        ticketId: c.req.valid('param').id,
        expectedVersion,
        action: status === 'closed' ? { type: 'close' } : { type: 'set_status', status },
      });
      return c.json({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version } }, 200);
    });
}
