import { closeDatabase, integrityCheck, messageBodiesOf, openDatabase } from '@atende/db';
import { closePgDatabase, messageBodiesOfPg, openPgDatabase } from '@atende/db/pg';
import { createEmptyPgTestDatabase } from '@atende/db/pg/testing';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { client, realServer, type RealServer } from './server-process.js';

/**
 * kill -9 under write load: every reply that got a 2xx must be in the database after the restart, and the
 * database must pass integrity_check. Several cycles, killed at random moments. On both engines: the
 * embedded SQLite file, and PostgreSQL (DATABASE_URL; the server that dies is Atende, not PostgreSQL).
 */

const CYCLES = Number(process.env.CRASH_CYCLES ?? 6);
let server: RealServer | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
afterAll(async () => {
  await server?.stop();
  await dropDatabase?.();
});

describe.each(['sqlite', 'postgresql'] as const)('crash test on %s (kill -9 under write load)', (engine) => {
  it(`loses no acknowledged write over ${CYCLES} kills`, async () => {
    await server?.stop();
    const database = engine === 'postgresql' ? await createEmptyPgTestDatabase() : null;
    dropDatabase = database?.drop;
    server = await realServer(database ? { databaseUrl: database.url } : {});
    await server.start();
    const carla = client(server.origin);
    const agent = client(server.origin);
    await carla.signIn('cliente@example.com');
    await agent.signIn('agente@example.com');
    const mine = (await carla.call('GET', '/api/customer/tickets?tab=all')).json.items as { id: number }[];
    const customerTickets = mine.slice(0, 4).map((t) => t.id);
    const all = (await agent.call('GET', '/api/agent/tickets')).json.items as { id: number }[];
    const agentTickets = all.map((t) => t.id).filter((id) => !customerTickets.includes(id)).slice(0, 4);

    const acknowledged = new Map<number, string[]>(); // ticket → bodies answered with 2xx
    let sequence = 0;
    let refused = 0;

    /** One writer per ticket: reply, learn the new version from the answer, reply again, until cut off. */
    async function writer(who: ReturnType<typeof client>, ticketId: number, path: string, extra: object, running: () => boolean) {
      let version: number | null = null;
      while (running()) {
        try {
          if (version === null) {
            const detailPath = path.startsWith('/api/customer') ? `/api/customer/tickets/${ticketId}` : `/api/agent/tickets/${ticketId}`;
            version = (await who.call('GET', detailPath)).json.ticket.version as number;
          }
          const body = `carga ${ticketId} #${sequence++}`;
          const response = await who.call('POST', path, { body, expectedVersion: version, ...extra });
          if (response.status >= 200 && response.status < 300) {
            acknowledged.set(ticketId, [...(acknowledged.get(ticketId) ?? []), body]);
            version = response.json.ticket.version;
            onAcknowledged();
          } else {
            refused += 1;
            version = null; // a conflict or refusal: read the ticket again
          }
        } catch {
          return; // the server died mid-request: this write was never acknowledged
        }
      }
    }

    const countAcknowledged = () => [...acknowledged.values()].reduce((sum, bodies) => sum + bodies.length, 0);
    let onAcknowledged = () => {};
    /** Resolves once `target` writes have been answered with a 2xx (each writer calls onAcknowledged). */
    const acknowledgedReach = (target: number) =>
      new Promise<void>((done) => {
        onAcknowledged = () => {
          if (countAcknowledged() >= target) done();
        };
        onAcknowledged();
      });

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let alive = true;
      const writers = [
        ...customerTickets.map((id) => writer(carla, id, `/api/customer/tickets/${id}/replies`, {}, () => alive)),
        ...agentTickets.map((id) => writer(agent, id, `/api/agent/tickets/${id}/messages`, { visibility: 'internal' }, () => alive)),
      ];
      // A random moment under load, counted in acknowledged writes, not in milliseconds: on a loaded
      // machine a time window may see no write at all, and the test would prove nothing.
      await acknowledgedReach(countAcknowledged() + 10 + Math.floor(Math.random() * 20));
      await server.kill9();
      alive = false;
      await Promise.all(writers);
      await server.start();
    }
    await server.stop();

    const storedBodies = database ? await bodiesOnPostgres(database.url) : bodiesOnSqlite(join(server.dataDir, 'atende.db'));
    let total = 0;
    for (const [ticketId, bodies] of acknowledged) {
      const stored = new Set(await storedBodies(ticketId));
      expect(bodies.filter((b) => !stored.has(b)), `ticket ${ticketId}`).toEqual([]);
      total += bodies.length;
    }
    await storedBodies.close();
    console.log(`crash test on ${engine}: ${CYCLES} kills, ${total} acknowledged writes, 0 lost; ${refused} refused`);
    expect(total).toBeGreaterThan(CYCLES * 10);
  }, 900_000); // an upper bound for a loaded machine: each cycle restarts a real server
});

/** The SQLite file after the crashes: it must pass integrity_check, then its message bodies are read. */
function bodiesOnSqlite(file: string) {
  const db = openDatabase(file);
  expect(integrityCheck(db)).toBe('ok');
  return Object.assign((ticketId: number) => Promise.resolve(messageBodiesOf(db, ticketId)), { close: () => Promise.resolve(closeDatabase(db)) });
}

async function bodiesOnPostgres(url: string) {
  const db = openPgDatabase(url, { max: 1 });
  return Object.assign((ticketId: number) => messageBodiesOfPg(db, ticketId), { close: () => closePgDatabase(db) });
}
