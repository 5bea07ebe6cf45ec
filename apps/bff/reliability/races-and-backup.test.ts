import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeDatabase, dataFingerprint, integrityCheck, openDatabase } from '@atende/db';
import { createEmptyPgTestDatabase } from '@atende/db/pg/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, realServer, type RealServer } from './server-process.js';
import { run } from './run-command.js';

let server: RealServer;
let carla: ReturnType<typeof client>;
let agent: ReturnType<typeof client>;
beforeAll(async () => {
  server = await realServer();
  await server.start();
  carla = client(server.origin);
  agent = client(server.origin);
  await carla.signIn('cliente@example.com');
  await agent.signIn('agente@example.com');
});
afterAll(() => server.stop());

const ok = (status: number) => status >= 200 && status < 300;

async function carlaTickets(tab: string) {
  return (await carla.call('GET', `/api/customer/tickets?tab=${tab}`)).json.items as { id: number }[];
}

describe.each(['sqlite', 'postgresql'] as const)('races against the real server on %s: each decision exactly once', (engine) => {
  let server: RealServer;
  let carla: ReturnType<typeof client>;
  let agent: ReturnType<typeof client>;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = engine === 'postgresql' ? await createEmptyPgTestDatabase() : null;
    drop = database?.drop;
    server = await realServer(database ? { databaseUrl: database.url } : {});
    await server.start();
    carla = client(server.origin);
    agent = client(server.origin);
    await carla.signIn('cliente@example.com');
    await agent.signIn('agente@example.com');
  });
  afterAll(async () => {
    await server.stop();
    await drop?.();
  });
  const carlaTickets = async (tab: string) => (await carla.call('GET', `/api/customer/tickets?tab=${tab}`)).json.items as { id: number }[];

  it('20 concurrent status changes on the same version: one wins, the others get `conflict`', async () => {
    const tickets = (await agent.call('GET', '/api/agent/tickets')).json.items.slice(0, 8) as { id: number }[];
    for (const { id } of tickets) {
      const before = (await agent.call('GET', `/api/agent/tickets/${id}`)).json;
      const version = before.ticket.version as number;
      // Statuses that need no agreed date, so every refusal can only be the lost race.
      const statuses = ['open', 'pending', 'resolved'].filter((s) => s !== before.ticket.status);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => agent.call('POST', `/api/agent/tickets/${id}/status`, { status: statuses[i % statuses.length], expectedVersion: version })),
      );
      expect(answers.filter((a) => ok(a.status)).length, `ticket ${id}`).toBe(1);
      expect(answers.filter((a) => !ok(a.status)).every((a) => a.json.code === 'conflict')).toBe(true);
      const after = (await agent.call('GET', `/api/agent/tickets/${id}`)).json;
      expect(after.ticket.version).toBe(version + 1);
      const changes = (history: { type: string }[]) => history.filter((e) => e.type === 'status_changed').length; // its e-mail and due date are logged too
      expect(changes(after.history)).toBe(changes(before.history) + 1); // one status change recorded, not twenty
    }
  });

  it('a customer reply racing agent replies and a close on one version: exactly one message is stored', async () => {
    const waiting = (await carlaTickets('awaiting_my_reply')).slice(0, 4);
    expect(waiting.length).toBeGreaterThan(0);
    for (const { id } of waiting) {
      const before = (await agent.call('GET', `/api/agent/tickets/${id}`)).json;
      const version = before.ticket.version as number;
      const answers = await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => carla.call('POST', `/api/customer/tickets/${id}/replies`, { body: `corrida ${i}`, expectedVersion: version })),
        ...Array.from({ length: 5 }, (_, i) => agent.call('POST', `/api/agent/tickets/${id}/messages`, { body: `resposta ${i}`, visibility: 'public', expectedVersion: version })),
        agent.call('POST', `/api/agent/tickets/${id}/status`, { status: 'closed', expectedVersion: version }),
      ]);
      expect(answers.filter((a) => ok(a.status)).length, `ticket ${id}`).toBe(1);
      const after = (await agent.call('GET', `/api/agent/tickets/${id}`)).json;
      expect(after.ticket.version).toBe(version + 1);
      expect(after.messages.length - before.messages.length).toBeLessThanOrEqual(1);
    }
  });
});

