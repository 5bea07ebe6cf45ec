import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORTAL_SETTINGS } from '../queries/settings.js';
import { closePgDatabase, openPgDatabase, type PgDb } from './client.js';
import { getPortalSettingsPg, savePortalSettingsPg } from './queries/settings.js';
import { createPgTestDatabase } from './testing.js';

let test: Awaited<ReturnType<typeof createPgTestDatabase>>;
let single: PgDb;
beforeAll(async () => {
  test = await createPgTestDatabase();
  // One connection: every transaction runs on the same pooled client, where its built queries are kept.
  single = openPgDatabase(test.url, { max: 1 });
});
afterAll(async () => {
  await closePgDatabase(single);
  await test.dispose();
});

describe('queries built once (built-once.ts)', () => {
  it('run inside the transaction that calls them, also when built by an earlier one, and on the pool outside', async () => {
    expect(await getPortalSettingsPg(single)).toEqual(DEFAULT_PORTAL_SETTINGS); // built on the pool
    for (const round of [1, 2]) {
      const undone = new Error(`round ${round} rolled back`);
      await expect(
        single.transaction(async (tx) => {
          await savePortalSettingsPg(tx, { ...DEFAULT_PORTAL_SETTINGS, customersSelfRegister: true });
          // Sees its own uncommitted write: the query ran on the transaction's connection (on the pool
          // it would wait for the only connection, held by this transaction, and time out).
          expect((await getPortalSettingsPg(tx)).customersSelfRegister).toBe(true);
          // Another connection does not see it before the commit.
          expect((await getPortalSettingsPg(test.db)).customersSelfRegister).toBe(false);
          throw undone;
        }),
      ).rejects.toBe(undone);
    }
    expect(await getPortalSettingsPg(single)).toEqual(DEFAULT_PORTAL_SETTINGS);
  });
});
