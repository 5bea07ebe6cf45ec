import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { createTestDatabase } from '../testing/index.js';
import { cached } from './prepared.js';

let db: Db;
let dispose: () => void;
beforeEach(() => ({ db, dispose } = createTestDatabase()));
afterEach(() => dispose());

it('builds a statement once per connection, whether first asked for inside a transaction or not', () => {
  let builds = 0;
  const build = () => ++builds;
  db.transaction((tx) => cached(tx as unknown as Db, 'query', build));
  db.transaction((tx) => cached(tx as unknown as Db, 'query', build));
  cached(db, 'query', build);
  expect(builds).toBe(1);

  const other = createTestDatabase();
  try {
    cached(other.db, 'query', build); // another connection prepares its own
    expect(builds).toBe(2);
  } finally {
    other.dispose();
  }
});
