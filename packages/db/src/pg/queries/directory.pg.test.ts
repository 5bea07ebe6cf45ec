import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchDirectory } from '../../queries/directory.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { searchDirectoryPg } from './directory.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
  // Rows whose order differs between byte order and a language collation, and a literal % in a name.
  for (const db of ['sqlite', 'pg'] as const) {
    const rows = [['academia Zeta'], ['Zebra Telecom'], ['100% Fibra']];
    for (const [name] of rows) {
      if (db === 'sqlite') both.sqlite.$client.prepare('INSERT INTO companies (name, created_at) VALUES (?, ?)').run(name, NOW);
      else await both.pg.$client.query('INSERT INTO companies (name, created_at) VALUES ($1, $2)', [name, NOW]);
    }
  }
});
afterAll(() => both?.dispose());

describe('directory search on PostgreSQL', () => {
  it.each(['a', 'ACADEMIA', 'example.com', 'cliente', 'net', '%', '100%', '_', 'ze', '  forma  ', 'nada-disso'])(
    'finds the same companies and contacts, in the same order, as SQLite for %j',
    async (q) => {
      const onPg = await searchDirectoryPg(both.pg, q);
      expect(onPg).toEqual(searchDirectory(both.sqlite, q));
    },
  );

  it('treats % and _ as the characters typed', async () => {
    expect((await searchDirectoryPg(both.pg, '100%')).companies.map((c) => c.name)).toEqual(['100% Fibra']);
    expect((await searchDirectoryPg(both.pg, '0% f')).companies.map((c) => c.name)).toEqual(['100% Fibra']);
    expect((await searchDirectoryPg(both.pg, '_')).companies).toEqual([]);
  });
});
