/**
 * PostgreSQL engine (issue 16), `@atende/db/pg`: schema, migrator, and the async twins of the query
 * API ported so far. See docs/decisions/008-postgresql.md for what is still SQLite-only.
 */
export * from './client.js';
export * as pgSchema from './schema.js';
export type { PgExecutor } from './executor.js';
export * from './queries/tickets.js';
export * from './queries/outbox.js';
export * from './queries/ticket-search.js';
export * from './queries/sessions.js';
export * from './queries/leases.js';
export * from './copy/copy-sqlite-to-pg.js';
export * from './queries/directory.js';
export * from './live-events.js';
