import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

type Item = { id: number; priority: string; updatedAt: string; departmentName: string | null; assigneeName: string | null };

async function allOf(query: string): Promise<{ items: Item[]; counts: Record<string, number> }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let counts: Record<string, number>;
  do {
    const page: any = await t.request('GET', `/api/agent/tickets?${query}${cursor ? `&cursor=${cursor}` : ''}`, { cookie: agent });
    expect(page.status).toBe(200);
    items.push(...page.json.items);
    counts = page.json.counts;
    cursor = page.json.nextCursor;
  } while (cursor);
  return { items, counts };
}

const RANK: Record<string, number> = { urgente: 0, alta: 1, media: 2, baixa: 3 };

describe('queue sort and counts', () => {
  it('sorts by priority, most urgent first and newest activity within a priority, across pages', async () => {
    const { items } = await allOf('queue=all&sort=priority');
    expect(items).toHaveLength(35);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(RANK[a.priority]! < RANK[b.priority]! || (a.priority === b.priority && a.updatedAt >= b.updatedAt)).toBe(true);
    }
    expect(items[0]!.priority).toBe('urgente');
    // Each row names its department and assignee (Responsável, Departamento columns).
    expect(items.every((i) => i.departmentName !== null)).toBe(true);
  });

  it('each tab’s count follows the active filters', async () => {
    const unfiltered = await allOf('queue=all');
    const financeiro = (await t.request('GET', '/api/agent/options', { cookie: agent })).json.departments.find((d: { name: string }) => d.name === 'Financeiro').id;
    const filtered = await allOf(`queue=all&departmentId=${financeiro}`);
    expect(filtered.counts.all).toBe(filtered.items.length);
    expect(filtered.counts.all).toBeLessThan(unfiltered.counts.all!);
    const unassigned = await allOf(`queue=unassigned&departmentId=${financeiro}`);
    expect(filtered.counts.unassigned).toBe(unassigned.items.length);
    const none = await allOf('queue=all&q=zzzz-nada');
    expect(none.counts.all).toBe(0);
  });
});
