import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts } from '../schema.js';

/** A contact's language and which ticket e-mails they want (issue 15). Security e-mails are not listed: always sent. */
export interface ContactPreferences {
  language: 'pt-BR' | 'en';
  notifyUpdates: boolean;
  notifyReminders: boolean;
  notifyRatingRequests: boolean;
}

const columns = { language: contacts.language, notifyUpdates: contacts.notifyUpdates, notifyReminders: contacts.notifyReminders, notifyRatingRequests: contacts.notifyRatingRequests };

export function getContactPreferences(db: Db, contactId: number): ContactPreferences | null {
  return db.select(columns).from(contacts).where(eq(contacts.id, contactId)).get() ?? null;
}

export function saveContactPreferences(db: Db, contactId: number, preferences: ContactPreferences): void {
  db.update(contacts).set(preferences).where(eq(contacts.id, contactId)).run();
}
