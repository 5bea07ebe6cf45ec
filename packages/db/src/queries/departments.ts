import { asc } from 'drizzle-orm';
import type { Db } from '../client.js';
import { departments } from '../schema.js';

/** Every department, by name: the agent console's department picker and filter. */
export function listDepartments(db: Db): { id: number; name: string }[] {
  return db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name)).all();
}
