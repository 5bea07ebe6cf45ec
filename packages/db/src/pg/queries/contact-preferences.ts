import { eq } from 'drizzle-orm';
import type { ContactPreferences } from '../../queries/contact-preferences.js';
import type { PgExecutor } from '../executor.js';
import { contacts } from '../schema.js';
import { getAgentLanguagePg } from './agent-preferences.js';

/** queries/contact-preferences.ts on PostgreSQL. */

const columns = { language: contacts.language, notifyUpdates: contacts.notifyUpdates, notifyReminders: contacts.notifyReminders, notifyRatingRequests: contacts.notifyRatingRequests };

export async function getContactPreferencesPg(db: PgExecutor, contactId: number): Promise<ContactPreferences | null> {
  const [row] = await db.select(columns).from(contacts).where(eq(contacts.id, contactId));
  return row ?? null;
}

export async function saveContactPreferencesPg(db: PgExecutor, contactId: number, preferences: ContactPreferences): Promise<void> {
  await db.update(contacts).set(preferences).where(eq(contacts.id, contactId));
}

export async function accountLanguagePg(db: PgExecutor, account: { kind: 'contact' | 'agent'; id: number }): Promise<'pt-BR' | 'en'> {
  if (account.kind === 'agent') return getAgentLanguagePg(db, account.id);
  const [row] = await db.select({ language: contacts.language }).from(contacts).where(eq(contacts.id, account.id));
  return row?.language ?? 'pt-BR';
}
