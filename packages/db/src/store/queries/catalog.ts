// The queries of queries/catalog.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/catalog.js';

export type * from '../../queries/catalog.js';

export const listDepartments = read(sqlite.listDepartments, notOnPostgresYet('listDepartments'));
export const listSubjects = read(sqlite.listSubjects, notOnPostgresYet('listSubjects'));
export const insertDepartment = write(sqlite.insertDepartment, notOnPostgresYet('insertDepartment'));
export const updateDepartment = write(sqlite.updateDepartment, notOnPostgresYet('updateDepartment'));
export const insertSubject = write(sqlite.insertSubject, notOnPostgresYet('insertSubject'));
export const updateSubject = write(sqlite.updateSubject, notOnPostgresYet('updateSubject'));
export const getDepartment = read(sqlite.getDepartment, notOnPostgresYet('getDepartment'));
export const portalDepartments = read(sqlite.portalDepartments, notOnPostgresYet('portalDepartments'));
export const portalSubjects = read(sqlite.portalSubjects, notOnPostgresYet('portalSubjects'));
export const isPortalDepartment = read(sqlite.isPortalDepartment, notOnPostgresYet('isPortalDepartment'));
export const isPortalSubject = read(sqlite.isPortalSubject, notOnPostgresYet('isPortalSubject'));
