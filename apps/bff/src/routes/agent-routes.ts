import { agentListQuery, agentMessageInput, extendDueInput, setFieldsInput, setStatusInput, ticketIdParam } from '@atende/contracts';
import { attachmentsOfHeldMail, attachmentsOfMessages, heldMailOfTicket, agentQueueWithCounts, getCompanySettings, getPortalSettings, listActiveAgents, listDepartments, otherRecentTickets, searchTicketIds, ticketCustomerCard, ticketHistory, ticketParticipants, ticketRatings, ticketThread } from '@atende/db/store';
import { AppError } from '../http/app-error.js';
import { endOfLocalDay, isOverdue } from '@atende/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { ratingLinkFor } from '../ratings/rating-link.js';
import { commitTicketAction } from '../tickets/apply-ticket-action.js';
import { UNKNOWN_ASSIGNEE, commitWithActiveAssignee } from '../tickets/assign-active-agent.js';
import { checkMessageAttachments } from '../attachments/message-attachments.js';
import { decodeCursor, encodeCursor } from '../tickets/cursor.js';
import { loadTicketFor } from '../tickets/load-ticket.js';
import { historyView, messagesView, ticketSummaryView } from '../tickets/ticket-views.js';

const PAGE_SIZE = 25;
const iso = (ms: number) => new Date(ms).toISOString();

