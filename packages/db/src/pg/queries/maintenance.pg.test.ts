import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFingerprint, messageBodiesOf } from '../../queries/maintenance.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { dataFingerprintPg, messageBodiesOfPg } from './maintenance.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

describe('maintenance checks on PostgreSQL', () => {
  it('fingerprints the same data alike (numbers, not strings)', async () => {
    const onPg = await dataFingerprintPg(both.pg);
    expect(onPg).toEqual(dataFingerprint(both.sqlite));
    expect(onPg.tickets).toBeGreaterThan(0);
    expect(typeof onPg.versionSum).toBe('number');
  });

  it('has autovacuum clean the tickets table after 1% of it changed (migration 0015), not the default 20%', async () => {
    // Every ticket change leaves a dead version in all of the table's indexes (no HOT update), and the
    // console's queues and search walk the newest tickets, where they pile up.
    const { rows } = await both.pg.$client.query<{ reloptions: string[] | null }>(`SELECT reloptions FROM pg_class WHERE oid = 'tickets'::regclass`);
    expect(rows[0]!.reloptions).toEqual(
      expect.arrayContaining(['autovacuum_vacuum_scale_factor=0.01', 'autovacuum_vacuum_threshold=1000', 'autovacuum_analyze_scale_factor=0.02']),
    );
  });

  it("reads each ticket's message bodies in the same order", async () => {
    const ids = both.sqlite.$client.prepare('SELECT id FROM tickets ORDER BY id').pluck().all() as number[];
    for (const id of [...ids, 999_999]) expect(await messageBodiesOfPg(both.pg, id)).toEqual(messageBodiesOf(both.sqlite, id));
  });
});
