import { DEFAULT_PORTAL_POLICY, type PortalPolicy } from '@atende/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { settings } from '../schema.js';

export type PortalSettings = PortalPolicy;

export function getPortalSettings(db: Db): PortalSettings {
  const row = db.select().from(settings).where(eq(settings.key, 'portal')).get();
  return { ...DEFAULT_PORTAL_POLICY, ...((row?.value as Partial<PortalSettings> | undefined) ?? {}) };
}

export function savePortalSettings(db: Db, value: PortalSettings): void {
  db.insert(settings).values({ key: 'portal', value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
