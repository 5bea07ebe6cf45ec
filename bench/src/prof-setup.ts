// scratch: not committed
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, generateBenchDataset, insertSession, migrateDatabase, openDatabase } from '@atende/db';
import { copyDatasetToPostgres } from './postgres.js';
const dir = process.argv[2]!;
const db = openDatabase(join(dir, 'atende.db'));
migrateDatabase(db);
const now = Date.now();
const tickets = Number(process.argv[3] ?? 10000);
const dataset = generateBenchDataset(db, { tickets, contacts: Math.max(100, tickets / 10), companies: Math.max(20, tickets / 50), heavyTickets: 2000, threadMessages: 50, now });
const cookies: Record<string, string> = {};
for (const [as, actorKind, actorId] of [['heavy', 'contact', dataset.heavyContactId], ['typical', 'contact', dataset.typicalContactId], ['agent', 'agent', dataset.agentId]] as const) {
  const token = randomBytes(32).toString('base64url');
  insertSession(db, { tokenHash: createHash('sha256').update(token).digest('hex'), actorKind, actorId, createdAt: now, lastSeenAt: now, expiresAt: now + 48 * 3_600_000 });
  cookies[as] = `__Host-atende_session=${token}`;
}
closeDatabase(db);
const pg = await copyDatasetToPostgres(join(dir, 'atende.db'));
writeFileSync(join(dir, 'info.json'), JSON.stringify({ cookies, dataset, pgUrl: pg.url }, null, 1));
console.log(JSON.stringify({ cookies, pgUrl: pg.url, thread: dataset }));
