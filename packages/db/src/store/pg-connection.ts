import pg from 'pg';
import { CACHE_CHANNEL, type PgReadCache } from './pg-read-cache.js';

/**
 * Statements a connection keeps prepared. Most queries have a fixed text; a few vary with their
 * input (an IN list's length), and those past the limit simply run unnamed.
 */
const MAX_NAMED_STATEMENTS = 256;

type QueryConfig = { text: string; name?: string };

/**
 * The connection class of a server's pool (issue 16, 18), doing two things for every connection:
 *
 * - It listens for the database's change notifications before the pool hands it out, so a write's
 *   own notification arrives before its COMMIT returns (pg-read-cache.ts).
 * - With `prepare`, it names each query text the first time it sees it: PostgreSQL then parses it
 *   once per connection instead of on every request (a named statement is also what the planner's
 *   plan cache works with). Behind pgbouncer in transaction mode this needs pgbouncer 1.21 or later
 *   with max_prepared_statements set; otherwise turn it off (DATABASE_PREPARED_STATEMENTS=off).
 */
export function serverConnectionClass(cache: PgReadCache, options: { prepare: boolean }): typeof pg.Client {
  return class ServerConnection extends pg.Client {
    private readonly statementNames = new Map<string, string>();

    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('notification', (message) => {
        if (message.channel === CACHE_CHANNEL) cache.invalidate(message.payload ?? '');
      });
    }

    // pg-pool calls connect(callback); other callers may await it.
    override connect(): Promise<pg.Client>;
    override connect(callback: ((error: Error) => void) | ((error: null, client: pg.Client) => void)): void;
    override connect(callback?: ((error: Error) => void) | ((error: null, client: pg.Client) => void)): Promise<pg.Client> | void {
      const ready = super.connect().then(async () => {
        await super.query(`LISTEN ${CACHE_CHANNEL}`);
        return this as pg.Client;
      });
      if (!callback) return ready;
      ready.then(
        (client) => (callback as (error: null, client: pg.Client) => void)(null, client),
        (error: Error) => (callback as (error: Error) => void)(error),
      );
    }

    // Every query of the pool and of its transactions passes here (drizzle sends a config object).
    override query(...args: unknown[]): never {
      const [config] = args;
      if (options.prepare && isUnnamedQuery(config)) args[0] = { ...config, name: this.nameOf(config.text) };
      return (super.query as (...a: unknown[]) => never)(...args);
    }

    private nameOf(text: string): string | undefined {
      let name = this.statementNames.get(text);
      if (name === undefined && this.statementNames.size < MAX_NAMED_STATEMENTS) {
        name = `atende_${this.statementNames.size}`;
        this.statementNames.set(text, name);
      }
      return name;
    }
  };
}

function isUnnamedQuery(config: unknown): config is QueryConfig {
  return typeof config === 'object' && config !== null && typeof (config as QueryConfig).text === 'string' && (config as QueryConfig).name === undefined;
}
