import { openDatabase, openReaderDatabase, type Db } from '../client.js';
import { createWriteQueue } from '../group-commit.js';
import type { SqliteDatabase } from './database.js';

/**
 * The store over a SQLite file: `writer` is the connection the caller opened (migrations, seed and
 * tests use it as before), with the group commit on it; a second, query-only connection serves reads
 * outside transactions.
 */
export function sqliteStore(writer: Db, options: { maxGroup?: number } = {}): SqliteDatabase {
  return { engine: 'sqlite', writer, reader: openReaderDatabase(writer.$client.name), writes: createWriteQueue(writer, options), inTransaction: false };
}

/** Opens the file (see openDatabase) and its store. */
export function openSqliteStore(file: string): SqliteDatabase {
  return sqliteStore(openDatabase(file));
}

export function closeSqliteStore(db: SqliteDatabase): void {
  db.reader.$client.close();
  db.writer.$client.close();
}