/** The agent console API: every ticket, internal notes included. */
export function agentRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/tickets', validate('query', agentListQuery), async (c) => {
      const { db } = c.get('deps');
      const { queue, sort, cursor, q, ...filters } = c.req.valid('query');
      const now = c.get('deps').now();
      const clock = { agentId: signedIn(c).actor.id, now, endOfToday: endOfLocalDay(now, (await getCompanySettings(db)).timeZone) };
      // A search narrows the queue to the matching tickets; the queue, filters and sort still apply.
      const ticketIds = q ? await searchTicketIds(db, q) : undefined;
      // Each tab's count follows the active filters and search.
      const { page, counts } =
        ticketIds && ticketIds.length === 0
          ? { page: { items: [], nextCursor: null }, counts: { mine: 0, unassigned: 0, today: 0, overdue: 0, all: 0 } }
          : await agentQueueWithCounts(db, { queue, sort, filters, cursor: decodeCursor(cursor), limit: PAGE_SIZE, clock, ticketIds });
      return c.json(
        {
          // Each field named, not `...item`: spreading query rows costs several times as much (ticket-views.ts).
          items: page.items.map((item) => ({
            id: item.id,
            subject: item.subject,
            status: item.status,
            priority: item.priority,
            origin: item.origin,
            departmentName: item.departmentName,
            assigneeName: item.assigneeName,
            requesterName: item.requesterName,
            companyName: item.companyName,
            dueAt: item.dueAt === null ? null : iso(item.dueAt),
            updatedAt: iso(item.updatedAt),
            version: item.version,
            customerRepliedAt: item.customerRepliedAt,
            overdue: isOverdue(item, now),
          })),
          nextCursor: encodeCursor(page.nextCursor),
          counts,
        },
        200,
      );
    })
    .get('/tickets/:id', validate('param', ticketIdParam), async (c) => {
      const { db } = c.get('deps');
      const ticket = await loadTicketFor(db, signedIn(c), c.req.valid('param').id);
      const names = await ticketParticipants(db, ticket.id);
      const thread = await ticketThread(db, ticket.id, 'staff');
      return c.json(
        {
          ticket: { ...ticketSummaryView(ticket, names), requesterPhone: names?.requesterPhone ?? null, departmentId: ticket.departmentId, assigneeId: ticket.assigneeId, dueAt: ticket.dueAt === null ? null : iso(ticket.dueAt), overdue: isOverdue(ticket, c.get('deps').now()) },
          messages: messagesView(thread, await attachmentsOfMessages(db, thread.map((m) => m.id))),
          // E-mails de remetente não reconhecido waiting for an agent's decision (agents only).
          heldMail: await Promise.all((await heldMailOfTicket(db, ticket.id)).map(async (m) => ({ id: m.id, fromAddress: m.fromAddress, fromName: m.fromName, subject: m.subject, body: m.body, reason: m.reason, receivedAt: iso(m.receivedAt), attachments: (await attachmentsOfHeldMail(db, m.id)).map(({ id, filename, mime, size }) => ({ id, filename, mime, size })) }))),
          history: historyView(await ticketHistory(db, ticket.id)),
          // The message form starts on this visibility (admin setting); the agent may switch it.
          defaultVisibility: (await getPortalSettings(db)).agentRepliesPublicByDefault ? ('public' as const) : ('internal' as const),
          ratingLink: await ratingLinkFor(c.get('deps'), ticket),
          ratings: (await ticketRatings(db, ticket.id)).map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })),
          // The workspace's side panel: the customer's card and their other recent tickets.
          customer: await ticketCustomerCard(db, ticket),
          otherTickets: (await otherRecentTickets(db, ticket)).map((o) => ({ ...o, updatedAt: iso(o.updatedAt) })),
        },
        200,
      );
    })
    .post('/tickets/:id/messages', validate('param', ticketIdParam), validate('json', agentMessageInput), async (c) => {
      const { body, visibility, nextStatus, dueDate, expectedVersion, attachmentIds } = c.req.valid('json');
      const files = await checkMessageAttachments(c.get('deps').db, signedIn(c).actor, attachmentIds, c.get('deps').config.attachments);
      const ticket = await commitTicketAction(c.get('deps'), {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion,
        // A public reply hands the ball to the customer unless the agent picks another status.
        action: visibility === 'internal' ? { type: 'internal_note' } : { type: 'agent_reply', nextStatus: nextStatus ?? 'waiting_customer', ...(dueDate ? { dueDate } : {}) },
        message: { body, visibility, attachmentIds: files },
      });
      return c.json({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version } }, 201);
    })
    .post('/tickets/:id/status', validate('param', ticketIdParam), validate('json', setStatusInput), async (c) => {
      const { status, dueDate, expectedVersion } = c.req.valid('json');
      const ticket = await commitTicketAction(c.get('deps'), {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion,
        action: status === 'closed' ? { type: 'close' } : { type: 'set_status', status, ...(dueDate ? { dueDate } : {}) },
      });
      return c.json({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version, dueAt: ticket.dueAt } }, 200);
    })
    .get('/options', async (c) => c.json({ departments: (await listDepartments(c.get('deps').db)).map(({ id, name }) => ({ id, name })), agents: await listActiveAgents(c.get('deps').db) }, 200))
    .post('/tickets/:id/fields', validate('param', ticketIdParam), validate('json', setFieldsInput), async (c) => {
      const { db } = c.get('deps');
      const { expectedVersion, ...fields } = c.req.valid('json');
      if (fields.departmentId && !(await listDepartments(db)).some((d) => d.id === fields.departmentId)) {
        throw new AppError('validation_failed', { fields: { departmentId: 'Departamento desconhecido.' } });
      }
      if (fields.assigneeId && !(await listActiveAgents(db)).some((a) => a.id === fields.assigneeId)) {
        throw new AppError('validation_failed', { fields: UNKNOWN_ASSIGNEE });
      }
      const ticket = await commitWithActiveAssignee(c.get('deps'), fields.assigneeId, { ticketId: c.req.valid('param').id, actor: signedIn(c).actor, expectedVersion, action: { type: 'set_fields', ...fields } });
      return c.json({ ticket: { id: ticket.id, priority: ticket.priority, departmentId: ticket.departmentId, assigneeId: ticket.assigneeId, version: ticket.version } }, 200);
    })
    .post('/tickets/:id/due', validate('param', ticketIdParam), validate('json', extendDueInput), async (c) => {
      const { dueDate, note, expectedVersion } = c.req.valid('json');
      const ticket = await commitTicketAction(c.get('deps'), {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion,
        action: { type: 'extend_due', dueDate, note },
        message: { body: note, visibility: 'internal' },
      });
      return c.json({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version, dueAt: ticket.dueAt } }, 200);
    });
}
