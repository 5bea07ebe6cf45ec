// Drops the go-live journey's PostgreSQL database (E2E_GOLIVE_ENGINE=pg), once the journey is over.
import { execFileSync } from 'node:child_process';

export default function teardown() {
  const url = process.env.E2E_GOLIVE_DATABASE_URL;
  if (!url) return;
  const name = new URL(url).pathname.slice(1);
  const admin = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}
