// Builds the server and the operator commands into plain JavaScript (dist/), so production runs
// `node dist/server.js` with no TypeScript loader or pnpm wrapper in the process tree.
// The workspace packages (@atende/*, TypeScript sources) are bundled in; every npm dependency stays
// an import resolved from node_modules (native modules such as better-sqlite3 cannot be bundled).
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;
const dist = `${here}dist`;

/** Bare imports other than the workspace's own packages stay external. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@atende/') ? undefined : { path: args.path, external: true }));
  },
};

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: {
    server: 'src/server.ts',
    'admin-create': 'src/scripts/admin-create.ts',
    'automations-run': 'src/automations/cli.ts',
    'db-backup': 'src/scripts/db-backup.ts',
    'db-restore': 'src/scripts/db-restore.ts',
  },
  absWorkingDir: here,
  outdir: dist,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [externalNpmPackages],
  logLevel: 'warning',
});

// Files the code opens next to itself (new URL('./x', import.meta.url) / the migrations folder).
cpSync(`${here}../../packages/db/drizzle`, `${dist}/drizzle`, { recursive: true });
cpSync(`${here}../../packages/db/drizzle-pg`, `${dist}/drizzle-pg`, { recursive: true });
cpSync(`${here}../../packages/db/src/wal/checkpoint-worker.mjs`, `${dist}/checkpoint-worker.mjs`);
cpSync(`${here}src/auth/common-passwords.txt`, `${dist}/common-passwords.txt`);
console.log(`built ${dist}`);
