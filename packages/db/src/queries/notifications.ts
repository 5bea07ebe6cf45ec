import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { cached } from './prepared.js';
import { agentDepartments, agentNotificationPrefs, agents, notifications, tickets } from '../schema.js';

export const NOTIFICATION_KINDS = ['new_ticket', 'customer_message', 'not_resolved', 'reopened', 'assigned', 'held_mail'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An agent to notify of a change, with what their notification e-mail needs. */
export interface NotificationRecipient {
  id: number;
  name: string;
  email: string;
  language: 'pt-BR' | 'en';
  /** The kinds they want by e-mail (every kind until they choose: no preferences row). */
  emailKinds: NotificationKind[];
}

/** The e-mail kinds of a preferences row (null: none saved, so all); kinds no longer known are dropped. */
export function emailKindsOf(saved: readonly string[] | null | undefined): NotificationKind[] {
  if (!saved) return [...NOTIFICATION_KINDS];
  return saved.filter((k): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k));
}

/**
 * Who hears about a ticket: its assignee when it has an active one, else the active agents of its
 * department (the queue), by id. The agent who made the change is never told about their own change.
 * Each comes with their name, address, language and e-mail preferences: one read per path, where a
 * change with one agent to notify took three (three round trips on PostgreSQL).
 */
export function agentsToNotify(db: Db, params: { assigneeId: number | null; departmentId: number | null; exceptAgentId: number | null }): NotificationRecipient[] {
  const columns = { id: agents.id, name: agents.name, email: agents.email, language: agents.language, saved: agentNotificationPrefs.emailKinds };
  let rows: { id: number; name: string; email: string; language: 'pt-BR' | 'en'; saved: string[] | null }[] = [];
  if (params.assigneeId !== null) {
    const query = cached(db, 'agentsToNotify:assignee', () =>
      db
        .select(columns)
        .from(agents)
        .leftJoin(agentNotificationPrefs, eq(agentNotificationPrefs.agentId, agents.id))
        .where(and(eq(agents.id, sql.placeholder('assigneeId')), eq(agents.active, true)))
        .prepare(),
    );
    rows = query.all({ assigneeId: params.assigneeId });
  }
  if (rows.length === 0 && params.departmentId !== null) {
    const query = cached(db, 'agentsToNotify:department', () =>
      db
        .select(columns)
        .from(agents)
        .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
        .leftJoin(agentNotificationPrefs, eq(agentNotificationPrefs.agentId, agents.id))
        .where(and(eq(agentDepartments.departmentId, sql.placeholder('departmentId')), eq(agents.active, true)))
        .orderBy(asc(agents.id))
        .prepare(),
    );
    rows = query.all({ departmentId: params.departmentId });
  }
  return rows.filter((r) => r.id !== params.exceptAgentId).map(({ saved, ...agent }) => ({ ...agent, emailKinds: emailKindsOf(saved) }));
}

/** Records notifications (inside the change's transaction); one per agent per change, even if retried. */
export function insertNotifications(tx: Db, rows: { agentId: number; ticketId: number; kind: NotificationKind; ticketVersion: number; createdAt: number }[]): number {
  let inserted = 0;
  for (const row of rows) inserted += tx.insert(notifications).values(row).onConflictDoNothing().run().changes;
  return inserted;
}

export interface NotificationItem {
  id: number;
  ticketId: number;
  ticketSubject: string;
  kind: NotificationKind;
  createdAt: number;
  readAt: number | null;
}

/** An agent's notifications, newest first (keyset on id). */
export function listNotifications(db: Db, params: { agentId: number; beforeId: number | null; limit: number }): NotificationItem[] {
  return db
    .select({ id: notifications.id, ticketId: notifications.ticketId, ticketSubject: tickets.subject, kind: notifications.kind, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
    .where(and(eq(notifications.agentId, params.agentId), params.beforeId !== null ? lt(notifications.id, params.beforeId) : undefined))
    .orderBy(desc(notifications.id))
    .limit(params.limit)
    .all();
}

export function unreadNotificationCount(db: Db, agentId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(notifications).where(and(eq(notifications.agentId, agentId), isNull(notifications.readAt))).get()?.n ?? 0;
}

/** Marks one of the agent's notifications read (another agent's id changes nothing: returns false). */
export function markNotificationRead(db: Db, params: { agentId: number; id: number; now: number }): boolean {
  const row = db.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, params.id), eq(notifications.agentId, params.agentId))).get();
  if (!row) return false;
  if (row.readAt === null) db.update(notifications).set({ readAt: params.now }).where(eq(notifications.id, params.id)).run();
  return true;
}

export function markAllNotificationsRead(db: Db, params: { agentId: number; now: number }): number {
  return db.update(notifications).set({ readAt: params.now }).where(and(eq(notifications.agentId, params.agentId), isNull(notifications.readAt))).run().changes;
}

/** The kinds an agent wants by e-mail too; every kind until they choose. */
export function notificationEmailKinds(db: Db, agentId: number): NotificationKind[] {
  return emailKindsOf(db.select().from(agentNotificationPrefs).where(eq(agentNotificationPrefs.agentId, agentId)).get()?.emailKinds);
}

export function saveNotificationEmailKinds(db: Db, agentId: number, kinds: readonly NotificationKind[]): void {
  db.insert(agentNotificationPrefs)
    .values({ agentId, emailKinds: [...kinds] })
    .onConflictDoUpdate({ target: agentNotificationPrefs.agentId, set: { emailKinds: [...kinds] } })
    .run();
}
