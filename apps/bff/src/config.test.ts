import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('a relative DATA_DIR is taken from where the command was typed, not from the package pnpm runs in', () => {
    expect(loadConfig({ DATA_DIR: './data', INIT_CWD: '/srv/atende' }).databaseFile).toBe('/srv/atende/data/atende.db');
    expect(loadConfig({ DATA_DIR: '/var/lib/atende' , INIT_CWD: '/srv/atende' }).databaseFile).toBe('/var/lib/atende/atende.db');
  });

  it('a bad setting stops the server with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
