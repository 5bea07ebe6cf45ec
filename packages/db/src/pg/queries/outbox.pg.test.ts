import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueMail,
  firstMailMessageIdOfTicket,
  getOutboxMail,
  listOutbox,
  markMailFailed,
  markMailSent,
  outboxForTicket,
  ticketOfSentMessageId,
  type NewOutboxMail,
} from '../../queries/outbox.js';
import { closePgDatabase, openPgDatabase, type PgDb } from '../client.js';
import { createDemoDatabasesOnBothEngines, createPgTestDatabase, seedPgBasics } from '../testing.js';
import { tableOnBothEngines } from '../twin-testing.js';
import {
  claimDueMailPg,
  enqueueMailPg,
  firstMailMessageIdOfTicketPg,
  getOutboxMailPg,
  listOutboxPg,
  markMailFailedPg,
  markMailSentPg,
  outboxForTicketPg,
  ticketOfSentMessageIdPg,
} from './outbox.js';

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

describe('the mailbox and delivery bookkeeping on PostgreSQL answer as on SQLite', () => {
  let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;
  beforeAll(async () => {
    both = await createDemoDatabasesOnBothEngines(NOW);
  });
  afterAll(() => both?.dispose());

  async function onBoth<T>(sqlite: () => T, pg: () => Promise<T>): Promise<T> {
    const expected = sqlite();
    expect(await pg()).toEqual(expected);
    return expected;
  }

  it('lists, reads, threads and marks the same e-mails', async () => {
    const [t1, t2, t3] = both.sqlite.$client.prepare('SELECT id FROM tickets ORDER BY id LIMIT 3').pluck().all() as number[];
    const mails = [
      { ...mail('t1:a'), ticketId: t1! },
      { ...mail('t2:a'), ticketId: t2! },
      { ...mail('t1:b'), ticketId: t1!, sourceMessageId: 1 },
      mail('no-ticket'),
      { ...mail('t1:c'), ticketId: t1! },
    ];
    for (const m of mails) await onBoth(() => enqueueMail(both.sqlite, m, NOW), () => enqueueMailPg(both.pg, m, NOW));
    const page = await onBoth(() => listOutbox(both.sqlite, { beforeId: null, limit: 3 }), () => listOutboxPg(both.pg, { beforeId: null, limit: 3 }));
    expect(page).toHaveLength(3);
    await onBoth(() => listOutbox(both.sqlite, { beforeId: page.at(-1)!.id, limit: 3 }), () => listOutboxPg(both.pg, { beforeId: page.at(-1)!.id, limit: 3 }));
    for (const id of [page[0]!.id, 999_999]) await onBoth(() => getOutboxMail(both.sqlite, id), () => getOutboxMailPg(both.pg, id));
    for (const ticketId of [t1!, t3!]) {
      await onBoth(() => outboxForTicket(both.sqlite, ticketId), () => outboxForTicketPg(both.pg, ticketId));
      await onBoth(() => firstMailMessageIdOfTicket(both.sqlite, ticketId), () => firstMailMessageIdOfTicketPg(both.pg, ticketId));
    }
    const t2Mail = outboxForTicket(both.sqlite, t2!)[0]!;
    for (const ids of [[], ['<nada@x>'], ['<nada@x>', t2Mail.messageId]]) {
      await onBoth(() => ticketOfSentMessageId(both.sqlite, ids), () => ticketOfSentMessageIdPg(both.pg, ids));
    }
    expect(await ticketOfSentMessageIdPg(both.pg, [t2Mail.messageId])).toBe(t2);

    const [sent, retried, failed] = page.map((m) => m.id);
    await onBoth(() => markMailSent(both.sqlite, sent!, NOW + 1), () => markMailSentPg(both.pg, sent!, NOW + 1));
    // A sent e-mail is no longer pending: a late failure report changes nothing.
    await onBoth(() => markMailFailed(both.sqlite, sent!, { now: NOW + 2, error: 'tarde', retryAt: NOW + 5 }), () => markMailFailedPg(both.pg, sent!, { now: NOW + 2, error: 'tarde', retryAt: NOW + 5 }));
    const longError = `550 recusado ${'é'.repeat(1200)}`;
    await onBoth(() => markMailFailed(both.sqlite, retried!, { now: NOW + 2, error: longError, retryAt: NOW + 60_000 }), () => markMailFailedPg(both.pg, retried!, { now: NOW + 2, error: longError, retryAt: NOW + 60_000 }));
    await onBoth(() => markMailFailed(both.sqlite, failed!, { now: NOW + 3, error: 'caixa inexistente', retryAt: null }), () => markMailFailedPg(both.pg, failed!, { now: NOW + 3, error: 'caixa inexistente', retryAt: null }));
    await onBoth(() => markMailSent(both.sqlite, failed!, NOW + 4), () => markMailSentPg(both.pg, failed!, NOW + 4));
    const rows = await tableOnBothEngines(both, 'outbox');
    expect(rows.pg).toEqual(rows.sqlite);
    expect((await getOutboxMailPg(both.pg, retried!))!.lastError).toHaveLength(1000);
    expect((await getOutboxMailPg(both.pg, failed!))!.status).toBe('failed');
  });
});
