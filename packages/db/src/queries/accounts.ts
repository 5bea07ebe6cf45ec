import { eq, sql } from 'drizzle-orm';
import type { AgentRole } from '@atende/domain';
import type { Db } from '../client.js';
import { agents, contacts } from '../schema.js';
import { cached } from './prepared.js';

/** `language` (issue 15): what the account's e-mails are written in; contacts and agents each keep their own. */
export type Account =
  | { kind: 'contact'; id: number; name: string; email: string; passwordHash: string | null; active: boolean; companyId: number | null; language: 'pt-BR' | 'en' }
  | { kind: 'agent'; id: number; name: string; email: string; passwordHash: string | null; active: boolean; role: AgentRole; language: 'pt-BR' | 'en' };

/** E-mails are compared lower-cased; staff accounts take precedence over a contact with the same e-mail. */
export function findAccountByEmail(db: Db, email: string): Account | null {
  const normalized = email.trim().toLowerCase();
  const agent = db.select().from(agents).where(eq(agents.email, normalized)).get();
  if (agent) return { kind: 'agent', ...agent };
  const contact = db.select().from(contacts).where(eq(contacts.email, normalized)).get();
  if (contact) return { kind: 'contact', ...contact };
  return null;
}

export function findAccount(db: Db, kind: 'contact' | 'agent', id: number): Account | null {
  // Read for every e-mail a ticket change sends (its recipient): prepared once.
  if (kind === 'agent') {
    const agent = cached(db, 'findAccount:agent', () => db.select().from(agents).where(eq(agents.id, sql.placeholder('id'))).prepare()).get({ id });
    return agent ? { kind: 'agent', ...agent } : null;
  }
  const contact = cached(db, 'findAccount:contact', () => db.select().from(contacts).where(eq(contacts.id, sql.placeholder('id'))).prepare()).get({ id });
  return contact ? { kind: 'contact', ...contact } : null;
}

export function isAgentActive(db: Db, agentId: number): boolean {
  const query = cached(db, 'isAgentActive', () => db.select({ active: agents.active }).from(agents).where(eq(agents.id, sql.placeholder('agentId'))).prepare());
  return query.get({ agentId })?.active ?? false;
}

export function listActiveAgents(db: Db): { id: number; name: string }[] {
  return db.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.active, true)).orderBy(agents.name).all();
}
