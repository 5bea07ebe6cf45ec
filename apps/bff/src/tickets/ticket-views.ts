import { attachmentsOfMessages, ticketParticipants, type Db, type TicketEventRow, type TicketPage, type TicketRecord, type ThreadMessage } from '@atende/db';
import { encodeCursor } from './cursor.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function ticketPageView(page: TicketPage) {
  return {
    items: page.items.map((t) => ({ ...t, updatedAt: iso(t.updatedAt)! })),
    nextCursor: encodeCursor(page.nextCursor),
  };
}

/** What anyone allowed to see the ticket sees: no agent-only fields. */
export function ticketSummaryView(db: Db, ticket: TicketRecord) {
  const names = ticketParticipants(db, ticket.id);
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    origin: ticket.origin,
    departmentName: names?.departmentName ?? null,
    assigneeName: names?.assigneeName ?? null,
    requesterName: names?.requesterName ?? '',
    createdAt: iso(ticket.createdAt)!,
    updatedAt: iso(ticket.updatedAt)!,
    closedAt: iso(ticket.closedAt),
    version: ticket.version,
  };
}

/** A thread as the API shows it; with `db`, each message lists its files (Anexos). */
export function messagesView(messages: ThreadMessage[], db?: Db) {
  const files = db ? attachmentsOfMessages(db, messages.map((m) => m.id)) : new Map();
  return messages.map((m) => ({
    ...m,
    createdAt: iso(m.createdAt)!,
    attachments: (files.get(m.id) ?? []).map(({ id, filename, mime, size }: { id: number; filename: string; mime: string; size: number }) => ({ id, filename, mime, size })),
  }));
}

export function historyView(events: TicketEventRow[]) {
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    actorKind: e.actorKind,
    actorId: e.actorId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    data: e.data ?? null,
    createdAt: iso(e.createdAt)!,
  }));
}
