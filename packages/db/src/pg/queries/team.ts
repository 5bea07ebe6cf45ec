import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgentRole } from '@atende/domain';
import type { NewAgentResult, TeamMember } from '../../queries/team.js';
import type { PgExecutor } from '../executor.js';
import { agentDepartments, agents, contacts, departments } from '../schema.js';
import { inTransactionPg } from './in-transaction.js';
import { lockAddressPg } from './registrations.js';

/** queries/team.ts on PostgreSQL. */

type AgentRow = typeof agents.$inferSelect;

function toMember(row: AgentRow, departmentIds: number[]): TeamMember {
  return { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, hasPassword: row.passwordHash !== null, departmentIds };
}

async function member(db: PgExecutor, row: AgentRow): Promise<TeamMember> {
  const departmentIds = (
    await db.select({ id: agentDepartments.departmentId }).from(agentDepartments).where(eq(agentDepartments.agentId, row.id)).orderBy(asc(agentDepartments.departmentId))
  ).map((d) => d.id);
  return toMember(row, departmentIds);
}

export async function findAgentByEmailPg(db: PgExecutor, email: string): Promise<TeamMember | null> {
  const [row] = await db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase()));
  return row ? member(db, row) : null;
}

export async function getTeamMemberPg(db: PgExecutor, id: number): Promise<TeamMember | null> {
  const [row] = await db.select().from(agents).where(eq(agents.id, id));
  return row ? member(db, row) : null;
}

/**
 * Names in byte order (SQLite's BINARY), then id. Every member's departments in one query, not one per
 * member: on PostgreSQL each query is a round trip.
 */
export async function listTeamPg(db: PgExecutor): Promise<TeamMember[]> {
  const rows = await db.select().from(agents).orderBy(sql`${agents.name} COLLATE "C"`, asc(agents.id));
  const links = await db.select().from(agentDepartments).orderBy(asc(agentDepartments.agentId), asc(agentDepartments.departmentId));
  const departmentsOf = new Map<number, number[]>();
  for (const link of links) departmentsOf.set(link.agentId, [...(departmentsOf.get(link.agentId) ?? []), link.departmentId]);
  return rows.map((row) => toMember(row, departmentsOf.get(row.id) ?? []));
}

/**
 * Two admins inviting one address at once, or an invitation racing a customer's sign-up for it: the
 * address lock (shared with completeRegistrationPg) serializes the checks and the insert, so one wins
 * and the other gets SQLite's refusal, never a unique-index error.
 */
export async function insertAgentPg(db: PgExecutor, input: { name: string; email: string; role: AgentRole; departmentIds: number[]; now: number }): Promise<NewAgentResult> {
  const email = input.email.trim().toLowerCase();
  return inTransactionPg(db, async (tx) => {
    await lockAddressPg(tx, email);
    if ((await tx.select({ id: agents.id }).from(agents).where(eq(agents.email, email))).length) return { ok: false, reason: 'email_taken_by_agent' } as const;
    if ((await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email))).length) return { ok: false, reason: 'email_taken_by_contact' } as const;
    if (!(await departmentsExist(tx, input.departmentIds))) return { ok: false, reason: 'unknown_department' } as const;
    const [row] = await tx.insert(agents).values({ name: input.name.trim(), email, role: input.role, passwordHash: null, active: true, createdAt: input.now }).returning();
    for (const departmentId of new Set(input.departmentIds)) await tx.insert(agentDepartments).values({ agentId: row!.id, departmentId });
    return { ok: true, agent: await member(tx, row!) } as const;
  });
}

async function departmentsExist(db: PgExecutor, ids: number[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (!unique.length) return true;
  return (await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, unique))).length === unique.length;
}

/**
 * The agents row is updated before its departments are replaced: a second edit of the same agent waits
 * on that row's lock, so the two edits' department sets never mix.
 */
export async function updateTeamMemberPg(
  db: PgExecutor,
  id: number,
  input: { name: string; role: AgentRole; departmentIds: number[] },
): Promise<TeamMember | null | 'unknown_department'> {
  return inTransactionPg(db, async (tx) => {
    if (!(await departmentsExist(tx, input.departmentIds))) return 'unknown_department' as const;
    const [row] = await tx.update(agents).set({ name: input.name.trim(), role: input.role }).where(eq(agents.id, id)).returning();
    if (!row) return null;
    await tx.delete(agentDepartments).where(eq(agentDepartments.agentId, id));
    for (const departmentId of new Set(input.departmentIds)) await tx.insert(agentDepartments).values({ agentId: id, departmentId });
    return member(tx, row);
  });
}

export async function countActiveAdminsPg(db: PgExecutor): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(agents).where(and(eq(agents.role, 'admin'), eq(agents.active, true)));
  return row?.count ?? 0;
}