describe('online backup (pnpm db:backup) under load, and restore', () => {
  it('backs up while replies are written; the copy passes integrity_check; a restore serves exactly the copy', async () => {
    let writing = true;
    let written = 0;
    const [ticket] = await carlaTickets('awaiting_return');
    const load = (async () => {
      let version = (await carla.call('GET', `/api/customer/tickets/${ticket!.id}`)).json.ticket.version;
      while (writing) {
        const answer = await carla.call('POST', `/api/customer/tickets/${ticket!.id}/replies`, { body: `durante o backup ${written}`, expectedVersion: version });
        expect(answer.status).toBe(201);
        version = answer.json.ticket.version;
        written += 1;
      }
    })();

    const dir = mkdtempSync(join(tmpdir(), 'atende-backup-'));
    const file = join(dir, 'copy.db');
    const bffDir = resolve(import.meta.dirname, '..');
    const result = await new Promise<{ code: number | null; out: string }>((done) => {
      let out = '';
      const child = spawn('pnpm', ['--silent', 'db:backup', file], { cwd: bffDir, env: { ...process.env, DATA_DIR: server.dataDir } });
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('exit', (code) => done({ code, out }));
    });
    const writtenDuringBackup = written;
    writing = false;
    await load;
    expect(result.code, result.out).toBe(0);
    expect(writtenDuringBackup).toBeGreaterThan(0); // the server kept serving writes meanwhile
    const report = JSON.parse(result.out.trim().split('\n').at(-1)!);
    expect(report.integrity).toBe('ok');

    // Restore as README says: stop the server, put the copy in place of atende.db (and drop -wal/-shm), start.
    await server.stop();
    const live = join(server.dataDir, 'atende.db');
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    copyFileSync(file, live);
    await server.start();
    const reader = client(server.origin);
    await reader.signIn('agente@example.com'); // sessions are in the copy too; a new sign-in works either way
    const detail = (await reader.call('GET', `/api/agent/tickets/${ticket!.id}`)).json;
    expect(detail.ticket.id).toBe(ticket!.id);
    await server.stop();
    const restored = openDatabase(live);
    try {
      expect(integrityCheck(restored)).toBe('ok');
      const { tickets, versionSum, messages, events, lastMessageId } = report;
      expect(dataFingerprint(restored)).toEqual({ tickets, versionSum, messages, events, lastMessageId });
    } finally {
      closeDatabase(restored);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL backup (pg_dump) under load, and restore (pg_restore)', () => {
  it('dumps while replies are written; the restored database serves Atende with every reply acknowledged before the dump', async () => {
    const source = await createEmptyPgTestDatabase();
    const target = await createEmptyPgTestDatabase();
    const onPg = await realServer({ databaseUrl: source.url });
    let restored: RealServer | undefined;
    try {
      await onPg.start();
      const customer = client(onPg.origin);
      await customer.signIn('cliente@example.com');
      const [ticket] = (await customer.call('GET', '/api/customer/tickets?tab=awaiting_return')).json.items as { id: number }[];
      const acknowledged: string[] = [];
      let writing = true;
      const load = (async () => {
        let version = (await customer.call('GET', `/api/customer/tickets/${ticket!.id}`)).json.ticket.version;
        while (writing) {
          const body = `durante o pg_dump ${acknowledged.length}`;
          const answer = await customer.call('POST', `/api/customer/tickets/${ticket!.id}/replies`, { body, expectedVersion: version });
          expect(answer.status).toBe(201);
          version = answer.json.ticket.version;
          acknowledged.push(body);
        }
      })();
      while (acknowledged.length < 5) await new Promise((resolve) => setImmediate(resolve));
      const beforeDump = acknowledged.length;
      // As docs/postgresql.md says: a consistent snapshot while Atende keeps serving.
      const dir = mkdtempSync(join(tmpdir(), 'atende-pgdump-'));
      const dump = join(dir, 'atende.dump');
      const dumped = await run('pg_dump', ['-Fc', '-f', dump, source.url]);
      const duringDump = acknowledged.length - beforeDump;
      writing = false;
      await load;
      expect(dumped.code, dumped.out).toBe(0);
      const loaded = await run('pg_restore', ['--no-owner', '-d', target.url, dump]);
      expect(loaded.code, loaded.out).toBe(0);
      rmSync(dir, { recursive: true, force: true });

      restored = await realServer({ databaseUrl: target.url });
      await restored.start();
      const reader = client(restored.origin);
      await reader.signIn('cliente@example.com');
      const page = (await reader.call('GET', `/api/customer/tickets/${ticket!.id}`)).json;
      const bodies = new Set(page.messages.map((m: { body: string }) => m.body));
      expect(acknowledged.slice(0, beforeDump).filter((body) => !bodies.has(body))).toEqual([]);
      console.log(`pg_dump under load: ${beforeDump} replies before it, ${duringDump} during it; restored and served`);
    } finally {
      await restored?.stop();
      await onPg.stop();
      await source.drop();
      await target.drop();
    }
  });
});
