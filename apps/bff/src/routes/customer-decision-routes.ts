import { confirmSolutionInput, rateInput, rejectSolutionInput, ticketIdParam } from '@atende/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { commitTicketAction } from '../tickets/apply-ticket-action.js';

const changed = (ticket: { id: number; status: string; version: number }) => ({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version } });

/**
 * The customer's decisions on resolved and closed tickets (product.md, "Customer actions"). The use
 * case checks who may before the version, so another contact's ticket is 404 whatever the version sent.
 */
export function customerDecisionRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('contact'))
    .post('/tickets/:id/confirm', validate('param', ticketIdParam), validate('json', confirmSolutionInput), async (c) => {
      const ticket = await commitTicketAction(c.get('deps'), {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion: c.req.valid('json').expectedVersion,
        action: { type: 'confirm_solution' },
      });
      return c.json(changed(ticket), 200);
    })
    .post('/tickets/:id/not-resolved', validate('param', ticketIdParam), validate('json', rejectSolutionInput), async (c) => {
      const { reason, expectedVersion } = c.req.valid('json');
      const ticket = await commitTicketAction(c.get('deps'), {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion,
        action: { type: 'reject_solution', reason },
        // The reason is the customer's public message to the agent.
        message: { body: reason, visibility: 'public' },
      });
      return c.json(changed(ticket), 200);
    })
    .post('/tickets/:id/rating', validate('param', ticketIdParam), validate('json', rateInput), async (c) => {
      const { score, comment, expectedVersion } = c.req.valid('json');
      const ticket = await commitTicketAction(c.get('deps'), {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion,
        action: { type: 'rate', score },
        ratingComment: comment,
      });
      return c.json(changed(ticket), 201);
    });
}
