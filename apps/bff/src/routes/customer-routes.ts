import { customerListQuery, customerReplyInput, ticketIdParam } from '@atende/contracts';
import { reopenRefusal } from '@atende/domain';
import { customerTabCounts, getPortalSettings, listCustomerTickets, ticketStateOf, ticketThread } from '@atende/db';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requirePortalSwitch } from '../http/portal-switch.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { commitTicketAction } from '../tickets/apply-ticket-action.js';
import { checkMessageAttachments } from '../attachments/message-attachments.js';
import { decodeCursor } from '../tickets/cursor.js';
import { customerAutomationView } from '../tickets/automation-view.js';
import { loadTicketFor } from '../tickets/load-ticket.js';
import { messagesView, ticketPageView, ticketSummaryView } from '../tickets/ticket-views.js';

const PAGE_SIZE = 20;

/** The Painel do Cliente API: a contact's own tickets only. */
export function customerRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('contact'))
    .get('/tickets/counts', requirePortalSwitch('see'), (c) => {
      const { db, now } = c.var.deps;
      return c.json({ counts: customerTabCounts(db, signedIn(c).actor.id, now()) }, 200);
    })
    .get('/tickets', requirePortalSwitch('see'), validate('query', customerListQuery), (c) => {
      const { db, now } = c.var.deps;
      const { tab, cursor } = c.req.valid('query');
      const after = decodeCursor(cursor);
      const page = listCustomerTickets(db, { requesterId: signedIn(c).actor.id, tab, now: now(), cursor: after && { updatedAt: after.key, id: after.id }, limit: PAGE_SIZE });
      return c.json(ticketPageView(page), 200);
    })
    .get('/tickets/:id', requirePortalSwitch('see'), validate('param', ticketIdParam), (c) => {
      const { db, now } = c.var.deps;
      const ticket = loadTicketFor(db, signedIn(c), c.req.valid('param').id);
      const refusal = reopenRefusal(ticketStateOf(ticket), now(), getPortalSettings(db));
      const canRate = ticket.status === 'closed' && ticket.ratingDueUntil !== null && ticket.ratingDueUntil > now();
      return c.json(
        {
          ticket: { ...ticketSummaryView(db, ticket), canReply: refusal === null, replyRefusal: refusal, canRate },
          messages: messagesView(ticketThread(db, ticket.id, 'customer'), db),
          automation: customerAutomationView(db, ticket, now()),
        },
        200,
      );
    })
    .post('/tickets/:id/replies', requirePortalSwitch('see'), validate('param', ticketIdParam), validate('json', customerReplyInput), async (c) => {
      const { body, expectedVersion, attachmentIds } = c.req.valid('json');
      const files = checkMessageAttachments(c.var.deps.db, signedIn(c).actor, attachmentIds, c.var.deps.config.attachments);
      const ticket = await commitTicketAction(c.var.deps, {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion,
        action: { type: 'customer_reply' },
        message: { body, visibility: 'public', attachmentIds: files },
      });
      return c.json({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version } }, 201);
    });
}
