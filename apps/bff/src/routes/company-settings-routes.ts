import { companySettingsInput, nationalHolidaysQuery } from '@atende/contracts';
import { brazilianNationalHolidays } from '@atende/domain';
import { getCompanySettings, saveCompanySettings, serialize, transaction } from '@atende/db/store';
import { Hono } from 'hono';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/**
 * The company's clock (admins): time zone, business days and hours, holidays; and the year's Brazilian
 * national holidays to add in one click. A change is one audit entry with before and after.
 */
export function companySettingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json(await getCompanySettings(c.get('deps').db), 200))
    .get('/national-holidays', validate('query', nationalHolidaysQuery), (c) => c.json({ holidays: brazilianNationalHolidays(c.req.valid('query').year) }, 200))
    .put('/', validate('json', companySettingsInput), async (c) => {
      const { db } = c.get('deps');
      const input = c.req.valid('json');
      const after = { ...input, businessDays: [...new Set(input.businessDays)].sort(), holidays: [...new Set(input.holidays)].sort() };
      // Read and written in one step, so the audit entry's "before" is what this save replaced.
      const before = await transaction(db, async (tx) => {
        await serialize(tx, 'settings:company');
        const before = await getCompanySettings(tx);
        await saveCompanySettings(tx, after);
        return before;
      });
      await audit(c, 'settings_changed', { details: { group: 'company', before, after } });
      return c.json(after, 200);
    });
}
