import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRatingComment, getRating, listRatings, ticketRatings } from '../../queries/ratings.js';
import { reportRows } from '../../queries/reports.js';
import { automaticActions, latestClosingMergeTarget, ticketHistory, ticketParticipants, ticketThread } from '../../queries/thread.js';
import * as sqliteSchema from '../../schema.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import * as pgSchema from '../schema.js';
import { tableOnBothEngines } from '../twin-testing.js';
import { addRatingCommentPg, getRatingPg, listRatingsPg, ticketRatingsPg } from './ratings.js';
import { reportRowsPg } from './reports.js';
import { automaticActionsPg, latestClosingMergeTargetPg, ticketHistoryPg, ticketParticipantsPg, ticketThreadPg } from './thread.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

async function onBoth<T>(sqlite: () => T, pg: () => Promise<T>): Promise<T> {
  const expected = sqlite();
  expect(await pg()).toEqual(expected);
  return expected;
}

const ids = (query: string) => both.sqlite.$client.prepare(query).pluck().all() as number[];

describe('the thread on PostgreSQL reads as on SQLite', () => {
  it('gives the same messages, history, automatic actions and participants', async () => {
    const [ticketId] = ids(`SELECT ticket_id FROM messages WHERE visibility = 'internal' ORDER BY ticket_id LIMIT 1`);
    // A sender who is no contact (named by address only) and the rules' own actions, on both engines.
    const message = { ticketId: ticketId!, authorKind: 'contact' as const, authorId: null, authorEmail: 'fulano@example.org', visibility: 'public' as const, body: 'Oi', createdAt: NOW };
    both.sqlite.insert(sqliteSchema.messages).values(message).run();
    await both.pg.insert(pgSchema.messages).values(message);
    const system = { ticketId: ticketId!, actorKind: 'system' as const, actorId: null, fromStatus: null, toStatus: null };
    const events = [
      { ...system, type: 'reminder_sent' as const, data: { stage: 1, daysLeft: 3 }, createdAt: NOW + 1 },
      { ...system, type: 'approval_timeout' as const, data: { outcome: 'reopen' as const, afterDays: 7 }, createdAt: NOW + 2 },
      { ...system, type: 'auto_closed' as const, data: null, createdAt: NOW + 3 },
      { ...system, type: 'status_changed' as const, actorKind: 'agent' as const, actorId: 1, data: { action: 'agent_reply' as const }, createdAt: NOW + 4 },
    ];
    for (const event of events) {
      both.sqlite.insert(sqliteSchema.ticketEvents).values(event).run();
      await both.pg.insert(pgSchema.ticketEvents).values(event);
    }
    for (const audience of ['customer', 'staff'] as const) {
      const thread = await onBoth(() => ticketThread(both.sqlite, ticketId!, audience), () => ticketThreadPg(both.pg, ticketId!, audience));
      expect(thread.some((m) => m.visibility === 'internal')).toBe(audience === 'staff');
      expect(thread.at(-1)!.authorName).toBe('fulano@example.org');
    }
    await onBoth(() => ticketThread(both.sqlite, 999_999, 'staff'), () => ticketThreadPg(both.pg, 999_999, 'staff'));
    const history = await onBoth(() => ticketHistory(both.sqlite, ticketId!), () => ticketHistoryPg(both.pg, ticketId!));
    expect(history.map((e) => e.data)).toContainEqual({ outcome: 'reopen', afterDays: 7 });
    for (const types of [['reminder_sent', 'approval_timeout', 'auto_closed', 'status_changed'], ['approval_timeout'], [], ['created']]) {
      await onBoth(() => automaticActions(both.sqlite, ticketId!, types), () => automaticActionsPg(both.pg, ticketId!, types));
    }
    expect((await automaticActionsPg(both.pg, ticketId!, ['approval_timeout', 'reminder_sent'])).map((a) => a.outcome)).toEqual([null, 'reopen']);
    for (const id of [...ids('SELECT id FROM tickets ORDER BY id'), 999_999]) {
      await onBoth(() => ticketParticipants(both.sqlite, id), () => ticketParticipantsPg(both.pg, id));
    }
  });
});

