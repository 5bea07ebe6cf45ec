import { getOrCreateSecret as readOrCreate } from './queries/settings.js';
import type { Database } from './database.js';

type SecretName = Parameters<typeof readOrCreate>[1];

/** Per connection (the SQLite writer, the PostgreSQL pool): secrets already known to be stored. */
const known = new WeakMap<object, Map<SecretName, string>>();

/**
 * The signing secrets (rating links, reply addresses, file links) are made once and never change, but
 * making one is a write: every ticket page asked the group commit (and waited for its fsync) to learn
 * a value it had read a thousand times. A secret read or created outside a transaction is committed,
 * so it is remembered for the life of the process; one created inside a transaction is not (the
 * transaction may still roll back).
 */
export async function getOrCreateSecret(db: Database, name: SecretName): Promise<string> {
  const connection = db.engine === 'sqlite' ? db.writer : db.pg;
  const cached = known.get(connection)?.get(name);
  if (cached !== undefined) return cached;
  const secret = await readOrCreate(db, name);
  if (!db.inTransaction) {
    let forConnection = known.get(connection);
    if (!forConnection) known.set(connection, (forConnection = new Map()));
    forConnection.set(name, secret);
  }
  return secret;
}
