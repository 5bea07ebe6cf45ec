import { randomBytes } from 'node:crypto';
import { DEFAULT_SLA_POLICY } from '@atende/domain';
import { eq, sql } from 'drizzle-orm';
import {
  DEFAULT_AUTOMATION_SETTINGS,
  DEFAULT_COMPANY_SETTINGS,
  DEFAULT_PORTAL_SETTINGS,
  DEFAULT_SIGN_IN_SETTINGS,
  type AutomationSettings,
  type CompanySettings,
  type PortalSettings,
  type SignInSettings,
  type SlaSettings,
} from '../../queries/settings.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { settings } from '../schema.js';

/**
 * queries/settings.ts on PostgreSQL: rows of key → jsonb, typed and defaulted by the same defaults
 * (imported from the SQLite module, so both engines fill in the same values). jsonb keeps the values,
 * not the key order of a stored object: equal values, nested keys possibly in another order.
 */
async function readSetting<T extends object>(db: PgExecutor, key: string, defaults: T): Promise<T> {
  const query = builtOnce(db, 'readSetting', () => db.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare(UNNAMED));
  const [row] = await query.execute({ key });
  return { ...defaults, ...((row?.value as Partial<T> | undefined) ?? {}) };
}

async function writeSetting(db: PgExecutor, key: string, value: object): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

export async function getPortalSettingsPg(db: PgExecutor): Promise<PortalSettings> {
  return readSetting(db, 'portal', DEFAULT_PORTAL_SETTINGS);
}

export async function savePortalSettingsPg(db: PgExecutor, value: PortalSettings): Promise<void> {
  await writeSetting(db, 'portal', value);
}

export async function getCompanySettingsPg(db: PgExecutor): Promise<CompanySettings> {
  return readSetting(db, 'company', DEFAULT_COMPANY_SETTINGS);
}

export async function saveCompanySettingsPg(db: PgExecutor, value: CompanySettings): Promise<void> {
  await writeSetting(db, 'company', value);
}

/**
 * Instances starting at once each insert a candidate; ON CONFLICT DO NOTHING keeps the first committed
 * one (a racer waits for it) and every instance then reads that one, so all sign alike.
 */
export async function getOrCreateSecretPg(db: PgExecutor, name: string): Promise<string> {
  const key = `secret:${name}`;
  await db.insert(settings).values({ key, value: { secret: randomBytes(32).toString('base64url') } }).onConflictDoNothing();
  const query = builtOnce(db, 'readSetting', () => db.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare(UNNAMED));
  const [row] = await query.execute({ key });
  return (row!.value as { secret: string }).secret;
}

export async function getAutomationSettingsPg(db: PgExecutor): Promise<AutomationSettings> {
  return readSetting(db, 'automation', DEFAULT_AUTOMATION_SETTINGS);
}

export async function saveAutomationSettingsPg(db: PgExecutor, value: AutomationSettings): Promise<void> {
  await writeSetting(db, 'automation', value);
}

export async function getSlaSettingsPg(db: PgExecutor): Promise<SlaSettings> {
  const stored = await readSetting<SlaSettings>(db, 'sla', DEFAULT_SLA_POLICY);
  return {
    firstResponseHours: { ...DEFAULT_SLA_POLICY.firstResponseHours, ...stored.firstResponseHours },
    nextResponseHours: { ...DEFAULT_SLA_POLICY.nextResponseHours, ...stored.nextResponseHours },
  };
}

export async function saveSlaSettingsPg(db: PgExecutor, value: SlaSettings): Promise<void> {
  await writeSetting(db, 'sla', value);
}

export async function getSignInSettingsPg(db: PgExecutor): Promise<SignInSettings> {
  return readSetting(db, 'sign_in', DEFAULT_SIGN_IN_SETTINGS);
}

export async function saveSignInSettingsPg(db: PgExecutor, value: SignInSettings): Promise<void> {
  await writeSetting(db, 'sign_in', value);
}
