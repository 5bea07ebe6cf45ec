import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, backupDatabase, closeDatabase, openDatabase } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { backupAttachmentFiles } from './backup-files.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('db:backup includes the attachments', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it("copies every file the backup's database names, byte for byte", async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const up = await t.upload(cookie, [{ name: 'foto.png', bytes: PNG }]);
    const target = join(t.dataDir, 'backups', 'copia.db');
    mkdirSync(join(t.dataDir, 'backups'));
    await backupDatabase(t.db, target);
    const copy = openDatabase(target);
    try {
      const result = await backupAttachmentFiles(copy, t.dataDir, join(t.dataDir, 'backups', 'copia.attachments'));
      expect(result).toEqual({ files: 1, missing: [] });
    } finally {
      closeDatabase(copy);
    }
    const sha = (t.db.$client.prepare('select sha256 from attachments where id = ?').get(up.json.files[0].id) as { sha256: string }).sha256;
    const copied = join(t.dataDir, 'backups', 'copia.attachments', sha.slice(0, 2), sha);
    expect(existsSync(copied)).toBe(true);
    expect(readFileSync(copied).equals(PNG)).toBe(true);
  });
});
