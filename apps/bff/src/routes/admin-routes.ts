import { departmentInput, portalSettingsInput, subjectInput, ticketIdParam } from '@atende/contracts';
import {
  getDepartment,
  getPortalSettings,
  insertDepartment,
  insertSubject,
  listDepartments,
  listSubjects,
  savePortalSettings,
  updateDepartment,
  updateSubject,
  type Db,
} from '@atende/db';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/app-error.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** The id in a path; the ticket id schema is the same shape. */
const idParam = ticketIdParam;

function checkDefaultDepartment(db: Db, id: number | null) {
  if (id !== null && !getDepartment(db, id)) {
    throw new AppError('validation_failed', { fields: { defaultDepartmentId: 'Departamento desconhecido.' } });
  }
}

/** The admin console: what the portal offers (departments, subjects) and its switches. Changes apply at once. */
export function adminRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .use(async (c, next) => {
      await next();
      // Every settings change that took effect goes to the audit log, with what was asked.
      if (c.req.method !== 'GET' && c.res.status < 300) {
        audit(c, 'settings_changed', { details: { route: `${c.req.method} ${c.req.path}`, input: await c.req.json().catch(() => null) } });
      }
    })
    .get('/portal-settings', (c) => c.json({ settings: getPortalSettings(c.var.deps.db) }, 200))
    .put('/portal-settings', validate('json', portalSettingsInput), (c) => {
      const { db } = c.var.deps;
      savePortalSettings(db, { ...getPortalSettings(db), ...c.req.valid('json') });
      return c.json({ settings: getPortalSettings(db) }, 200);
    })
    .get('/departments', (c) => c.json({ departments: listDepartments(c.var.deps.db) }, 200))
    .post('/departments', validate('json', departmentInput), (c) => {
      return c.json({ department: insertDepartment(c.var.deps.db, c.req.valid('json')) }, 201);
    })
    .put('/departments/:id', validate('param', idParam), validate('json', departmentInput), (c) => {
      const department = updateDepartment(c.var.deps.db, c.req.valid('param').id, c.req.valid('json'));
      if (!department) throw new AppError('not_found');
      return c.json({ department }, 200);
    })
    .get('/subjects', (c) => c.json({ subjects: listSubjects(c.var.deps.db) }, 200))
    .post('/subjects', validate('json', subjectInput), (c) => {
      const input = c.req.valid('json');
      checkDefaultDepartment(c.var.deps.db, input.defaultDepartmentId);
      return c.json({ subject: insertSubject(c.var.deps.db, input) }, 201);
    })
    .put('/subjects/:id', validate('param', idParam), validate('json', subjectInput), (c) => {
      const input = c.req.valid('json');
      checkDefaultDepartment(c.var.deps.db, input.defaultDepartmentId);
      const subject = updateSubject(c.var.deps.db, c.req.valid('param').id, input);
      if (!subject) throw new AppError('not_found');
      return c.json({ subject }, 200);
    });
}
