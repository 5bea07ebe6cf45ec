import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents } from '../schema.js';

/** An agent's (or admin's) language: the console's, and every e-mail to them (issue 15). pt-BR for an unknown id. */
export function getAgentLanguage(db: Db, agentId: number): 'pt-BR' | 'en' {
  return db.select({ language: agents.language }).from(agents).where(eq(agents.id, agentId)).get()?.language ?? 'pt-BR';
}

export function saveAgentLanguage(db: Db, agentId: number, language: 'pt-BR' | 'en'): void {
  db.update(agents).set({ language }).where(eq(agents.id, agentId)).run();
}
