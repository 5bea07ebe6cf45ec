import { copyFile, link, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allAttachmentHashes, type Db } from '@atende/db';
import { createBlobStore } from './blob-store.js';

/**
 * Copies the files a database backup names into `targetDir` (same layout as DATA_DIR/attachments),
 * after the database snapshot: files are written before the rows that name them and never change, so
 * every hash in the snapshot is on disk. A hard link when on the same disk, else a copy.
 * Returns how many files the backup holds and which (if any) were missing.
 */
export async function backupAttachmentFiles(backupDb: Db, dataDir: string, targetDir: string): Promise<{ files: number; missing: string[] }> {
  const source = createBlobStore(dataDir);
  const missing: string[] = [];
  let files = 0;
  for (const sha256 of allAttachmentHashes(backupDb)) {
    const from = source.pathOf(sha256);
    const to = join(targetDir, sha256.slice(0, 2), sha256);
    if (!existsSync(from)) {
      missing.push(sha256);
      continue;
    }
    files += 1;
    if (existsSync(to)) continue;
    await mkdir(dirname(to), { recursive: true });
    await link(from, to).catch(() => copyFile(from, to));
  }
  return { files, missing };
}
