import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts } from '../schema.js';
import { getAgentLanguage } from './agent-preferences.js';
import { cached } from './prepared.js';

/** A contact's language and which ticket e-mails they want (issue 15). Security e-mails are not listed: always sent. */
export interface ContactPreferences {
  language: 'pt-BR' | 'en';
  notifyUpdates: boolean;
  notifyReminders: boolean;
  notifyRatingRequests: boolean;
}

const columns = { language: contacts.language, notifyUpdates: contacts.notifyUpdates, notifyReminders: contacts.notifyReminders, notifyRatingRequests: contacts.notifyRatingRequests };

export function getContactPreferences(db: Db, contactId: number): ContactPreferences | null {
  // Read for every ticket e-mail (each automatic closing, reminder and reply): built and prepared once.
  const query = cached(db, 'getContactPreferences', () => db.select(columns).from(contacts).where(eq(contacts.id, sql.placeholder('contactId'))).prepare());
  return query.get({ contactId }) ?? null;
}

export function saveContactPreferences(db: Db, contactId: number, preferences: ContactPreferences): void {
  db.update(contacts).set(preferences).where(eq(contacts.id, contactId)).run();
}

/** The language an account's e-mails are written in: the contact's or the agent's own choice (issue 15). */
export function accountLanguage(db: Db, account: { kind: 'contact' | 'agent'; id: number }): 'pt-BR' | 'en' {
  if (account.kind === 'agent') return getAgentLanguage(db, account.id);
  return db.select({ language: contacts.language }).from(contacts).where(eq(contacts.id, account.id)).get()?.language ?? 'pt-BR';
}
