/**
 * `pnpm admin:create --email <e-mail> --name "<name>"`: the first admin (or a new link for an existing
 * one). Prints a single-use link, valid for one hour, built on PUBLIC_ORIGIN.
 */
import { parseArgs } from 'node:util';
import { openStore } from '@atende/db/store';
import { loadConfigOrExit } from '../config-or-exit.js';
import { createAdminWithLink } from '../people/first-admin.js';

let args;
try {
  args = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true }).values;
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: pnpm admin:create --email <e-mail> --name "<name>"`);
  process.exit(2);
}
const config = loadConfigOrExit();
// A fresh install may run this before the server ever started: the database is created and migrated.
const store = await openStore({ databaseUrl: config.databaseUrl ?? undefined, sqliteFile: config.databaseFile, poolMax: 1 });
const { db } = store;
try {
  const result = await createAdminWithLink(db, { email: args.email ?? '', name: args.name ?? '' }, Date.now(), config.publicUrl);
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
  } else {
    console.log(
      result.created
        ? `Admin ${result.email} created, with no password yet.`
        : `${result.email} already exists (${result.role}); nothing changed but a new link.`,
    );
    console.log(`Open this link within 60 minutes to set the password (it works once):\n${result.url}`);
  }
} finally {
  await store.close();
}
