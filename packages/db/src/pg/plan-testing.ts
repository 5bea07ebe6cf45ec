import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { PgDb } from './client.js';
import * as pgSchema from './schema.js';

/**
 * One way to capture and explain a twin's statements, for both PostgreSQL plan guards
 * (hot-query-plans.pg.test.ts and queries/account-plans.pg.test.ts): run the twin through a drizzle
 * whose logger keeps what it sends, then run each statement again under EXPLAIN ANALYZE in a
 * transaction that is rolled back. The guards keep their own data and their own verdicts on the plans;
 * only this machinery is shared, so a fix to it (a statement to skip, a parameter to quote) reaches both.
 */

/** The part of a node of EXPLAIN's JSON plan that the guards judge. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Sort Method'?: string;
  'Sort Space Type'?: string;
  /** How the node feeds its parent: "SubPlan" and "InitPlan" are scalar subqueries, planned as their own. */
  'Parent Relationship'?: string;
  /** A condition checked on each row the node reads (not one its index answers). */
  Filter?: string;
  Plans?: PlanNode[];
}

/** A statement as drizzle sent it: the SQL text and its bound parameters. */
export interface CapturedStatement {
  text: string;
  params: unknown[];
}

/** How the plan cache plans a prepared statement: for its values, or once for any. */
export type PlanCacheMode = 'force_custom_plan' | 'force_generic_plan';

/** A node and every node below it. */
export function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/**
 * The statements `run` sends that have a plan worth judging: queries and writes, not the
 * transaction's own BEGIN and SAVEPOINTs, nor the advisory locks that serialize some writes.
 */
function judged(statement: CapturedStatement): boolean {
  return /^\s*(select|insert|update|delete|with)\b/i.test(statement.text) && !/pg_advisory_xact_lock/.test(statement.text);
}

/**
 * Runs `run` on a drizzle over `db`'s pool that records every statement, and returns the judged ones.
 * Rolled back by default, so the statements are explained against the data they first ran on (an
 * insert would otherwise collide with itself when run again). `rollBack: false` lets the writes
 * commit, for a guard whose later queries are meant to see them.
 */
export async function captureStatements(
  db: PgDb,
  run: (db: PgDb) => Promise<unknown>,
  options: { rollBack?: boolean } = {},
): Promise<CapturedStatement[]> {
  const statements: CapturedStatement[] = [];
  const logged = drizzle({
    client: db.$client,
    schema: pgSchema,
    logger: { logQuery: (text, params) => void statements.push({ text, params }) },
  }) as unknown as PgDb;
  await (options.rollBack === false ? run(logged) : runRolledBack(logged, run));
  return statements.filter(judged);
}

/** Runs `run` in a transaction and then undoes it, by throwing out of it an error only this catches. */
async function runRolledBack(db: PgDb, run: (db: PgDb) => Promise<unknown>): Promise<void> {
  const rollback = new Error('rollback');
  try {
    await db.transaction(async (tx) => {
      await run(tx as unknown as PgDb);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
}

export interface ExplainOptions {
  /**
   * Explain the statement as a prepared statement planned this way (PREPARE, then EXPLAIN EXECUTE with
   * its parameters as literals) instead of as an unnamed query with bound parameters: the server's pool
   * prepares every query text, and a prepared statement may settle on a generic plan.
   */
  prepared?: PlanCacheMode;
}

/** A statement, its plan, and what an assertion on the plan should print: the SQL and the whole plan. */
export interface Explained {
  statement: CapturedStatement;
  plan: PlanNode;
  context: string;
}

type QueryPlanRows = { 'QUERY PLAN': [{ Plan: PlanNode }] };

/**
 * The root of `statement`'s plan under EXPLAIN (ANALYZE, FORMAT JSON), run on `client` in a
 * transaction rolled back afterwards: ANALYZE executes the statement, and a write must not stay.
 */
export async function explainAnalyze(client: pg.PoolClient, statement: CapturedStatement, options: ExplainOptions = {}): Promise<PlanNode> {
  await client.query('BEGIN');
  try {
    const { rows } = options.prepared
      ? await explainPrepared(client, statement, options.prepared)
      : await client.query<QueryPlanRows>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.params);
    return rows[0]!['QUERY PLAN'][0].Plan;
  } finally {
    await client.query('ROLLBACK');
    // DEALLOCATE is not transactional: the prepared statement outlives the rollback otherwise.
    if (options.prepared) await client.query('DEALLOCATE ALL');
  }
}

async function explainPrepared(client: pg.PoolClient, statement: CapturedStatement, planCacheMode: PlanCacheMode): Promise<pg.QueryResult<QueryPlanRows>> {
  await client.query(`SET LOCAL plan_cache_mode = ${planCacheMode}`);
  await client.query(`PREPARE plan_guard AS ${statement.text}`);
  // EXPLAIN EXECUTE takes its arguments as SQL, not as bound parameters.
  const args = statement.params.map((value) => literal(client, value)).join(', ');
  return client.query<QueryPlanRows>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE plan_guard${args ? `(${args})` : ''}`);
}

/** A captured parameter as a SQL literal (node-postgres sends arrays as '{…}' and objects as JSON). */
function literal(client: pg.PoolClient, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return client.escapeLiteral(`{${value.map((item) => JSON.stringify(String(item))).join(',')}}`);
  if (typeof value === 'object') return client.escapeLiteral(JSON.stringify(value));
  return client.escapeLiteral(String(value as string | number | boolean));
}

/**
 * Each statement explained in turn on one pooled client, yielded before the next is run, so that a
 * guard's failing assertion stops the loop as a plain loop would (the client is released either way).
 */
export async function* explainEach(db: PgDb, statements: CapturedStatement[], options: ExplainOptions = {}): AsyncGenerator<Explained> {
  const client = await db.$client.connect();
  try {
    for (const statement of statements) {
      const plan = await explainAnalyze(client, statement, options);
      yield { statement, plan, context: `${statement.text}\n${JSON.stringify(plan, null, 1)}` };
    }
  } finally {
    client.release();
  }
}
