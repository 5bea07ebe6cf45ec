import { emailSentEvent, routeNewTicket, routingEvent } from '@atende/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../client.js';
import { findAccountByEmail } from '../../queries/accounts.js';
import { departmentAgentLoads } from '../../queries/automation-scans.js';
import { AttachmentClaimError, createTicket, createTicketOnce, getTicket, hasInboundReceipt, ticketStateOf, writeTicketChange, type NewTicket } from '../../queries/tickets.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import type { PgExecutor } from '../executor.js';
import { rowsOnBothEngines, type ComparedTable } from '../same-rows.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { departmentAgentLoadsPg } from './automation-scans.js';
import { createTicketOncePg, createTicketPg, getTicketPg, hasInboundReceiptPg, writeTicketChangePg, type NewTicketPg } from './tickets.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

const TABLES: ComparedTable[] = ['tickets', 'messages', 'ticketEvents', 'outbox', 'ticketIdempotencyKeys', 'attachments', 'inboundReceipts'];
async function expectSameTables() {
  for (const table of TABLES) {
    const rows = await rowsOnBothEngines(both, table);
    expect(rows.pg, table).toEqual(rows.sqlite);
  }
}

async function onBoth(statement: string, params: unknown[] = []) {
  both.sqlite.$client.prepare(statement.replace(/\$\d+/g, '?')).run(...params);
  await both.pg.$client.query(statement, params);
}

const contactId = () => findAccountByEmail(both.sqlite, DEMO_ACCOUNTS.contact)!.id;
const departmentId = () => both.sqlite.$client.prepare('SELECT id FROM departments ORDER BY id LIMIT 1').pluck().get() as number;

/** One new ticket's input, with routing and a notice computed from the database each engine passes. */
function inputs(overrides: Partial<NewTicket> = {}): { sqlite: NewTicket; pg: NewTicketPg } {
  const base = {
    subject: 'Impressora fiscal sem papel',
    requesterId: contactId(),
    companyId: null,
    departmentId: departmentId(),
    origin: 'portal' as const,
    priority: 'alta' as const,
    dueAt: NOW + 4 * 3_600_000,
    firstMessage: { authorKind: 'contact' as const, authorId: contactId(), visibility: 'public' as const, body: 'Acabou o papel.', createdAt: NOW },
    laterMessages: [{ authorKind: 'agent' as const, authorId: null, visibility: 'internal' as const, body: 'Resumo da conversa.', createdAt: NOW }],
    now: NOW,
    ...overrides,
  };
  const decide = (departmentAgents: { agentId: number; openTickets: number }[]) => {
    const decision = routeNewTicket({ now: NOW, timeZone: 'America/Sao_Paulo', policy: { enabled: false, specialWindows: [] }, services: [], departmentAgents });
    return { assigneeId: decision.agentId, events: [routingEvent(decision, NOW)] };
  };
  const notice = (ticket: { id: number; subject: string }) => ({
    mail: [{ dedupeKey: `received:${ticket.id}`, ticketId: null, kind: 'ticket_received', toAddress: DEMO_ACCOUNTS.contact, replyTo: null, subject: ticket.subject, textBody: 't', htmlBody: 'h', messageDomain: 'suporte.example' }],
    events: [emailSentEvent({ kind: 'ticket_received', to: DEMO_ACCOUNTS.contact, subject: ticket.subject, text: 't' }, NOW)],
  });
  return {
    sqlite: { ...base, route: (tx: Db) => decide(departmentAgentLoads(tx, departmentId())), notify: (ticket) => notice(ticket) },
    pg: { ...base, route: async (tx: PgExecutor) => decide(await departmentAgentLoadsPg(tx, departmentId())), notify: (ticket) => notice(ticket) },
  };
}

