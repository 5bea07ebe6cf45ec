export * from './client.js';
export * as schema from './schema.js';
export * from './queries/accounts.js';
export * from './queries/sessions.js';
export * from './queries/settings.js';
export * from './queries/tickets.js';
export * from './queries/thread.js';
export * from './seed/demo-data.js';
export * from './bench/bulk-dataset.js';
