import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_ACCOUNTS, backupDatabase, closeDatabase, openDatabase } from '@atende/db';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsDirOfBackup, backupAttachmentFiles } from '../attachments/backup-files.js';
import { TEST_ORIGIN, createTestApp, type TestApp } from '../testing/test-app.js';
import { backupAndPrune, restoreDatabase } from './backups.js';

/** A photo that is not a 1×1 pixel: some real bytes to compare. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAJElEQVR42mP4z8DAwMDw/z8DA8N/BgYGBgYGBob/DAwMDAwMAAD/Bw3wOYzYAAAAAElFTkSuQmCC',
  'base64',
);

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0).reverse()) step();
});

/** What `pnpm db:backup` does: the snapshot, then the files it names beside it. */
async function backupLikeTheCommand(t: TestApp, target: string) {
  await backupDatabase(t.db, target);
  const copy = openDatabase(target);
  try {
    return await backupAttachmentFiles(copy, t.dataDir, attachmentsDirOfBackup(target));
  } finally {
    closeDatabase(copy);
  }
}

/** Runs an operator command as README says (`pnpm db:backup`, `pnpm db:restore`) on a data directory. */
function command(name: 'db:backup' | 'db:restore', file: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  const bffDir = resolve(import.meta.dirname, '../..');
  return new Promise((done) => {
    let out = '';
    const child = spawn('pnpm', ['--silent', name, file], { cwd: bffDir, env: { ...process.env, DATA_DIR: dataDir } });
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => done({ code, out }));
  });
}

async function download(t: TestApp, cookie: string, ticketId: number, attachmentId: number) {
  const res = await t.app.request(`/api/tickets/${ticketId}/attachments/${attachmentId}`, { headers: { origin: TEST_ORIGIN, cookie } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

// SQLite-only by nature: db:backup/db:restore copy a SQLite file (backupDatabase, `databaseFile:`), not the store.
describe('pnpm db:restore brings the attachment files back', () => {
  it.each(['pnpm db:backup', 'a scheduled backup'])('%s → wipe the data directory → pnpm db:restore: the attachment downloads with the same bytes', async (how) => {
    const keep = mkdtempSync(join(tmpdir(), 'atende-backup-'));
    cleanup.push(() => rmSync(keep, { recursive: true, force: true }));
    const original = await createTestApp();
    cleanup.push(() => original.dispose());
    const carla = await original.signIn(DEMO_ACCOUNTS.contact);
    const ticketId: number = (await original.request('GET', '/api/customer/tickets?tab=awaiting_my_reply', { cookie: carla })).json.items[0].id;
    const { version } = (await original.request('GET', `/api/customer/tickets/${ticketId}`, { cookie: carla })).json.ticket;
    const up = await original.upload(carla, [{ name: 'catraca.png', bytes: PNG, type: 'image/png' }]);
    const attachmentId: number = up.json.files[0].id;
    const sent = await original.request('POST', `/api/customer/tickets/${ticketId}/replies`, { cookie: carla, body: { body: 'Foto da catraca.', expectedVersion: version, attachmentIds: [attachmentId] } });
    expect(sent.status).toBe(201);

    let backup = join(keep, 'atende-antes.db');
    if (how === 'pnpm db:backup') {
      const run = await command('db:backup', backup, original.dataDir);
      expect(run.code, run.out).toBe(0);
      expect(JSON.parse(run.out.trim().split('\n').at(-1)!)).toMatchObject({ integrity: 'ok', attachmentFiles: 1, missingAttachmentFiles: 0 });
    } else {
      backup = (await backupAndPrune(original.db, join(original.dataDir, 'atende.db'), 3, 1)).file;
    }

    // The disk is lost: a new, empty data directory on a new machine.
    const fresh = mkdtempSync(join(tmpdir(), 'atende-restored-'));
    cleanup.push(() => rmSync(fresh, { recursive: true, force: true }));
    const databaseFile = join(fresh, 'atende.db');
    const restored = await command('db:restore', backup, fresh);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain('(1 attachment file(s) copied back)');

    const back = await createTestApp({ databaseFile });
    cleanup.push(() => back.dispose());
    const carlaAgain = await back.signIn(DEMO_ACCOUNTS.contact);
    const file = await download(back, carlaAgain, ticketId, attachmentId);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PNG)).toBe(true);
  });

  it('refuses, changing nothing, when the backup names a file that is nowhere to be found', async () => {
    const keep = mkdtempSync(join(tmpdir(), 'atende-backup-'));
    cleanup.push(() => rmSync(keep, { recursive: true, force: true }));
    const original = await createTestApp();
    cleanup.push(() => original.dispose());
    const carla = await original.signIn(DEMO_ACCOUNTS.contact);
    expect((await original.upload(carla, [{ name: 'catraca.png', bytes: PNG, type: 'image/png' }])).status).toBe(201);
    const backup = join(keep, 'atende-antes.db');
    await backupLikeTheCommand(original, backup);
    rmSync(attachmentsDirOfBackup(backup), { recursive: true, force: true }); // the folder was not copied along

    const fresh = mkdtempSync(join(tmpdir(), 'atende-restored-'));
    cleanup.push(() => rmSync(fresh, { recursive: true, force: true }));
    const refused = await restoreDatabase(join(fresh, 'atende.db'), backup, 2);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/1 attachment file\(s\) the backup names are neither in .*; nothing was changed\./) });
    expect(existsSync(join(fresh, 'atende.db'))).toBe(false);
  });
});
