import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupDatabase, closeDatabase, integrityCheck, openDatabase, type Db } from '@atende/db';

/** Backups live beside the database: $DATA_DIR/backups/atende-<UTC time>.db. */
export function backupDirOf(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups');
}

/**
 * One online backup (SQLite's backup API: a consistent snapshot while requests keep writing), checked
 * with integrity_check, then only the newest `keep` scheduled backups are kept.
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
  } finally {
    closeDatabase(copy);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  // ISO times sort as text: the oldest first.
  const all = readdirSync(dir).filter((f) => /^atende-.*\.db$/.test(f)).sort();
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const name of removed) unlinkSync(join(dir, name));
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

export type RestoreResult = { ok: true; safetyCopy: string | null } | { ok: false; message: string };

/**
 * Replaces the database with a backup. Refused while a server runs on it (its open connection would keep
 * writing to the replaced file). The current database is first saved as a backup itself, so a restore
 * can be undone.
 */
export async function restoreDatabase(databaseFile: string, backupFile: string, now: number): Promise<RestoreResult> {
  const pid = runningServerPid(databaseFile);
  if (pid !== null) return { ok: false, message: `The server is running (pid ${pid}): stop it first (systemctl stop atende), then restore.` };
  if (!existsSync(backupFile)) return { ok: false, message: `No such file: ${backupFile}` };
  const backup = openDatabase(backupFile);
  let integrity: string;
  try {
    integrity = integrityCheck(backup);
  } finally {
    closeDatabase(backup);
  }
  if (integrity !== 'ok') return { ok: false, message: `The backup fails integrity_check (${integrity}); nothing was changed.` };

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
  return { ok: true, safetyCopy };
}
