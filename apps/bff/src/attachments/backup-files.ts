import { copyFile, link, mkdir } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
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

/** The folder `db:backup` writes a backup's files to: `<file without .db>.attachments`. */
export function attachmentsDirOfBackup(backupFile: string): string {
  return `${backupFile.replace(/\.db$/, '')}.attachments`;
}

/**
 * The files a backup's database names that neither DATA_DIR/attachments nor the backup's folder has:
 * a restore with any of these would leave messages pointing to nothing, so it is refused first.
 */
export function missingForRestore(backupDb: Db, dataDir: string, backupFilesDir: string): string[] {
  const store = createBlobStore(dataDir);
  return allAttachmentHashes(backupDb).filter((sha256) => !store.has(sha256) && !existsSync(join(backupFilesDir, sha256.slice(0, 2), sha256)));
}

/**
 * Puts a backup's files back into DATA_DIR/attachments: each one the restored database names and the
 * data directory lacks, copied to a temporary file, checked against its SHA-256 (its name) and only
 * then renamed into place through the content store. Files already there are the same bytes (their
 * name is their hash) and are left alone. Returns how many were copied.
 */
export async function restoreAttachmentFiles(restoredDb: Db, backupFilesDir: string, dataDir: string): Promise<{ copied: number; missing: string[] }> {
  const store = createBlobStore(dataDir);
  const missing: string[] = [];
  let copied = 0;
  for (const sha256 of allAttachmentHashes(restoredDb)) {
    if (store.has(sha256)) continue;
    const from = join(backupFilesDir, sha256.slice(0, 2), sha256);
    if (!existsSync(from)) {
      missing.push(sha256);
      continue;
    }
    const blob = await store.receive(createReadStream(from), Number.MAX_SAFE_INTEGER);
    if (blob.sha256 !== sha256) {
      // A damaged copy in the backup: never store bytes under a name that is not their hash.
      await store.discard(blob);
      missing.push(sha256);
      continue;
    }
    await store.keep(blob);
    copied += 1;
  }
  return { copied, missing };
}
