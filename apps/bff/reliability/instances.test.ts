import { closePgDatabase, messageBodiesOfPg, openPgDatabase } from '@atende/db/pg';
import { createEmptyPgTestDatabase } from '@atende/db/pg/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { client, realServer, type RealServer } from './server-process.js';

/**
 * Two Atende processes on one PostgreSQL (issue 16), requests spread over both, then one is killed
 * with kill -9 in the middle of the load: the other keeps answering, and every write either answered
 * with a 2xx is in the database afterwards.
 */
let servers: RealServer[] = [];
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  for (const server of servers) await server.stop();
  await drop?.();
});

describe('two instances, one killed under load (PostgreSQL)', () => {
  it('the survivor keeps serving and no acknowledged write is lost', async () => {
    const database = await createEmptyPgTestDatabase();
    drop = database.drop;
    const shared = mkdtempSync(join(tmpdir(), 'atende-instances-'));
    const a = await realServer({ databaseUrl: database.url, dataDir: shared });
    const b = await realServer({ databaseUrl: database.url, dataDir: shared });
    servers = [a, b];
    await a.start(); // the first seeds the demo data
    await b.start();

    const onA = client(a.origin);
    const onB = client(b.origin);
    await onA.signIn('agente@example.com');
    await onB.signIn('agente2@example.com');
    const tickets = ((await onA.call('GET', '/api/agent/tickets')).json.items as { id: number }[]).map((t) => t.id).slice(0, 6);

    const acknowledged = new Map<number, string[]>();
    const afterKill = { onB: 0 };
    let killed = false;
    let sequence = 0;
    let waiters: (() => void)[] = [];
    const count = () => [...acknowledged.values()].reduce((n, bodies) => n + bodies.length, 0);
    const reach = (target: number) => new Promise<void>((done) => (count() >= target ? done() : waiters.push(() => count() >= target && done())));

    /** One writer per ticket, internal notes with the version learnt from each answer, until told to stop. */
    async function writer(who: ReturnType<typeof client>, ticketId: number, running: () => boolean, isB: boolean) {
      let version: number | null = null;
      while (running()) {
        try {
          version ??= (await who.call('GET', `/api/agent/tickets/${ticketId}`)).json.ticket.version as number;
          const body = `instâncias ${ticketId} #${sequence++}`;
          const response = await who.call('POST', `/api/agent/tickets/${ticketId}/messages`, { body, visibility: 'internal', expectedVersion: version });
          if (response.status >= 200 && response.status < 300) {
            acknowledged.set(ticketId, [...(acknowledged.get(ticketId) ?? []), body]);
            version = response.json.ticket.version;
            if (killed && isB) afterKill.onB += 1;
            for (const wake of waiters) wake();
          } else {
            version = null; // another instance wrote meanwhile (conflict): read again
          }
        } catch {
          if (!isB) return; // instance A died mid-request: this write was never acknowledged
          throw new Error('the surviving instance stopped answering');
        }
      }
    }

    let running = true;
    // Both instances write to the same tickets: conflicts between them are refused, never lost.
    const writers = tickets.flatMap((id) => [writer(onA, id, () => running && !killed, false), writer(onB, id, () => running, true)]);
    await reach(30);
    await a.kill9();
    killed = true;
    const atKill = count();
    // The survivor goes on: counted in acknowledged writes, not in seconds.
    await reach(atKill + 30);
    running = false;
    await Promise.all(writers);
    expect(afterKill.onB).toBeGreaterThanOrEqual(30);
    waiters = [];

    const db = openPgDatabase(database.url, { max: 1 });
    try {
      let total = 0;
      for (const [ticketId, bodies] of acknowledged) {
        const stored = new Set(await messageBodiesOfPg(db, ticketId));
        expect(bodies.filter((body) => !stored.has(body)), `ticket ${ticketId}`).toEqual([]);
        total += bodies.length;
      }
      console.log(`two instances: ${total} acknowledged writes (${afterKill.onB} on the survivor after the kill), 0 lost`);
    } finally {
      await closePgDatabase(db);
    }
  });
});
