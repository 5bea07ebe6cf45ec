import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { emailKindsOf, type NotificationItem, type NotificationKind, type NotificationRecipient } from '../../queries/notifications.js';
import { builtOnce, placeholdersOf, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { agentDepartments, agentNotificationPrefs, agents, notifications, tickets } from '../schema.js';

/** The notification queries of queries/notifications.ts on PostgreSQL: same parameters and results, as promises. */

export async function agentsToNotifyPg(db: PgExecutor, params: { assigneeId: number | null; departmentId: number | null; exceptAgentId: number | null }): Promise<NotificationRecipient[]> {
  const columns = { id: agents.id, name: agents.name, email: agents.email, language: agents.language, saved: agentNotificationPrefs.emailKinds };
  let rows: { id: number; name: string; email: string; language: 'pt-BR' | 'en'; saved: string[] | null }[] = [];
  if (params.assigneeId !== null) {
    const query = builtOnce(db, 'agentsToNotify:assignee', () =>
      db
        .select(columns)
        .from(agents)
        .leftJoin(agentNotificationPrefs, eq(agentNotificationPrefs.agentId, agents.id))
        .where(and(eq(agents.id, sql.placeholder('assigneeId')), eq(agents.active, true)))
        .prepare(UNNAMED),
    );
    rows = await query.execute({ assigneeId: params.assigneeId });
  }
  if (rows.length === 0 && params.departmentId !== null) {
    const query = builtOnce(db, 'agentsToNotify:department', () =>
      db
        .select(columns)
        .from(agents)
        .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
        .leftJoin(agentNotificationPrefs, eq(agentNotificationPrefs.agentId, agents.id))
        .where(and(eq(agentDepartments.departmentId, sql.placeholder('departmentId')), eq(agents.active, true)))
        .orderBy(asc(agents.id))
        .prepare(UNNAMED),
    );
    rows = await query.execute({ departmentId: params.departmentId });
  }
  return rows.filter((r) => r.id !== params.exceptAgentId).map(({ saved, ...agent }) => ({ ...agent, emailKinds: emailKindsOf(saved) }));
}

/** ON CONFLICT on notifications_once_unique: a retried change notifies each agent once. */
export async function insertNotificationsPg(
  tx: PgExecutor,
  rows: { agentId: number; ticketId: number; kind: NotificationKind; ticketVersion: number; createdAt: number }[],
): Promise<number> {
  let inserted = 0;
  for (const row of rows) {
    const { keys, values } = placeholdersOf(row);
    const query = builtOnce(tx, `insertNotification:${keys}`, () => tx.insert(notifications).values(values).onConflictDoNothing().prepare(UNNAMED));
    inserted += (await query.execute(row)).rowCount ?? 0;
  }
  return inserted;
}

export async function listNotificationsPg(db: PgExecutor, params: { agentId: number; beforeId: number | null; limit: number }): Promise<NotificationItem[]> {
  return db
    .select({ id: notifications.id, ticketId: notifications.ticketId, ticketSubject: tickets.subject, kind: notifications.kind, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
    .where(and(eq(notifications.agentId, params.agentId), params.beforeId !== null ? lt(notifications.id, params.beforeId) : undefined))
    .orderBy(desc(notifications.id))
    .limit(params.limit);
}

export async function unreadNotificationCountPg(db: PgExecutor, agentId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.agentId, agentId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * One statement instead of SQLite's read-then-write: the row is matched on id and agent (true when it
 * is the agent's), and a first reading time is kept (coalesce), as SQLite keeps it.
 */
export async function markNotificationReadPg(db: PgExecutor, params: { agentId: number; id: number; now: number }): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${params.now})` })
    .where(and(eq(notifications.id, params.id), eq(notifications.agentId, params.agentId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllNotificationsReadPg(db: PgExecutor, params: { agentId: number; now: number }): Promise<number> {
  const result = await db.update(notifications).set({ readAt: params.now }).where(and(eq(notifications.agentId, params.agentId), isNull(notifications.readAt)));
  return result.rowCount ?? 0;
}

/** email_kinds is jsonb here and JSON text on SQLite: both read back as the same string array. */
export async function notificationEmailKindsPg(db: PgExecutor, agentId: number): Promise<NotificationKind[]> {
  const query = builtOnce(db, 'notificationEmailKinds', () => db.select().from(agentNotificationPrefs).where(eq(agentNotificationPrefs.agentId, sql.placeholder('agentId'))).prepare(UNNAMED));
  const [row] = await query.execute({ agentId });
  return emailKindsOf(row?.emailKinds);
}

export async function saveNotificationEmailKindsPg(db: PgExecutor, agentId: number, kinds: readonly NotificationKind[]): Promise<void> {
  await db
    .insert(agentNotificationPrefs)
    .values({ agentId, emailKinds: [...kinds] })
    .onConflictDoUpdate({ target: agentNotificationPrefs.agentId, set: { emailKinds: [...kinds] } });
}
