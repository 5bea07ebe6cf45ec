import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupDatabase, closeDatabase, integrityCheck, openDatabase, type Db } from '@atende/db';
import { attachmentsDirOfBackup, backupAttachmentFiles, missingForRestore, restoreAttachmentFiles } from '../attachments/backup-files.js';

/** Backups live beside the database: $DATA_DIR/backups/atende-<UTC time>.db. */
export function backupDirOf(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups');
}

/**
 * One online backup (SQLite's backup API: a consistent snapshot while requests keep writing), checked
 * with integrity_check, with the attachment files it names beside it (`<file>.attachments/`, hard links
 * on the same disk), then only the newest `keep` scheduled backups (and their files) are kept.
 */
export async function backupAndPrune(db: Db, databaseFile: string, keep: number, now: number): Promise<{ file: string; integrity: string; removed: string[] }> {
  const dir = backupDirOf(databaseFile);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `atende-${new Date(now).toISOString().replace(/[:.]/g, '-')}.db`);
  await backupDatabase(db, file);
  const copy = openDatabase(file);
  let integrity: string;
  try {
    integrity = integrityCheck(copy);
    await backupAttachmentFiles(copy, dirname(databaseFile), attachmentsDirOfBackup(file));
  } finally {
    closeDatabase(copy);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  // ISO times sort as text: the oldest first.
  const all = readdirSync(dir).filter((f) => /^atende-.*\.db$/.test(f)).sort();
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const name of removed) {
    unlinkSync(join(dir, name));
    rmSync(attachmentsDirOfBackup(join(dir, name)), { recursive: true, force: true });
  }
  return { file, integrity, removed };
}

/** The server's pid file: `db:restore` refuses while the process it names is alive. */
export function pidFileOf(databaseFile: string): string {
  return join(dirname(databaseFile), 'atende.pid');
}

export function writePidFile(databaseFile: string): void {
  writeFileSync(pidFileOf(databaseFile), String(process.pid));
}

export function removePidFile(databaseFile: string): void {
  rmSync(pidFileOf(databaseFile), { force: true });
}

/** The pid of a running server over this database, or null (no file, or a stale one after kill -9). */
export function runningServerPid(databaseFile: string): number | null {
  const file = pidFileOf(databaseFile);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export type RestoreResult = { ok: true; safetyCopy: string | null; attachmentFiles: number } | { ok: false; message: string };

/**
 * Replaces the database with a backup, and puts back the attachment files it names (from the backup's
 * `<file>.attachments/` folder that `db:backup` writes). Refused while a server runs on it (its open
 * connection would keep writing to the replaced file), and, changing nothing, when a file the backup
 * names is in neither place. The current database is first saved as a backup itself, so a restore can
 * be undone (files are only ever added: the current database's files stay too).
 */
export async function restoreDatabase(databaseFile: string, backupFile: string, now: number): Promise<RestoreResult> {
  const dataDir = dirname(databaseFile);
  const filesDir = attachmentsDirOfBackup(backupFile);
  const pid = runningServerPid(databaseFile);
  if (pid !== null) return { ok: false, message: `The server is running (pid ${pid}): stop it first (systemctl stop atende), then restore.` };
  if (!existsSync(backupFile)) return { ok: false, message: `No such file: ${backupFile}` };
  const backup = openDatabase(backupFile);
  let integrity: string;
  let missing: string[] = [];
  try {
    integrity = integrityCheck(backup);
    if (integrity === 'ok') missing = missingForRestore(backup, dataDir, filesDir);
  } finally {
    closeDatabase(backup);
  }
  if (integrity !== 'ok') return { ok: false, message: `The backup fails integrity_check (${integrity}); nothing was changed.` };
  if (missing.length > 0) {
    return { ok: false, message: `${missing.length} attachment file(s) the backup names are neither in ${filesDir} nor in ${join(dataDir, 'attachments')} (first: ${missing[0]}); nothing was changed.` };
  }

  let safetyCopy: string | null = null;
  if (existsSync(databaseFile)) {
    const current = openDatabase(databaseFile);
    try {
      mkdirSync(backupDirOf(databaseFile), { recursive: true });
      safetyCopy = join(backupDirOf(databaseFile), `before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}.db`);
      await backupDatabase(current, safetyCopy);
    } finally {
      closeDatabase(current);
    }
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  copyFileSync(backupFile, databaseFile);
  const restored = openDatabase(databaseFile);
  try {
    const files = await restoreAttachmentFiles(restored, filesDir, dataDir);
    return { ok: true, safetyCopy, attachmentFiles: files.copied };
  } finally {
    closeDatabase(restored);
  }
}
