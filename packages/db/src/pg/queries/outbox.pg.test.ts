import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewOutboxMail } from '../../queries/outbox.js';
import { closePgDatabase, openPgDatabase, type PgDb } from '../client.js';
import { createPgTestDatabase, seedPgBasics } from '../testing.js';
import { claimDueMailPg, enqueueMailPg } from './outbox.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let db: PgDb;
/** A second connection pool on the same database: another BFF instance. */
let otherInstance: PgDb;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const created = await createPgTestDatabase();
  db = created.db;
  otherInstance = openPgDatabase(created.url, { max: 4 });
  dispose = async () => {
    await closePgDatabase(otherInstance);
    await created.dispose();
  };
  await seedPgBasics(db, NOW);
});
afterAll(() => dispose?.());

const mail = (dedupeKey: string): NewOutboxMail => ({
  dedupeKey,
  messageDomain: 'atende.test',
  ticketId: null,
  kind: 'reminder',
  toAddress: 'cliente@example.com',
  replyTo: null,
  subject: 'Lembrete',
  textBody: 'Olá',
  htmlBody: '<p>Olá</p>',
});

const count = async (sql: string, params: unknown[] = []) => (await db.$client.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('outbox on PostgreSQL', () => {
  it('records an e-mail once however many runs on two instances enqueue it at the same moment (ON CONFLICT on dedupe_key)', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? otherInstance : db).transaction((tx) => enqueueMailPg(tx, mail('reminder:42:1'), NOW))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE dedupe_key = 'reminder:42:1'`)).toBe(1);
  });

  it('two relays claiming at once take disjoint messages and together all the due ones (FOR UPDATE SKIP LOCKED)', async () => {
    for (let i = 0; i < 10; i++) await enqueueMailPg(db, mail(`claim:${i}`), NOW);
    const due = await count(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`);
    const [a, b] = await Promise.all([
      claimDueMailPg(db, { now: NOW + 1, leaseMs: 60_000, limit: Math.ceil(due / 2) }),
      claimDueMailPg(otherInstance, { now: NOW + 1, leaseMs: 60_000, limit: Math.ceil(due / 2) }),
    ]);
    const ids = [...a!, ...b!].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(due);
    // Claimed rows are leased: a third claim meanwhile finds nothing, and after the lease they come back.
    expect(await claimDueMailPg(db, { now: NOW + 2, leaseMs: 60_000, limit: 100 })).toEqual([]);
    expect(await claimDueMailPg(db, { now: NOW + 60_002, leaseMs: 60_000, limit: 100 })).toHaveLength(due);
  });
});
