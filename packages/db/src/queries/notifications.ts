import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agentDepartments, agentNotificationPrefs, agents, notifications, tickets } from '../schema.js';

export const NOTIFICATION_KINDS = ['new_ticket', 'customer_message', 'not_resolved', 'reopened', 'assigned', 'held_mail'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Who hears about a ticket: its assignee when it has an active one, else the active agents of its
 * department (the queue). The agent who made the change is never told about their own change.
 */
export function agentsToNotify(db: Db, params: { assigneeId: number | null; departmentId: number | null; exceptAgentId: number | null }): number[] {
  let ids: number[] = [];
  if (params.assigneeId !== null) {
    const active = db.select({ id: agents.id }).from(agents).where(and(eq(agents.id, params.assigneeId), eq(agents.active, true))).get();
    if (active) ids = [active.id];
  }
  if (ids.length === 0 && params.departmentId !== null) {
    ids = db
      .select({ id: agents.id })
      .from(agents)
      .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
      .where(and(eq(agentDepartments.departmentId, params.departmentId), eq(agents.active, true)))
      .all()
      .map((r) => r.id);
  }
  return ids.filter((id) => id !== params.exceptAgentId);
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
  const row = db.select().from(agentNotificationPrefs).where(eq(agentNotificationPrefs.agentId, agentId)).get();
  if (!row) return [...NOTIFICATION_KINDS];
  return row.emailKinds.filter((k): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k));
}

export function saveNotificationEmailKinds(db: Db, agentId: number, kinds: readonly NotificationKind[]): void {
  db.insert(agentNotificationPrefs)
    .values({ agentId, emailKinds: [...kinds] })
    .onConflictDoUpdate({ target: agentNotificationPrefs.agentId, set: { emailKinds: [...kinds] } })
    .run();
}
