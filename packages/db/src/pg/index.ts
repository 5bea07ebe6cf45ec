/**
 * PostgreSQL engine (issue 16), `@atende/db/pg`: schema, migrator, and the async twins of the query
 * API (the store, `@atende/db/store`, dispatches to them). See docs/decisions/008-postgresql.md.
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
export * from './queries/account-tokens.js';
export * from './queries/accounts.js';
export * from './queries/address-lock.js';
export * from './queries/agent-api-tokens.js';
export * from './queries/agent-deactivation.js';
export * from './queries/agent-preferences.js';
export * from './queries/agent-queues.js';
export * from './queries/attachments.js';
export * from './queries/audit-log.js';
export * from './queries/automation-scans.js';
export * from './queries/canned-replies.js';
export * from './queries/catalog.js';
export * from './queries/company-tickets.js';
export * from './queries/contact-import.js';
export * from './queries/contact-preferences.js';
export * from './queries/contact-records.js';
export * from './queries/customer-search.js';
export * from './queries/held-mail.js';
export * from './queries/in-transaction.js';
export * from './queries/maintenance.js';
export * from './queries/notifications.js';
export * from './queries/ratings.js';
export * from './queries/registrations.js';
export * from './queries/reports.js';
export * from './queries/settings.js';
export * from './queries/team.js';
export * from './queries/thread.js';
export * from './queries/ticket-workspace.js';
export * from './queries/throttles.js';
