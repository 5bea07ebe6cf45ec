import { createHash } from 'node:crypto';
import type { TablePlan } from './table-plan.js';

/**
 * One spelling of a row on both engines, so a checksum compares data, not storage: SQLite's 0/1 and
 * PostgreSQL's booleans both become true/false; JSON (text on SQLite, jsonb on PostgreSQL, which
 * reorders keys) is parsed and written back with sorted keys; NULL stays null.
 */
export function canonicalRow(plan: TablePlan, row: Record<string, unknown>): string {
  return JSON.stringify(
    plan.columns.map(({ name, kind }) => {
      const value = row[name];
      if (value === null || value === undefined) return null;
      if (kind === 'boolean') return value === true || value === 1;
      if (kind === 'json') return sortedJson(typeof value === 'string' ? JSON.parse(value) : value);
      if (kind === 'number') return Number(value);
      return value;
    }),
  );
}

function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedJson((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Row count and md5 over the canonical rows in key order, fed page by page. */
export class TableChecksum {
  private readonly hash = createHash('md5');
  count = 0;

  constructor(private readonly plan: TablePlan) {}

  add(rows: Record<string, unknown>[]): void {
    for (const row of rows) {
      this.hash.update(canonicalRow(this.plan, row));
      this.hash.update('\n');
      this.count++;
    }
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
