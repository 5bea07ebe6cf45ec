import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerTicketPage } from '../../queries/customer-ticket-page.js';
import * as sqliteSchema from '../../schema.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import * as pgSchema from '../schema.js';
import { customerTicketPagePg } from './customer-ticket-page.js';

const NOW = Date.UTC(2026, 11, 2, 15, 0, 0);
const CUSTOMER_ACTIONS = ['reminder_sent', 'auto_closed', 'approval_timeout', 'assigned_by_routing'];
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

const ids = (query: string) => both.sqlite.$client.prepare(query).pluck().all() as number[];

async function insertOnBoth<T extends Record<string, unknown>>(sqliteTable: never, pgTable: never, row: T): Promise<void> {
  (both.sqlite.insert(sqliteTable).values(row as never) as unknown as { run(): void }).run();
  await both.pg.insert(pgTable).values(row as never);
}

describe("the customer's ticket page in one read", () => {
  it('reads on PostgreSQL, in one statement, what SQLite reads in six: every demo ticket, and none for a missing one', async () => {
    const [ticketId] = ids(`SELECT ticket_id FROM messages WHERE visibility = 'internal' AND ticket_id IN (SELECT id FROM tickets WHERE status <> 'closed') ORDER BY ticket_id LIMIT 1`);
    const [publicMessage] = ids(`SELECT id FROM messages WHERE ticket_id = ${ticketId} AND visibility = 'public' ORDER BY id LIMIT 1`);
    const [internalNote] = ids(`SELECT id FROM messages WHERE ticket_id = ${ticketId} AND visibility = 'internal' ORDER BY id LIMIT 1`);
    // A photo and a PDF on a public message, a file on an internal note (never shown to the customer),
    // a sender known by address only, and the rules' own actions among an agent's.
    const file = { sha256: 'a'.repeat(64), ownerKind: 'contact' as const, ownerId: null, ticketId: ticketId!, createdAt: NOW };
    await insertOnBoth(sqliteSchema.attachments as never, pgSchema.attachments as never, { ...file, size: 2048, mime: 'image/jpeg', filename: 'foto.jpg', messageId: publicMessage! });
    await insertOnBoth(sqliteSchema.attachments as never, pgSchema.attachments as never, { ...file, size: 4096, mime: 'application/pdf', filename: 'nota fiscal.pdf', messageId: publicMessage! });
    await insertOnBoth(sqliteSchema.attachments as never, pgSchema.attachments as never, { ...file, size: 10, mime: 'text/plain', filename: 'interno.txt', messageId: internalNote! });
    await insertOnBoth(sqliteSchema.messages as never, pgSchema.messages as never, { ticketId: ticketId!, authorKind: 'contact', authorId: null, authorEmail: 'outro@example.org', visibility: 'public', body: 'Segue a foto', createdAt: NOW });
    const system = { ticketId: ticketId!, actorKind: 'system', actorId: null, fromStatus: null, toStatus: null };
    for (const event of [
      { ...system, type: 'reminder_sent', data: { stage: 1, daysLeft: 3 }, createdAt: NOW + 1 },
      { ...system, type: 'approval_timeout', data: { outcome: 'reopen', afterDays: 7 }, createdAt: NOW + 2 },
      { ...system, type: 'status_changed', actorKind: 'agent', actorId: 1, data: { action: 'agent_reply' }, createdAt: NOW + 3 },
    ]) {
      await insertOnBoth(sqliteSchema.ticketEvents as never, pgSchema.ticketEvents as never, event);
    }
    // A closed duplicate merged into another ticket: its page links there.
    const [closed] = ids(`SELECT id FROM tickets WHERE status = 'closed' ORDER BY id LIMIT 1`);
    await insertOnBoth(sqliteSchema.ticketEvents as never, pgSchema.ticketEvents as never, {
      ticketId: closed!, actorKind: 'agent', actorId: 1, type: 'status_changed', fromStatus: 'open', toStatus: 'closed', data: { action: 'merge_into', mergedInto: ticketId! }, createdAt: NOW + 4,
    });

    for (const id of [...ids('SELECT id FROM tickets ORDER BY id'), 999_999]) {
      for (const types of [CUSTOMER_ACTIONS, []]) {
        const expected = customerTicketPage(both.sqlite, id, types);
        expect(await customerTicketPagePg(both.pg, id, types)).toEqual(expected);
      }
    }

    const page = (await customerTicketPagePg(both.pg, ticketId!, CUSTOMER_ACTIONS))!;
    expect(page.messages.every((m) => m.visibility === 'public')).toBe(true);
    expect(page.messages.at(-1)).toMatchObject({ authorName: 'outro@example.org', body: 'Segue a foto', createdAt: NOW });
    expect(page.files.get(publicMessage!)?.map((f) => f.filename)).toEqual(['foto.jpg', 'nota fiscal.pdf']);
    expect([...page.files.values()].flat().map((f) => f.filename)).not.toContain('interno.txt');
    expect(page.automaticActions.map((a) => [a.type, a.outcome])).toEqual([['reminder_sent', null], ['approval_timeout', 'reopen']]);
    expect((await customerTicketPagePg(both.pg, closed!, CUSTOMER_ACTIONS))!.mergedInto).toBe(ticketId);
    expect(await customerTicketPagePg(both.pg, 999_999, CUSTOMER_ACTIONS)).toBeNull();
  });
});
