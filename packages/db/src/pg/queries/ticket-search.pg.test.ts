import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgReadCache } from '../../store/pg-read-cache.js';
import { serverConnectionClass } from '../../store/pg-connection.js';
import { closePgDatabase, openPgDatabase, type PgDb } from '../client.js';
import { createPgTestDatabase, seedPgBasics } from '../testing.js';
import { messages } from '../schema.js';
import { searchCustomerTicketsPg } from './customer-search.js';
import { searchTicketIdsPg, tsQueryOf } from './ticket-search.js';
import { createTicketPg } from './tickets.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let db: PgDb;
let url: string;
let dispose: () => Promise<void>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  ({ db, url, dispose } = await createPgTestDatabase());
  const { contactId, departmentId } = await seedPgBasics(db, NOW);
  const file = async (key: string, subject: string, body: string) => {
    const ticket = await createTicketPg(db, {
      subject,
      requesterId: contactId,
      companyId: null,
      departmentId,
      origin: 'portal',
      now: NOW,
      firstMessage: { authorKind: 'contact', authorId: contactId, visibility: 'public', body, createdAt: NOW },
    });
    ids[key] = ticket.id;
  };
  await file('conexao', 'Conexão caindo à noite', 'Desde ontem');
  await file('roteador', 'Roteador reiniciando sozinho', 'Pisca a luz vermelha');
  await file('boleto', 'Boleto de novembro', 'Não chegou');
  await db.insert(messages).values({ ticketId: ids.boleto!, authorKind: 'agent', authorId: null, visibility: 'internal', body: 'Cobrança em duplicidade no ÚLTIMO mês', createdAt: NOW });
});
afterAll(() => dispose?.());

describe('accent-insensitive full-text search on PostgreSQL (unaccent + Portuguese)', () => {
  it('finds a subject typed without accents, in upper case, or in another inflection', async () => {
    expect(await searchTicketIdsPg(db, 'conexao')).toEqual([ids.conexao]);
    expect(await searchTicketIdsPg(db, 'CONEXÃO noite')).toEqual([ids.conexao]);
    // The Portuguese stemmer: other inflections of a word match too (SQLite's FTS5 does not stem).
    expect(await searchTicketIdsPg(db, 'noites')).toEqual([ids.conexao]);
    expect(await searchTicketIdsPg(db, 'reiniciar')).toEqual([ids.roteador]);
    expect(await searchTicketIdsPg(db, 'conexao boleto')).toEqual([]);
  });

  it('finds words in messages (internal ones too) and word prefixes', async () => {
    expect(await searchTicketIdsPg(db, 'cobranca duplicidade')).toEqual([ids.boleto]);
    expect(await searchTicketIdsPg(db, 'ultimo')).toEqual([ids.boleto]);
    expect(await searchTicketIdsPg(db, 'rotea')).toEqual([ids.roteador]);
  });

  it("runs its full-text statements unnamed on a server's connection, so none settles on a generic plan", async () => {
    // A server's connection names every statement it has not seen (store/pg-connection.ts), and
    // PostgreSQL keeps a named statement's generic plan after five runs when it looks cheaper: for
    // these it stems every row of the window instead of asking the GIN index (planned-each-time.ts).
    const server = openPgDatabase(url, { max: 1, Client: serverConnectionClass(new PgReadCache(), { prepare: true }) });
    try {
      const [contactId] = (await db.$client.query<{ id: number }>('SELECT id FROM contacts ORDER BY id LIMIT 1')).rows.map((r) => r.id);
      for (let run = 0; run < 7; run++) {
        expect(await searchTicketIdsPg(server, 'roteador')).toEqual([ids.roteador]);
        expect(await searchTicketIdsPg(server, 'luz vermelha')).toEqual([ids.roteador]);
        expect((await searchCustomerTicketsPg(server, { requesterId: contactId!, input: 'roteador' })).map((t) => t.id)).toEqual([ids.roteador]);
      }
      const { rows } = await server.$client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
      expect(rows.length, 'the connection names its other statements').toBeGreaterThan(0);
      expect(rows.filter((r) => r.statement.includes('to_tsvector')).map((r) => r.statement)).toEqual([]);
    } finally {
      await closePgDatabase(server);
    }
  });

  it('finds a ticket by its number, and treats query syntax as plain words', async () => {
    expect(await searchTicketIdsPg(db, `#${ids.roteador}`)).toEqual([ids.roteador]);
    expect(tsQueryOf(`a & !b | c:* <-> (d`)).toBe('a:* & b:* & c:* & d:*');
    expect(await searchTicketIdsPg(db, `conexão') | ('noite`)).toEqual([ids.conexao]);
    expect(await searchTicketIdsPg(db, '!!! &&')).toEqual([]);
  });
});
