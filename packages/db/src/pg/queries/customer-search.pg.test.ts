import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCustomerTickets } from '../../queries/customer-search.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { searchCustomerTicketsPg } from './customer-search.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

async function onBoth(statement: string, params: unknown[]) {
  both.sqlite.$client.prepare(statement.replace(/\$\d+/g, '?')).run(...params);
  await both.pg.$client.query(statement, params);
}
const ticketOf = (subject: string) => both.sqlite.$client.prepare('select id, requester_id as requesterId from tickets where subject = ?').get(subject) as { id: number; requesterId: number };

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
  const wifi = ticketOf('Lentidão no Wi-Fi do escritório');
  const insert = `insert into messages (ticket_id, author_kind, author_id, visibility, body, created_at) values ($1, 'agent', null, $2, $3, $4)`;
  await onBoth(insert, [wifi.id, 'public', 'O técnico trocou a antena parabólica.', NOW]);
  await onBoth(insert, [wifi.id, 'internal', 'Cliente difícil, cuidado com o zelador.', NOW]);
});
afterAll(() => both?.dispose());

describe('the customer’s search on PostgreSQL', () => {
  const requesters = () => both.sqlite.$client.prepare('select distinct requester_id from tickets order by 1').pluck().all() as number[];

  it.each(['RECEPCAO', 'catr', 'parabolica', 'zelador', 'fatura valor errado', '"catraca" OR NEAR(', '*', '', 'wi fi', 'ca', 'lent', 'tecnico antena'])(
    'finds the same tickets, in the same order, as SQLite for %j (every customer, and a small limit)',
    async (input) => {
      for (const requesterId of requesters()) {
        for (const limit of [undefined, 2]) {
          const onPg = await searchCustomerTicketsPg(both.pg, { requesterId, input, limit });
          expect(onPg, `${requesterId} ${limit}`).toEqual(searchCustomerTickets(both.sqlite, { requesterId, input, limit }));
        }
      }
    },
  );

  it('differs from SQLite on Portuguese stopwords, which the atende_pt configuration drops: "a" alone finds nothing', async () => {
    const requesterId = ticketOf('Catraca travada aberta na recepção').requesterId;
    expect(searchCustomerTickets(both.sqlite, { requesterId, input: 'a' }).length).toBeGreaterThan(0);
    expect(await searchCustomerTicketsPg(both.pg, { requesterId, input: 'a' })).toEqual([]);
  });

  it('finds by number only among the customer’s own tickets; a number too long for an id finds nothing', async () => {
    const mine = ticketOf('Catraca travada aberta na recepção');
    const theirs = ticketOf('Fatura com valor errado');
    for (const input of [`#${mine.id}`, ` ${mine.id} `, `#${theirs.id}`, '123456789012345']) {
      const params = { requesterId: mine.requesterId, input };
      expect(await searchCustomerTicketsPg(both.pg, params), input).toEqual(searchCustomerTickets(both.sqlite, params));
    }
    expect((await searchCustomerTicketsPg(both.pg, { requesterId: mine.requesterId, input: `#${mine.id}` })).map((t) => t.id)).toContain(mine.id);
    expect(await searchCustomerTicketsPg(both.pg, { requesterId: mine.requesterId, input: `#${theirs.id}` })).toEqual([]);
  });
});
