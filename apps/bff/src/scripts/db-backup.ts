import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupDatabase, closeDatabase, dataFingerprint, integrityCheck, openDatabase } from '@atende/db';
import { loadConfig } from '../config.js';
import { backupAttachmentFiles } from '../attachments/backup-files.js';

/**
 * `pnpm db:backup [file]`: an online backup of the portal's database while the server keeps serving
 * (SQLite's backup API from a second connection: a consistent snapshot, never a copy of a live file),
 * then integrity_check on the copy. Prints one JSON line with the copy's path and its data counts.
 * Default file: $DATA_DIR/backups/atende-<UTC time>.db. The attachments its database names are copied
 * next to it, into `<file>.attachments/` (restore: copy that folder's content into $DATA_DIR/attachments).
 */
const config = loadConfig();
if (!existsSync(config.databaseFile)) {
  console.error(`No database at ${config.databaseFile}: set DATA_DIR.`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? join(dirname(config.databaseFile), 'backups', `atende-${stamp}.db`));
mkdirSync(dirname(target), { recursive: true });

const source = openDatabase(config.databaseFile);
try {
  await backupDatabase(source, target);
} finally {
  closeDatabase(source);
}

const copy = openDatabase(target);
try {
  const integrity = integrityCheck(copy);
  const counts = dataFingerprint(copy);
  const attachmentsDir = `${target.replace(/\.db$/, '')}.attachments`;
  const files = await backupAttachmentFiles(copy, config.dataDir, attachmentsDir);
  console.log(JSON.stringify({ backup: target, integrity, ...counts, attachments: attachmentsDir, attachmentFiles: files.files, missingAttachmentFiles: files.missing.length }));
  if (integrity !== 'ok' || files.missing.length > 0) process.exitCode = 1;
} finally {
  closeDatabase(copy);
}
