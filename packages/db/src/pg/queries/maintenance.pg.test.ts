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

  it("reads each ticket's message bodies in the same order", async () => {
    const ids = both.sqlite.$client.prepare('SELECT id FROM tickets ORDER BY id').pluck().all() as number[];
    for (const id of [...ids, 999_999]) expect(await messageBodiesOfPg(both.pg, id)).toEqual(messageBodiesOf(both.sqlite, id));
  });
});
