import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations (issue 16), beside SQLite's drizzle.config.ts: `pnpm db:generate:pg`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/pg/schema.ts',
  out: './drizzle-pg',
});
