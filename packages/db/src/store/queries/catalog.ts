// The queries of queries/catalog.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/catalog.js';
import * as pg from '../../pg/queries/catalog.js';

export type * from '../../queries/catalog.js';

export const listDepartments = read(sqlite.listDepartments, pg.listDepartmentsPg);
export const listSubjects = read(sqlite.listSubjects, pg.listSubjectsPg);
export const insertDepartment = write(sqlite.insertDepartment, pg.insertDepartmentPg);
export const updateDepartment = write(sqlite.updateDepartment, pg.updateDepartmentPg);
export const insertSubject = write(sqlite.insertSubject, pg.insertSubjectPg);
export const updateSubject = write(sqlite.updateSubject, pg.updateSubjectPg);
export const getDepartment = read(sqlite.getDepartment, pg.getDepartmentPg);
export const portalDepartments = read(sqlite.portalDepartments, pg.portalDepartmentsPg);
export const portalSubjects = read(sqlite.portalSubjects, pg.portalSubjectsPg);
export const isPortalDepartment = read(sqlite.isPortalDepartment, pg.isPortalDepartmentPg);
export const isPortalSubject = read(sqlite.isPortalSubject, pg.isPortalSubjectPg);
