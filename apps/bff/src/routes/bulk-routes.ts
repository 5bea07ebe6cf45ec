import { bulkActionInput, mergeTicketInput, ticketIdParam, type BulkActionInput } from '@atende/contracts';
import type { TicketAction } from '@atende/domain';
import { listActiveAgents } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { UNKNOWN_ASSIGNEE, commitWithActiveAssignee } from '../tickets/assign-active-agent.js';
import { mergeTickets } from '../tickets/merge-tickets.js';

function actionFor(change: BulkActionInput['change']): TicketAction {
  switch (change.kind) {
    case 'assign':
      return { type: 'set_fields', assigneeId: change.assigneeId };
    case 'priority':
      return { type: 'set_fields', priority: change.priority };
    case 'status':
      return change.status === 'closed' ? { type: 'close' } : { type: 'set_status', status: change.status, ...(change.dueDate ? { dueDate: change.dueDate } : {}) };
  }
}

/**
 * Bulk actions on selected queue rows. Each ticket is its own change through the one ticket path, with
 * the version the agent's list showed: a ticket someone changed meanwhile is left alone and reported
 * (`conflict`), never overwritten; the others still change.
 */
export function bulkRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .post('/tickets/bulk', validate('json', bulkActionInput), async (c) => {
      const { tickets, change } = c.req.valid('json');
      if (change.kind === 'assign' && change.assigneeId !== null && !(await listActiveAgents(c.get('deps').db)).some((a) => a.id === change.assigneeId)) {
        throw new AppError('validation_failed', { fields: UNKNOWN_ASSIGNEE });
      }
      const session = signedIn(c);
      const action = actionFor(change);
      const results = await Promise.all(
        tickets.map(async ({ id, expectedVersion }) => {
          try {
            // Checked again with each ticket: the assignee may be deactivated half-way through the batch.
            const ticket = await commitWithActiveAssignee(c.get('deps'), change.kind === 'assign' ? change.assigneeId : null, { actor: session.actor, ticketId: id, expectedVersion, action });
            return { id, ok: true as const, version: ticket.version };
          } catch (error) {
            if (error instanceof AppError) return { id, ok: false as const, code: error.code };
            throw error;
          }
        }),
      );
      return c.json({ results }, 200);
    })
    .post('/tickets/:id/merge', validate('param', ticketIdParam), validate('json', mergeTicketInput), async (c) => {
      const { targetId, expectedVersion } = c.req.valid('json');
      const session = signedIn(c);
      const { source, target } = await mergeTickets(c.get('deps'), session, { sourceId: c.req.valid('param').id, targetId, expectedVersion });
      return c.json({ source: { id: source.id, status: source.status, version: source.version }, target: { id: target.id, version: target.version } }, 200);
    });
}
