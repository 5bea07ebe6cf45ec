import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePgDatabase, openPgDatabase, type PgDb } from '../client.js';
import { createPgTestDatabase, seedPgBasics } from '../testing.js';
import { acquireLeasePg, releaseLeasePg } from './leases.js';
import { deleteExpiredSessionsPg, deleteSessionPg, findSessionWithAccountPg, insertSessionPg, touchSessionPg } from './sessions.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let db: PgDb;
/** A second connection pool on the same database: another BFF instance. */
let otherInstance: PgDb;
let basics: Awaited<ReturnType<typeof seedPgBasics>>;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const created = await createPgTestDatabase();
  db = created.db;
  otherInstance = openPgDatabase(created.url, { max: 4 });
  dispose = async () => {
    await closePgDatabase(otherInstance);
    await created.dispose();
  };
  basics = await seedPgBasics(db, NOW);
});
afterAll(() => dispose?.());

describe('sessions on PostgreSQL', () => {
  it('a session made on one instance is valid on the other, with its account, until signed out', async () => {
    await insertSessionPg(db, { tokenHash: 'hash-a', actorKind: 'contact', actorId: basics.contactId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + 1000 });
    await insertSessionPg(db, { tokenHash: 'hash-b', actorKind: 'agent', actorId: basics.agentId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + 1000 });

    const contact = await findSessionWithAccountPg(otherInstance, 'hash-a');
    expect(contact).toMatchObject({ actorKind: 'contact', actorId: basics.contactId, expiresAt: NOW + 1000, account: { name: 'Cliente', active: true, role: null } });
    expect((await findSessionWithAccountPg(otherInstance, 'hash-b'))?.account).toEqual({ name: 'Agente', active: true, role: 'agent' });

    await touchSessionPg(otherInstance, 'hash-a', NOW + 5);
    expect((await findSessionWithAccountPg(db, 'hash-a'))?.lastSeenAt).toBe(NOW + 5);

    await deleteSessionPg(otherInstance, 'hash-a');
    expect(await findSessionWithAccountPg(db, 'hash-a')).toBeNull();
    expect(await deleteExpiredSessionsPg(db, NOW + 1001)).toBe(1);
    expect(await findSessionWithAccountPg(db, 'hash-b')).toBeNull();
  });
});

describe('leases on PostgreSQL', () => {
  it('two instances racing for the automation lease: exactly one holds it until it lapses', async () => {
    const take = (on: PgDb, holder: string, now: number) => acquireLeasePg(on, { name: 'automations', holder, now, ttlMs: 60_000 });
    const won = await Promise.all(Array.from({ length: 6 }, (_, i) => take(i % 2 ? otherInstance : db, `instance-${i}`, NOW)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = `instance-${won.indexOf(true)}`;
    const other = holder === 'instance-0' ? 'instance-1' : 'instance-0';

    expect(await take(db, other, NOW + 59_999)).toBe(false);
    expect(await take(db, holder, NOW + 30_000)).toBe(true); // the holder renews
    expect(await take(otherInstance, other, NOW + 90_001)).toBe(true); // lapsed: taken over
    await releaseLeasePg(db, { name: 'automations', holder }); // a stale holder's release changes nothing
    expect(await take(db, holder, NOW + 90_002)).toBe(false);
    await releaseLeasePg(db, { name: 'automations', holder: other });
    expect(await take(db, holder, NOW + 90_003)).toBe(true);
  });
});
