import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { departments, subjects } from '../schema.js';

/** Departments and subject categories (assuntos): what the admin manages and the portal offers. */

export type DepartmentRecord = typeof departments.$inferSelect;
export type SubjectRecord = typeof subjects.$inferSelect;
export type DepartmentFields = Omit<DepartmentRecord, 'id'>;
export type SubjectFields = Omit<SubjectRecord, 'id'>;

export function listDepartments(db: Db): DepartmentRecord[] {
  return db.select().from(departments).orderBy(asc(departments.name), asc(departments.id)).all();
}

export function listSubjects(db: Db): SubjectRecord[] {
  return db.select().from(subjects).orderBy(asc(subjects.name), asc(subjects.id)).all();
}

export function insertDepartment(db: Db, fields: DepartmentFields): DepartmentRecord {
  return db.insert(departments).values(fields).returning().get();
}

export function updateDepartment(db: Db, id: number, fields: DepartmentFields): DepartmentRecord | null {
  return db.update(departments).set(fields).where(eq(departments.id, id)).returning().get() ?? null;
}

export function insertSubject(db: Db, fields: SubjectFields): SubjectRecord {
  return db.insert(subjects).values(fields).returning().get();
}

export function updateSubject(db: Db, id: number, fields: SubjectFields): SubjectRecord | null {
  return db.update(subjects).set(fields).where(eq(subjects.id, id)).returning().get() ?? null;
}

export function getDepartment(db: Db, id: number): DepartmentRecord | null {
  return db.select().from(departments).where(eq(departments.id, id)).get() ?? null;
}

/** Seed 003: a department is offered on the portal only when active, "presta atendimento" and "externo". */
const offeredDepartment = and(eq(departments.active, true), eq(departments.servesTickets, true), eq(departments.servesExternal, true));
/** Seed 003: a subject is offered only when active and "mostrar no hotsite". */
const offeredSubject = and(eq(subjects.active, true), eq(subjects.showOnHotsite, true));

export function portalDepartments(db: Db): Pick<DepartmentRecord, 'id' | 'name'>[] {
  return db.select({ id: departments.id, name: departments.name }).from(departments).where(offeredDepartment).orderBy(asc(departments.name)).all();
}

export function portalSubjects(db: Db): Pick<SubjectRecord, 'id' | 'name' | 'defaultDepartmentId'>[] {
  return db
    .select({ id: subjects.id, name: subjects.name, defaultDepartmentId: subjects.defaultDepartmentId })
    .from(subjects)
    .where(offeredSubject)
    .orderBy(asc(subjects.name))
    .all();
}

export function isPortalDepartment(db: Db, id: number): boolean {
  return db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, id), offeredDepartment)).get() !== undefined;
}

export function isPortalSubject(db: Db, id: number): boolean {
  return db.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.id, id), offeredSubject)).get() !== undefined;
}
