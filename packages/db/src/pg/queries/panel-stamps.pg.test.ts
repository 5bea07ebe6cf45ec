import { CUSTOMER_TABS } from '@atende/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRatingDeadlineOf, panelStampOf, panelTagPartsOf } from '../../queries/panel-stamps.js';
import { customerTabCountsTagged, listCustomerTicketsTagged } from '../../queries/tagged-panel-reads.js';
import { customerTabCounts, listCustomerTickets, type ActivityCursor } from '../../queries/tickets.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { nextRatingDeadlineOfPg, panelStampOfPg, panelTagPartsOfPg } from './panel-stamps.js';
import { customerTabCountsTaggedPg, listCustomerTicketsTaggedPg } from './tagged-panel-reads.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const DAY = 86_400_000;
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

describe("a panel answer's tag parts in one read", () => {
  it('are the stamp and the next rating deadline, on each engine, as the two reads give them', async () => {
    const contacts = both.sqlite.$client.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as number[];
    const withDeadline = both.sqlite.$client.prepare("SELECT DISTINCT requester_id FROM tickets WHERE customer_tab = 'unrated'").pluck().all() as number[];
    expect(withDeadline.length).toBeGreaterThan(0);
    for (const contactId of [...contacts, 999_999]) {
      for (const at of [NOW - 40 * DAY, NOW, NOW + 40 * DAY]) {
        const sqlite = panelTagPartsOf(both.sqlite, contactId, at);
        expect(sqlite).toEqual({ stamp: panelStampOf(both.sqlite, contactId), ratingDeadline: nextRatingDeadlineOf(both.sqlite, contactId, at) });
        const pg = await panelTagPartsOfPg(both.pg, contactId, at);
        expect(pg).toEqual({ stamp: await panelStampOfPg(both.pg, contactId), ratingDeadline: await nextRatingDeadlineOfPg(both.pg, contactId, at) });
        // The stamps are random per database; the deadline is the data's, the same on both.
        expect(pg.ratingDeadline).toBe(sqlite.ratingDeadline);
      }
    }
    expect(withDeadline.some((contactId) => panelTagPartsOf(both.sqlite, contactId, NOW).ratingDeadline !== null)).toBe(true);
  });
});

describe('a panel answer read with its tag', () => {
  it('is the same counts and tag as the separate reads, on both engines, for every contact and moment', async () => {
    const contacts = both.sqlite.$client.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as number[];
    let counted = 0;
    for (const contactId of [...contacts, 999_999]) {
      for (const at of [NOW - 40 * DAY, NOW, NOW + 40 * DAY]) {
        const sqlite = customerTabCountsTagged(both.sqlite, contactId, at);
        expect(sqlite).toEqual({ tag: panelTagPartsOf(both.sqlite, contactId, at), answer: customerTabCounts(both.sqlite, contactId, at) });
        const pg = await customerTabCountsTaggedPg(both.pg, contactId, at);
        expect(pg.tag).toEqual(await panelTagPartsOfPg(both.pg, contactId, at));
        // The stamps are random per database; the counts and the deadline are the data's.
        expect(pg.answer).toEqual(sqlite.answer);
        expect(pg.tag.ratingDeadline).toBe(sqlite.tag.ratingDeadline);
        counted += sqlite.answer.all;
      }
    }
    expect(counted).toBeGreaterThan(0);
  });

  it('is the same pages, page by page, with the same tag, on both engines, for every tab', async () => {
    const contacts = both.sqlite.$client.prepare('SELECT DISTINCT requester_id FROM tickets ORDER BY requester_id').pluck().all() as number[];
    let rows = 0;
    for (const requesterId of contacts) {
      for (const tab of CUSTOMER_TABS) {
        // Pages of two, so cursors are followed wherever a contact has a few tickets.
        let cursor: ActivityCursor | null = null;
        do {
          const params = { requesterId, tab, now: NOW, cursor, limit: 2 };
          const sqlite = listCustomerTicketsTagged(both.sqlite, params);
          expect(sqlite).toEqual({ tag: panelTagPartsOf(both.sqlite, requesterId, NOW), answer: listCustomerTickets(both.sqlite, params) });
          const pg = await listCustomerTicketsTaggedPg(both.pg, params);
          expect(pg.answer, `${requesterId} ${tab}`).toEqual(sqlite.answer);
          expect(pg.tag).toEqual(await panelTagPartsOfPg(both.pg, requesterId, NOW));
          rows += sqlite.answer.items.length;
          cursor = sqlite.answer.nextCursor;
        } while (cursor);
      }
    }
    expect(rows).toBeGreaterThan(contacts.length);
  });
});
