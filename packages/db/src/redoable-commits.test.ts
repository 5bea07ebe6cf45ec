import { afterEach, describe, expect, it } from 'vitest';
import { withRedoableCommits } from './redoable-commits.js';
import { createTestDatabase } from './testing/index.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('commits of redoable work (the automation pass in its own process)', () => {
  it('do not wait for the disk while the work runs, and are FULL again after it, even when it throws', async () => {
    const test = createTestDatabase();
    dispose = test.dispose;
    const synchronous = () => test.db.$client.pragma('synchronous', { simple: true });
    expect(synchronous()).toBe(2); // FULL, as every connection opens
    expect(await withRedoableCommits(test.db, async () => synchronous())).toBe(1); // NORMAL inside
    expect(synchronous()).toBe(2);
    await expect(
      withRedoableCommits(test.db, async () => {
        throw new Error('batch failed');
      }),
    ).rejects.toThrow('batch failed');
    expect(synchronous()).toBe(2);
  });
});
