import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRatingDeadlineOf, panelStampOf, panelTagPartsOf } from '../../queries/panel-stamps.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { nextRatingDeadlineOfPg, panelStampOfPg, panelTagPartsOfPg } from './panel-stamps.js';

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
