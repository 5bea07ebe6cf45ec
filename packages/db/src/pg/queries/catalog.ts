import { and, asc, eq, sql } from 'drizzle-orm';
import type { DepartmentFields, DepartmentRecord, SubjectFields, SubjectRecord } from '../../queries/catalog.js';
import type { PgExecutor } from '../executor.js';
import { departments, subjects } from '../schema.js';

/** queries/catalog.ts on PostgreSQL. Names sort byte-wise (COLLATE "C"), SQLite's BINARY order. */

export async function listDepartmentsPg(db: PgExecutor): Promise<DepartmentRecord[]> {
  return db.select().from(departments).orderBy(sql`${departments.name} COLLATE "C"`, asc(departments.id));
}

export async function listSubjectsPg(db: PgExecutor): Promise<SubjectRecord[]> {
  return db.select().from(subjects).orderBy(sql`${subjects.name} COLLATE "C"`, asc(subjects.id));
}

export async function insertDepartmentPg(db: PgExecutor, fields: DepartmentFields): Promise<DepartmentRecord> {
  const [row] = await db.insert(departments).values(fields).returning();
  return row!;
}

export async function updateDepartmentPg(db: PgExecutor, id: number, fields: DepartmentFields): Promise<DepartmentRecord | null> {
  const [row] = await db.update(departments).set(fields).where(eq(departments.id, id)).returning();
  return row ?? null;
}

export async function insertSubjectPg(db: PgExecutor, fields: SubjectFields): Promise<SubjectRecord> {
  const [row] = await db.insert(subjects).values(fields).returning();
  return row!;
}

export async function updateSubjectPg(db: PgExecutor, id: number, fields: SubjectFields): Promise<SubjectRecord | null> {
  const [row] = await db.update(subjects).set(fields).where(eq(subjects.id, id)).returning();
  return row ?? null;
}

export async function getDepartmentPg(db: PgExecutor, id: number): Promise<DepartmentRecord | null> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  return row ?? null;
}

/** Seed 003: a department is offered on the portal only when active, "presta atendimento" and "externo". */
const offeredDepartment = and(eq(departments.active, true), eq(departments.servesTickets, true), eq(departments.servesExternal, true));
/** Seed 003: a subject is offered only when active and "mostrar no hotsite". */
const offeredSubject = and(eq(subjects.active, true), eq(subjects.showOnHotsite, true));

/** SQLite orders these by name alone; the id breaks ties as its rowid scan does. */
export async function portalDepartmentsPg(db: PgExecutor): Promise<Pick<DepartmentRecord, 'id' | 'name'>[]> {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(offeredDepartment)
    .orderBy(sql`${departments.name} COLLATE "C"`, asc(departments.id));
}

export async function portalSubjectsPg(db: PgExecutor): Promise<Pick<SubjectRecord, 'id' | 'name' | 'defaultDepartmentId'>[]> {
  return db
    .select({ id: subjects.id, name: subjects.name, defaultDepartmentId: subjects.defaultDepartmentId })
    .from(subjects)
    .where(offeredSubject)
    .orderBy(sql`${subjects.name} COLLATE "C"`, asc(subjects.id));
}

export async function isPortalDepartmentPg(db: PgExecutor, id: number): Promise<boolean> {
  return (await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, id), offeredDepartment))).length > 0;
}

export async function isPortalSubjectPg(db: PgExecutor, id: number): Promise<boolean> {
  return (await db.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.id, id), offeredSubject))).length > 0;
}