describe('the ticket a closed duplicate was merged into', () => {
  it('is the latest closing’s target on both engines: none before a merge, none after a later plain closing', async () => {
    const [ticketId] = ids(`SELECT id FROM tickets WHERE status <> 'closed' ORDER BY id LIMIT 1`);
    const target = ticketId! + 1;
    const closing = { ticketId: ticketId!, actorKind: 'agent' as const, actorId: 1, type: 'status_changed' as const, toStatus: 'closed' as const };
    const add = async (event: typeof closing & { fromStatus: 'open' | 'resolved'; data: Record<string, unknown>; createdAt: number }) => {
      both.sqlite.insert(sqliteSchema.ticketEvents).values(event as never).run();
      await both.pg.insert(pgSchema.ticketEvents).values(event as never);
    };
    const check = () => onBoth(() => latestClosingMergeTarget(both.sqlite, ticketId!), () => latestClosingMergeTargetPg(both.pg, ticketId!));
    expect(await check()).toBeNull();
    await add({ ...closing, fromStatus: 'open', data: { action: 'merge_into', mergedInto: target }, createdAt: NOW + 10 });
    expect(await check()).toBe(target);
    // Reopened and closed again by hand: the page no longer points at the merge.
    await add({ ...closing, fromStatus: 'resolved', data: { action: 'close' }, createdAt: NOW + 20 });
    expect(await check()).toBeNull();
    expect(await onBoth(() => latestClosingMergeTarget(both.sqlite, 999_999), () => latestClosingMergeTargetPg(both.pg, 999_999))).toBeNull();
  });
});

describe('ratings and reports on PostgreSQL answer as on SQLite', () => {
  it('reads ratings and their summaries, and takes a comment once', async () => {
    const rated = ids('SELECT ticket_id FROM ratings ORDER BY ticket_id');
    expect(rated.length).toBeGreaterThan(1);
    for (const ticketId of [...rated, 999_999]) {
      await onBoth(() => getRating(both.sqlite, ticketId, 1), () => getRatingPg(both.pg, ticketId, 1));
      await onBoth(() => ticketRatings(both.sqlite, ticketId), () => ticketRatingsPg(both.pg, ticketId));
    }
    await onBoth(() => getRating(both.sqlite, rated[0]!, 2), () => getRatingPg(both.pg, rated[0]!, 2));
    const [withoutComment] = ids('SELECT id FROM ratings WHERE comment IS NULL ORDER BY id LIMIT 1');
    expect(await onBoth(() => addRatingComment(both.sqlite, withoutComment!, 'Demorou.'), () => addRatingCommentPg(both.pg, withoutComment!, 'Demorou.'))).toBe(true);
    expect(await onBoth(() => addRatingComment(both.sqlite, withoutComment!, 'Outra'), () => addRatingCommentPg(both.pg, withoutComment!, 'Outra'))).toBe(false);
    expect(await onBoth(() => addRatingComment(both.sqlite, 999_999, 'x'), () => addRatingCommentPg(both.pg, 999_999, 'x'))).toBe(false);
    const rows = await tableOnBothEngines(both, 'ratings');
    expect(rows.pg).toEqual(rows.sqlite);

    const [agentId] = ids('SELECT agent_id FROM ratings WHERE agent_id IS NOT NULL ORDER BY id LIMIT 1');
    const filters = [{}, { agentId: agentId! }, { from: NOW - 30 * DAY, to: NOW }, { from: NOW + DAY }, { agentId: 999_999 }, { to: NOW - 1000 * DAY }];
    for (const filter of filters) await onBoth(() => listRatings(both.sqlite, filter), () => listRatingsPg(both.pg, filter));
    expect((await listRatingsPg(both.pg, {})).total).toBe(rated.length);
  });

  it('two comments sent at once for one rating: one is kept', async () => {
    const [ratingId] = ids('SELECT id FROM ratings WHERE comment IS NULL ORDER BY id');
    const taken = await Promise.all(['a', 'b', 'c', 'd'].map((comment) => both.pg.transaction((tx) => addRatingCommentPg(tx, ratingId!, comment))));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it("gives the same report rows; agents in SQLite's byte order, whatever the server's collation", async () => {
    // This test server's default collation (C.UTF-8) already orders by code point; a managed one is
    // often a language's, where 'Álvaro' sorts before 'bruna': give the column one (this database only).
    await both.pg.$client.query(`ALTER TABLE agents ALTER COLUMN name TYPE text COLLATE "pt-BR-x-icu"`);
    for (const name of ['Álvaro Ávila', 'bruna', 'Zeca']) {
      const agent = { name, email: `${name.length}${name.charCodeAt(0)}@example.com`, createdAt: NOW };
      both.sqlite.insert(sqliteSchema.agents).values(agent).run();
      await both.pg.insert(pgSchema.agents).values(agent);
    }
    for (const period of [{ start: NOW - 365 * DAY, end: NOW + DAY }, { start: NOW - 2 * DAY, end: NOW }, { start: NOW + DAY, end: NOW + 2 * DAY }]) {
      const rows = await onBoth(() => reportRows(both.sqlite, period), () => reportRowsPg(both.pg, period));
      expect(rows.agents.map((a) => a.name).slice(-3)).toEqual(['Zeca', 'bruna', 'Álvaro Ávila']);
    }
    const all = await reportRowsPg(both.pg, { start: 0, end: NOW + DAY });
    expect(all.tickets.some((t) => t.firstResponseAt !== null)).toBe(true);
    expect(all.ratings.length).toBeGreaterThan(0);
  });
});
