import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the store', () => {
  it('has every SQLite query, each with its PostgreSQL twin (scripts/generate-store.mjs --check)', () => {
    const script = fileURLToPath(new URL('../../scripts/generate-store.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
