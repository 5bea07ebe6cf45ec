import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AgentRole } from '@atende/domain';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { agentDepartments, agents, contacts, departments } from '../schema.js';

export interface TeamMember {
  id: number;
  name: string;
  email: string;
  role: AgentRole;
  active: boolean;
  /** False until they accept their invitation (no password yet). */
  hasPassword: boolean;
  departmentIds: number[];
}

export type NewAgentResult = { ok: true; agent: TeamMember } | { ok: false; reason: 'email_taken_by_agent' | 'email_taken_by_contact' | 'unknown_department' };

function member(db: Db, row: typeof agents.$inferSelect): TeamMember {
  const departmentIds = db
    .select({ id: agentDepartments.departmentId })
    .from(agentDepartments)
    .where(eq(agentDepartments.agentId, row.id))
    .orderBy(asc(agentDepartments.departmentId))
    .all()
    .map((d) => d.id);
  return { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, hasPassword: row.passwordHash !== null, departmentIds };
}

export function findAgentByEmail(db: Db, email: string): TeamMember | null {
  const row = db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase())).get();
  return row ? member(db, row) : null;
}

export function getTeamMember(db: Db, id: number): TeamMember | null {
  const row = db.select().from(agents).where(eq(agents.id, id)).get();
  return row ? member(db, row) : null;
}

export function listTeam(db: Db): TeamMember[] {
  return db.select().from(agents).orderBy(asc(agents.name), asc(agents.id)).all().map((row) => member(db, row));
}

/**
 * A new agent or admin with no password: they set it through their invitation link. One e-mail is one
 * person, so an e-mail already used by an agent or a contact is refused.
 */
export function insertAgent(db: Db, input: { name: string; email: string; role: AgentRole; departmentIds: number[]; now: number }): NewAgentResult {
  const email = input.email.trim().toLowerCase();
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: agents.id }).from(agents).where(eq(agents.email, email)).get()) return { ok: false, reason: 'email_taken_by_agent' } as const;
    if (tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email)).get()) return { ok: false, reason: 'email_taken_by_contact' } as const;
    if (!departmentsExist(tx, input.departmentIds)) return { ok: false, reason: 'unknown_department' } as const;
    const row = tx.insert(agents).values({ name: input.name.trim(), email, role: input.role, passwordHash: null, active: true, createdAt: input.now }).returning().get();
    for (const departmentId of new Set(input.departmentIds)) tx.insert(agentDepartments).values({ agentId: row.id, departmentId }).run();
    return { ok: true, agent: member(tx, row) } as const;
  });
}

function departmentsExist(db: Db, ids: number[]): boolean {
  const unique = [...new Set(ids)];
  if (!unique.length) return true;
  return db.select({ id: departments.id }).from(departments).where(inArray(departments.id, unique)).all().length === unique.length;
}

/** Name, role and departments of an agent; null when unknown, 'unknown_department' when a department is. */
export function updateTeamMember(db: Db, id: number, input: { name: string; role: AgentRole; departmentIds: number[] }): TeamMember | null | 'unknown_department' {
  return writeTransaction(db, (tx) => {
    if (!departmentsExist(tx, input.departmentIds)) return 'unknown_department' as const;
    const row = tx.update(agents).set({ name: input.name.trim(), role: input.role }).where(eq(agents.id, id)).returning().get();
    if (!row) return null;
    tx.delete(agentDepartments).where(eq(agentDepartments.agentId, id)).run();
    for (const departmentId of new Set(input.departmentIds)) tx.insert(agentDepartments).values({ agentId: id, departmentId }).run();
    return member(tx, row);
  });
}

/** Active admins: the last one cannot be deactivated or demoted (nobody could then administer). */
export function countActiveAdmins(db: Db): number {
  return db.select({ id: agents.id }).from(agents).where(and(eq(agents.role, 'admin'), eq(agents.active, true))).all().length;
}
