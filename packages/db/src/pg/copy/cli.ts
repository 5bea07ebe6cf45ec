import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../client.js';
import { copySqliteToPg, SourceNotMigratedError, TargetNotEmptyError } from './copy-sqlite-to-pg.js';

/**
 * `pnpm db:copy --to postgres://… [--from path/to/atende.db]`: copies the SQLite database (by default
 * $DATA_DIR/atende.db, as the server finds it) into an empty PostgreSQL database and prints one line
 * per table with its rows and checksums. Exit code 0 only when every table matches.
 */
// `pnpm script -- --to …` forwards the `--` itself.
const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { to: { type: 'string' }, from: { type: 'string' } } });
if (!isPostgresUrl(values.to)) {
  console.error('Usage: pnpm db:copy --to postgres://user@host:5432/database [--from ./data/atende.db]');
  process.exit(2);
}
const sourceFile = resolve(process.env.INIT_CWD ?? process.cwd(), values.from ?? resolve(process.env.DATA_DIR ?? './data', 'atende.db'));
if (!existsSync(sourceFile)) {
  console.error(`No SQLite database at ${sourceFile}: pass --from or set DATA_DIR.`);
  process.exit(2);
}

try {
  const result = await copySqliteToPg({
    sourceFile,
    targetUrl: values.to,
    onTable: (t) => console.log(`${t.ok ? 'ok      ' : 'MISMATCH'} ${t.table.padEnd(24)} ${String(t.rows).padStart(9)} rows  md5 ${t.sourceChecksum}${t.ok ? '' : ` ≠ ${t.targetChecksum}`}`),
  });
  console.log(result.ok ? `Copied ${sourceFile} into PostgreSQL; every table verified.` : 'Copy finished but some tables differ (see MISMATCH above).');
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.error(error instanceof TargetNotEmptyError || error instanceof SourceNotMigratedError ? error.message : error);
  process.exitCode = 1;
}
