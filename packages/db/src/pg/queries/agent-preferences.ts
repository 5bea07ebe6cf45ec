import { eq } from 'drizzle-orm';
import type { PgExecutor } from '../executor.js';
import { agents } from '../schema.js';

/** queries/agent-preferences.ts on PostgreSQL. pt-BR for an unknown id, as there. */
export async function getAgentLanguagePg(db: PgExecutor, agentId: number): Promise<'pt-BR' | 'en'> {
  const [row] = await db.select({ language: agents.language }).from(agents).where(eq(agents.id, agentId));
  return row?.language ?? 'pt-BR';
}

export async function saveAgentLanguagePg(db: PgExecutor, agentId: number, language: 'pt-BR' | 'en'): Promise<void> {
  await db.update(agents).set({ language }).where(eq(agents.id, agentId));
}
