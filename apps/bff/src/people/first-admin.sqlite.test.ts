import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { findAgentByEmail } from '@atende/db';
import { createTestDatabase } from '@atende/db/testing';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'https://atende.example.com.br';

// SQLite-only by nature: a SQLite file another process holds open (its locking), not a query of the store.
describe('pnpm admin:create', () => {
  it('the command works on a database another process holds open (as while the server runs)', () => {
    const { db, file, dispose } = createTestDatabase(); // this connection plays the running server
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/scripts/admin-create.ts', '--email', 'dona@provedor.com.br', '--name', 'Dona'], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, NODE_ENV: 'production', PUBLIC_ORIGIN: ORIGIN, MAIL_MODE: 'mailbox', DATA_DIR: dirname(file), INIT_CWD: '' },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`${ORIGIN}/convite/[A-Za-z0-9_-]{43}`));
      expect(findAgentByEmail(db, 'dona@provedor.com.br')).toMatchObject({ role: 'admin', hasPassword: false });
    } finally {
      dispose();
    }
  }, 60_000);
});
