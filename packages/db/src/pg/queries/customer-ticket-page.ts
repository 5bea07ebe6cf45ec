import { eq, sql } from 'drizzle-orm';
import type { AttachmentSummary } from '../../queries/attachments.js';
import type { CustomerTicketPage } from '../../queries/customer-ticket-page.js';
import type { AutomaticAction, ThreadMessage } from '../../queries/thread.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { tickets } from '../schema.js';

/**
 * customerTicketPage of queries/customer-ticket-page.ts on PostgreSQL: one statement, one round trip,
 * where the six reads it replaces were six. The ticket and the names around it are the row; the
 * thread, the files, the ratings and the rules' actions are each a scalar subquery aggregated to JSON
 * (walking the same indexes as the separate reads did: messages_ticket_idx, attachments_message_idx,
 * ratings_ticket_closing_unique, ticket_events_ticket_idx). Epoch-millisecond times are far below
 * 2^53, so JSON's numbers carry them exactly. The names are scalar subqueries by primary key too, not
 * joins: PostgreSQL plans this statement on most executions, and each joined table multiplied the
 * planner's work (agent-queues.ts measured the same on the agent list).
 */
// Each wrapped once more where it is selected (sql`${X}`): drizzle leaves a lone table's columns
// unqualified at the top level of a selected fragment, and "id" inside a subquery is the subquery's own.
const REQUESTER_NAME = sql`(SELECT c.name FROM contacts c WHERE c.id = ${tickets.requesterId})`;
const REQUESTER_EMAIL = sql`(SELECT c.email FROM contacts c WHERE c.id = ${tickets.requesterId})`;
const REQUESTER_PHONE = sql`(SELECT c.phone FROM contacts c WHERE c.id = ${tickets.requesterId})`;
const DEPARTMENT_NAME = sql`(SELECT d.name FROM departments d WHERE d.id = ${tickets.departmentId})`;
const ASSIGNEE_NAME = sql`(SELECT a.name FROM agents a WHERE a.id = ${tickets.assigneeId})`;

const THREAD = sql`(SELECT coalesce(json_agg(json_build_object(
    'id', m.id,
    'authorKind', m.author_kind,
    'authorName', coalesce(
      (SELECT ag.name FROM agents ag WHERE m.author_kind = 'agent' AND ag.id = m.author_id),
      (SELECT ct.name FROM contacts ct WHERE m.author_kind = 'contact' AND ct.id = m.author_id),
      m.author_email),
    'visibility', m.visibility,
    'body', m.body,
    'createdAt', m.created_at) ORDER BY m.id), '[]'::json)
  FROM messages m WHERE m.ticket_id = ${tickets.id} AND m.visibility = 'public')`;

const FILES = sql`(SELECT coalesce(json_agg(json_build_object(
    'id', f.id, 'messageId', f.message_id, 'filename', f.filename, 'mime', f.mime, 'size', f.size) ORDER BY f.id), '[]'::json)
  FROM messages m JOIN attachments f ON f.message_id = m.id
  WHERE m.ticket_id = ${tickets.id} AND m.visibility = 'public')`;

const RATINGS = sql`(SELECT coalesce(json_agg(json_build_object(
    'closing', r.closing, 'score', r.score, 'comment', r.comment, 'createdAt', r.created_at) ORDER BY r.closing), '[]'::json)
  FROM ratings r WHERE r.ticket_id = ${tickets.id})`;

// `->>` gives text, as automaticActionsPg's does: every outcome written is a string.
const ACTIONS = sql`(SELECT coalesce(json_agg(json_build_object(
    'id', e.id, 'type', e.type, 'outcome', e.data ->> 'outcome', 'createdAt', e.created_at) ORDER BY e.id), '[]'::json)
  FROM ticket_events e
  WHERE e.ticket_id = ${tickets.id} AND e.actor_kind = 'system' AND e.type = ANY(${sql.placeholder('actionTypes')}::text[]))`;

// Read only for a closed ticket, newest closing first, as latestClosingMergeTargetPg does.
const MERGED_INTO = sql`CASE WHEN ${tickets.status} = 'closed' THEN (
    SELECT CASE WHEN jsonb_typeof(e.data -> 'mergedInto') = 'number' THEN (e.data ->> 'mergedInto')::int END
    FROM ticket_events e WHERE e.ticket_id = ${tickets.id} AND e.to_status = 'closed' ORDER BY e.id DESC LIMIT 1) END`;

export async function customerTicketPagePg(db: PgExecutor, ticketId: number, actionTypes: readonly string[]): Promise<CustomerTicketPage | null> {
  const query = builtOnce(db, 'customerTicketPage', () =>
    db
      .select({
        ticket: tickets,
        requesterName: sql<string>`${REQUESTER_NAME}`,
        requesterEmail: sql<string>`${REQUESTER_EMAIL}`,
        requesterPhone: sql<string | null>`${REQUESTER_PHONE}`,
        departmentName: sql<string | null>`${DEPARTMENT_NAME}`,
        assigneeName: sql<string | null>`${ASSIGNEE_NAME}`,
        messages: sql<ThreadMessage[]>`${THREAD}`,
        files: sql<AttachmentSummary[]>`${FILES}`,
        ratings: sql<CustomerTicketPage['ratings']>`${RATINGS}`,
        automaticActions: sql<AutomaticAction[]>`${ACTIONS}`,
        mergedInto: sql<number | null>`${MERGED_INTO}`,
      })
      .from(tickets)
      .where(eq(tickets.id, sql.placeholder('ticketId')))
      .prepare(UNNAMED),
  );
  const [row] = await query.execute({ ticketId, actionTypes: [...actionTypes] });
  if (!row) return null;
  const files = new Map<number, AttachmentSummary[]>();
  for (const file of row.files) {
    const list = files.get(file.messageId);
    if (list) list.push(file);
    else files.set(file.messageId, [file]);
  }
  return {
    ticket: row.ticket,
    participants: {
      requesterName: row.requesterName,
      requesterEmail: row.requesterEmail,
      requesterPhone: row.requesterPhone,
      departmentName: row.departmentName,
      assigneeName: row.assigneeName,
    },
    messages: row.messages,
    files,
    ratings: row.ratings,
    automaticActions: row.automaticActions,
    mergedInto: row.mergedInto,
  };
}
