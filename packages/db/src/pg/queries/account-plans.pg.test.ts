import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgDb } from '../client.js';
import { captureStatements, explainEach, nodesOf } from '../plan-testing.js';
import { createPgTestDatabase } from '../testing.js';
import { findAccountByEmailPg } from './accounts.js';
import { consumeAccountTokenPg, findUsableAccountTokenPg, insertAccountTokenPg } from './account-tokens.js';
import { agentForApiTokenPg, listAgentApiTokensPg } from './agent-api-tokens.js';
import { deactivateAgentPg } from './agent-deactivation.js';
import { listAuditPg } from './audit-log.js';
import { completeRegistrationPg, insertPendingRegistrationPg, isAddressInUsePg } from './registrations.js';
import { deleteSessionsOfPg } from './sessions.js';

/**
 * The plans of this slice's twins on tables that grow with use (the audit log, sessions, links,
 * sign-ups, contacts, tickets), in the way of hot-query-plans.pg.test.ts: generated rows, ANALYZE, each
 * statement a twin sends run again under EXPLAIN ANALYZE: no sequential scan of a growing table, and no
 * sort unless it is bounded, as SQLite's index walks are.
 */
const ROWS = 40_000;
const BASE = Date.UTC(2026, 0, 1);
const NOW = BASE + ROWS * 60_000;
const GROWING = ['audit_log', 'sessions', 'account_tokens', 'pending_registrations', 'contacts', 'contact_emails', 'tickets', 'ticket_events', 'agent_api_tokens'];

interface Planned {
  name: string;
  run: (db: PgDb) => Promise<unknown>;
  boundedSort?: string;
}

const QUERIES: Planned[] = [
  { name: 'audit log, first page', run: (db) => listAuditPg(db, { before: null, limit: 50 }) },
  { name: 'audit log, a later page', run: (db) => listAuditPg(db, { before: { at: BASE + (ROWS / 2) * 60_000, id: ROWS / 2 }, limit: 50 }) },
  { name: 'account by e-mail', run: (db) => findAccountByEmailPg(db, 'cliente777@example.com') },
  { name: 'address in use', run: (db) => isAddressInUsePg(db, 'ninguem@example.com') },
  { name: 'new password link', run: (db) => insertAccountTokenPg(db, { tokenHash: 'plan-link', purpose: 'password_reset', accountKind: 'contact', accountId: 7, now: NOW, expiresAt: NOW + 1 }) },
  { name: 'usable link', run: (db) => findUsableAccountTokenPg(db, 'token-9', NOW) },
  { name: 'spend a link', run: (db) => consumeAccountTokenPg(db, { tokenHash: 'token-11', passwordHash: 'h', now: BASE }) },
  { name: 'new sign-up', run: (db) => insertPendingRegistrationPg(db, { tokenHash: 'plan-reg', email: 'signup5@example.com', name: 'N', language: 'pt-BR', now: NOW, expiresAt: NOW + 1 }) },
  { name: 'complete a sign-up', run: (db) => completeRegistrationPg(db, { tokenHash: 'reg-13', passwordHash: 'h', now: BASE }) },
  { name: 'sessions of one account', run: (db) => deleteSessionsOfPg(db, 'contact', 5) },
  { name: 'API token lookup', run: (db) => agentForApiTokenPg(db, 'api-17') },
  { name: 'an agent\'s API tokens', run: (db) => listAgentApiTokensPg(db, 1), boundedSort: 'sorts one agent\'s own tokens (agent_api_tokens_agent_idx), not the table' },
  { name: 'deactivate an agent (tickets back to the queue)', run: (db) => deactivateAgentPg(db, { agentId: 2, now: NOW }) },
];

let db: PgDb;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createPgTestDatabase());
  const q = (text: string) => db.$client.query(text);
  await q(`INSERT INTO agents (name, email, created_at) SELECT 'Agente ' || i, 'agente' || i || '@example.com', ${BASE} FROM generate_series(1, 50) i`);
  await q(`INSERT INTO contacts (name, email, created_at) SELECT 'Cliente ' || i, 'cliente' || i || '@example.com', ${BASE} FROM generate_series(1, ${ROWS}) i`);
  await q(`INSERT INTO contact_emails (contact_id, email, created_at) SELECT i, 'outro' || i || '@example.com', ${BASE} FROM generate_series(1, ${ROWS}) i`);
  await q(
    `INSERT INTO audit_log (at, event, actor_kind, actor_id, details) SELECT ${BASE} + i::bigint * 60000, 'sign_in', 'contact', 1 + i % ${ROWS}, '{"a":1}' FROM generate_series(1, ${ROWS}) i`,
  );
  await q(
    `INSERT INTO sessions (token_hash, actor_kind, actor_id, created_at, last_seen_at, expires_at)
     SELECT 'session-' || i, CASE WHEN i % 10 = 0 THEN 'agent' ELSE 'contact' END, 1 + i % 5000, ${BASE}, ${BASE}, ${NOW} FROM generate_series(1, ${ROWS}) i`,
  );
  await q(
    `INSERT INTO account_tokens (token_hash, purpose, account_kind, account_id, created_at, expires_at, used_at)
     SELECT 'token-' || i, 'password_reset', 'contact', 1 + i % 5000, ${BASE}, ${NOW}, CASE WHEN i % 2 = 0 THEN ${BASE} END FROM generate_series(1, ${ROWS}) i`,
  );
  await q(
    `INSERT INTO pending_registrations (token_hash, email, name, language, created_at, expires_at)
     SELECT 'reg-' || i, 'signup' || i || '@example.com', 'N', 'pt-BR', ${BASE}, ${NOW} FROM generate_series(1, ${ROWS}) i`,
  );
  await q(`INSERT INTO agent_api_tokens (agent_id, name, token_hash, created_at) SELECT 1 + i % 50, 'token', 'api-' || i, ${BASE} FROM generate_series(1, ${ROWS}) i`);
  await q(`INSERT INTO departments (name) VALUES ('Suporte')`);
  await q(
    `INSERT INTO tickets (subject, requester_id, department_id, status, origin, created_at, updated_at, assignee_id)
     SELECT 'Pedido ' || i, 1 + i % ${ROWS}, 1, (ARRAY['new','open','pending','onsite_visit','waiting_customer','resolved','closed'])[1 + i % 7], 'portal',
            ${BASE} + i::bigint * 60000, ${BASE} + i::bigint * 60000, 1 + i % 50
       FROM generate_series(1, ${ROWS}) i`,
  );
  await q(`VACUUM ANALYZE`);
}, 300_000);
afterAll(() => dispose?.());

describe(`plans of the account, sign-up and audit twins at ${ROWS / 1000}k rows`, () => {
  it.each(QUERIES)('$name: no sequential scan of a growing table, no unbounded sort', async (planned) => {
    // Rolled back (the default): the statements are then run again as they were (an insert would otherwise collide with itself).
    const queries = await captureStatements(db, planned.run);
    expect(queries.length, 'the query ran and was captured').toBeGreaterThan(0);
    for await (const { plan, context } of explainEach(db, queries)) {
      const nodes = nodesOf(plan);
      expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan' && GROWING.includes(n['Relation Name'] ?? '')), context).toEqual([]);
      if (!planned.boundedSort) expect(nodes.filter((n) => /Sort$/.test(n['Node Type'])).map((n) => n['Node Type']), context).toEqual([]);
    }
  });
});
