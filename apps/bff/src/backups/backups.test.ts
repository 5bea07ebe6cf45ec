import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { closeDatabase, dataFingerprint, DEMO_PASSWORD, openDatabase, seedDemoData } from '@atende/db';
import { createTestDatabase } from '@atende/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { backupAndPrune, backupDirOf, pidFileOf, removePidFile, restoreDatabase, writePidFile } from './backups.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('scheduled backups and restore', () => {
  it('keeps only the newest N scheduled backups, each passing integrity_check', async () => {
    const t = createTestDatabase();
    dispose = t.dispose;
    for (let hour = 0; hour < 4; hour++) {
      const result = await backupAndPrune(t.db, t.file, 2, Date.UTC(2026, 10, 30, hour));
      expect(result.integrity).toBe('ok');
    }
    expect(readdirSync(backupDirOf(t.file)).sort()).toEqual(['atende-2026-11-30T02-00-00-000Z.db', 'atende-2026-11-30T03-00-00-000Z.db']);
  });

  it('db:restore refuses while the server runs on the database, changing nothing', async () => {
    const t = createTestDatabase();
    dispose = t.dispose;
    const { file } = await backupAndPrune(t.db, t.file, 5, 1);
    writePidFile(t.file); // this test process plays the running server
    const refused = await restoreDatabase(t.file, file, 2);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/server is running \(pid \d+\)/) });
    removePidFile(t.file);
  });

  it('restores a backup once the server is stopped (a stale pid file does not block), keeping the replaced database', async () => {
    const t = createTestDatabase();
    dispose = () => rmSync(dirname(t.file), { recursive: true, force: true });
    seedDemoData(t.db, { passwordHash: DEMO_PASSWORD, now: 1, environment: 'test' });
    const before = dataFingerprint(t.db);
    const { file: backup } = await backupAndPrune(t.db, t.file, 5, 1);
    closeDatabase(t.db); // the server stopped
    const emptied = openDatabase(t.file);
    emptied.$client.exec('DELETE FROM ratings');
    closeDatabase(emptied);
    writeFileSync(pidFileOf(t.file), '999999999'); // left behind by a killed server
    const restored = await restoreDatabase(t.file, backup, 2);
    expect(restored).toMatchObject({ ok: true, safetyCopy: expect.stringMatching(/before-restore-/) });
    const back = openDatabase(t.file);
    expect(dataFingerprint(back)).toEqual(before);
    closeDatabase(back);
    expect(existsSync((restored as { safetyCopy: string }).safetyCopy)).toBe(true);
  });
});
