/**
 * `pnpm db:restore <file>`: replaces the database with a backup and puts back its attachment files
 * (from `<file>.attachments/`, written by db:backup). Refuses while the server runs, or when a file the
 * backup names is missing; keeps the replaced database as backups/before-restore-<time>.db.
 */
import { resolve } from 'node:path';
import { loadConfigOrExit } from '../config-or-exit.js';
import { restoreDatabase } from '../backups/backups.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: pnpm db:restore <backup file>');
  process.exit(2);
}
const config = loadConfigOrExit();
const result = await restoreDatabase(config.databaseFile, resolve(process.env.INIT_CWD ?? process.cwd(), file), Date.now());
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(`Restored ${config.databaseFile} from ${file} (${result.attachmentFiles} attachment file(s) copied back).${result.safetyCopy ? ` The replaced database was kept as ${result.safetyCopy}.` : ''}`);
