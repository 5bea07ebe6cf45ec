import { departmentInput, portalSettingsInput, subjectInput, ticketIdParam } from '@atende/contracts';
import {
  getDepartment,
  getPortalSettings,
  insertDepartment,
  insertSubject,
  listDepartments,
  listSubjects,
  savePortalSettings,
  serialize,
  transaction,
  updateDepartment,
  updateSubject,
  type Database,
} from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/app-error.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** The id in a path; the ticket id schema is the same shape. */
const idParam = ticketIdParam;

async function checkDefaultDepartment(db: Database, id: number | null) {
  if (id !== null && !await getDepartment(db, id)) {
    throw new AppError('validation_failed', { fields: { defaultDepartmentId: 'Departamento desconhecido.' } });
  }
}

/** The admin console: what the portal offers (departments, subjects) and its switches. Changes apply at once. */
export function adminRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/portal-settings', async (c) => c.json({ settings: await getPortalSettings(c.get('deps').db) }, 200))
    .put('/portal-settings', validate('json', portalSettingsInput), async (c) => {
      const { db } = c.get('deps');
      // The form may leave the sign-up switch out (unchanged): merged with the stored value, so the read
      // and the write are one step, or a switch saved meanwhile by another admin would be undone.
      const { before, after } = await transaction(db, async (tx) => {
        await serialize(tx, 'settings:portal');
        const before = await getPortalSettings(tx);
        await savePortalSettings(tx, { ...before, ...c.req.valid('json') });
        return { before, after: await getPortalSettings(tx) };
      });
      // Every settings change is one audit entry: who, and the values before and after.
      await audit(c, 'settings_changed', { details: { group: 'portal', before, after } });
      return c.json({ settings: after }, 200);
    })
    .get('/departments', async (c) => c.json({ departments: await listDepartments(c.get('deps').db) }, 200))
    .post('/departments', validate('json', departmentInput), async (c) => {
      const department = await insertDepartment(c.get('deps').db, c.req.valid('json'));
      await audit(c, 'settings_changed', { details: { group: 'department', before: null, after: department } });
      return c.json({ department }, 201);
    })
    .put('/departments/:id', validate('param', idParam), validate('json', departmentInput), async (c) => {
      const id = c.req.valid('param').id;
      // Read with the write, so the audit entry's "before" is what this edit replaced.
      const { before, department } = await transaction(c.get('deps').db, async (tx) => {
        await serialize(tx, `department:${id}`);
        return { before: await getDepartment(tx, id), department: await updateDepartment(tx, id, c.req.valid('json')) };
      });
      if (!department) throw new AppError('not_found');
      await audit(c, 'settings_changed', { details: { group: 'department', before, after: department } });
      return c.json({ department }, 200);
    })
    .get('/subjects', async (c) => c.json({ subjects: await listSubjects(c.get('deps').db) }, 200))
    .post('/subjects', validate('json', subjectInput), async (c) => {
      const input = c.req.valid('json');
      await checkDefaultDepartment(c.get('deps').db, input.defaultDepartmentId);
      const subject = await insertSubject(c.get('deps').db, input);
      await audit(c, 'settings_changed', { details: { group: 'subject', before: null, after: subject } });
      return c.json({ subject }, 201);
    })
    .put('/subjects/:id', validate('param', idParam), validate('json', subjectInput), async (c) => {
      const input = c.req.valid('json');
      await checkDefaultDepartment(c.get('deps').db, input.defaultDepartmentId);
      const id = c.req.valid('param').id;
      // Read with the write, so the audit entry's "before" is what this edit replaced.
      const { before, subject } = await transaction(c.get('deps').db, async (tx) => {
        await serialize(tx, `subject:${id}`);
        return { before: (await listSubjects(tx)).find((s) => s.id === id) ?? null, subject: await updateSubject(tx, id, input) };
      });
      if (!subject) throw new AppError('not_found');
      await audit(c, 'settings_changed', { details: { group: 'subject', before, after: subject } });
      return c.json({ subject }, 200);
    });
}