describe('createTicketOnce on PostgreSQL', () => {
  it('writes the same ticket, messages, history, e-mail and key as SQLite, and replays a repeated key', async () => {
    const { sqlite, pg } = inputs({ idempotencyKey: 'pedido-1' });
    const onSqlite = createTicketOnce(both.sqlite, sqlite);
    const onPg = await createTicketOncePg(both.pg, pg);
    expect(onPg).toEqual(onSqlite);
    expect(onPg.created).toBe(true);
    expect(onPg.ticket.assigneeId).not.toBeNull();
    await expectSameTables();
    const again = await createTicketOncePg(both.pg, pg);
    expect(again).toEqual(createTicketOnce(both.sqlite, sqlite));
    expect(again).toEqual({ ticket: onPg.ticket, created: false });
    await expectSameTables();
  });

  it('without a key or callbacks (and createTicket): the assignee given, no e-mail', async () => {
    const { sqlite, pg } = inputs({ assigneeId: null, laterMessages: [] });
    const { route: _r, notify: _n, ...plainSqlite } = sqlite;
    const { route: _pr, notify: _pn, ...plainPg } = pg;
    expect(await createTicketOncePg(both.pg, plainPg)).toEqual(createTicketOnce(both.sqlite, plainSqlite));
    expect(await createTicketPg(both.pg, plainPg)).toEqual(createTicket(both.sqlite, plainSqlite));
    await expectSameTables();
  });

  it('the same request sent five times at once with one key creates one ticket; the others replay it', async () => {
    const { sqlite, pg } = inputs({ idempotencyKey: 'pedido-corrida' });
    const results = await Promise.all(Array.from({ length: 5 }, () => createTicketOncePg(both.pg, pg)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    createTicketOnce(both.sqlite, sqlite);
    await expectSameTables();
  });

  it('claims the staged files for the first message', async () => {
    for (const id of [70, 71]) {
      await onBoth(`INSERT INTO attachments (id, sha256, size, mime, filename, owner_kind, owner_id, created_at) VALUES ($1, 'abc', 3, 'text/plain', 'a.txt', 'contact', $2, $3)`, [id, contactId(), NOW]);
    }
    const { sqlite, pg } = inputs({ attachmentIds: [70, 71] });
    expect(await createTicketOncePg(both.pg, pg)).toEqual(createTicketOnce(both.sqlite, sqlite));
    await expectSameTables();
  });
});

describe('inbound receipts and the answer clock on PostgreSQL', () => {
  it('says whether a Message-ID was taken in', async () => {
    await onBoth(`INSERT INTO inbound_receipts (message_id, ticket_id, received_at) VALUES ('<m1@cliente.example>', NULL, $1)`, [NOW]);
    for (const id of ['<m1@cliente.example>', '<M1@cliente.example>', '<m2@cliente.example>']) expect(await hasInboundReceiptPg(both.pg, id)).toBe(hasInboundReceipt(both.sqlite, id));
  });

  it('sets and clears the answer clock with the change’s own update, returning the same row', async () => {
    const ticketId = both.sqlite.$client.prepare('SELECT id FROM tickets ORDER BY id LIMIT 1').pluck().get() as number;
    for (const [i, answerClock] of [{ customerRepliedAt: NOW, nextResponseDueAt: NOW + 3_600_000 }, { customerRepliedAt: null, nextResponseDueAt: null }].entries()) {
      const ticket = getTicket(both.sqlite, ticketId)!;
      expect(await getTicketPg(both.pg, ticketId)).toEqual(ticket);
      const change = { next: ticketStateOf(ticket), answerClock };
      const written = writeTicketChange(both.sqlite, ticket, change, NOW + i);
      expect(written).toMatchObject({ ...answerClock, version: ticket.version + 1 });
      expect(await writeTicketChangePg(both.pg, ticket, change, NOW + i)).toEqual(written);
    }
    await expectSameTables();
  });
});

describe('a file claimed meanwhile (last: a failed write spends identity values on PostgreSQL only)', () => {
  it('throws AttachmentClaimError on both engines and writes nothing', async () => {
    const { sqlite, pg } = inputs({ attachmentIds: [70], idempotencyKey: 'com-anexo' });
    expect(() => createTicketOnce(both.sqlite, sqlite)).toThrow(AttachmentClaimError);
    await expect(createTicketOncePg(both.pg, pg)).rejects.toThrow(AttachmentClaimError);
    await expectSameTables();
  });

  it("runs inside a caller's transaction (a savepoint): the caller's rollback takes the ticket back", async () => {
    const before = await rowsOnBothEngines(both, 'tickets');
    await expect(
      both.pg.transaction(async (tx) => {
        const { created } = await createTicketOncePg(tx, inputs({ idempotencyKey: 'desfeito' }).pg);
        expect(created).toBe(true);
        tx.rollback();
      }),
    ).rejects.toThrow();
    expect((await rowsOnBothEngines(both, 'tickets')).pg).toEqual(before.pg);
  });

  it('two tickets naming one staged file at once: one takes it, the other throws and leaves nothing', async () => {
    await both.pg.$client.query(`INSERT INTO attachments (id, sha256, size, mime, filename, owner_kind, owner_id, created_at) VALUES (72, 'abc', 3, 'text/plain', 'b.txt', 'contact', $1, $2)`, [contactId(), NOW]);
    const countTickets = async () => (await both.pg.$client.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]!.n;
    const before = await countTickets();
    const results = await Promise.allSettled([1, 2].map((n) => createTicketOncePg(both.pg, inputs({ attachmentIds: [72], subject: `Corrida ${n}` }).pg)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(AttachmentClaimError)]);
    expect(await countTickets()).toBe(before + 1);
    const { rows } = await both.pg.$client.query<{ ticket_id: number }>('SELECT ticket_id FROM attachments WHERE id = 72');
    expect(rows[0]!.ticket_id).toBe((won[0] as PromiseFulfilledResult<{ ticket: { id: number } }>).value.ticket.id);
  });
});
