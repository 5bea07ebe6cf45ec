import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgDb } from '../client.js';
import { captureStatements, explainEach, nodesOf, type PlanCacheMode } from '../plan-testing.js';
import { createPgTestDatabase } from '../testing.js';
import { searchTicketIdsPg } from './ticket-search.js';

/**
 * The agent search on history shaped like a real help desk's (and the benchmark's): a few subjects and
 * message texts said over and over. There, PostgreSQL's statistics call every word common, and a
 * search written as "the newest matches, ORDER BY id DESC LIMIT n" was planned as a backward walk of
 * the ticket and message indexes stemming each row until n matched. For a word nobody wrote it stemmed
 * the whole history: 11.6 s at 200k tickets (session 15, a scratch measurement). The search now asks
 * window by window (ticket-search.ts), and the GIN indexes answer the text condition.
 */
const TICKETS = 30_000;
const SUBJECTS = ['Internet caindo à noite', 'Boleto não chegou', 'Roteador reiniciando sozinho', 'Lentidão no Wi-Fi', 'Cobrança em duplicidade', 'Mudança de plano', 'Sinal fraco no andar de cima', 'Fatura com valor errado'];
const BODIES = [
  'Bom dia, o problema voltou a acontecer hoje cedo. Podem verificar, por favor?',
  'Verificamos sua conexão e fizemos um ajuste no equipamento.',
  'Ainda não funcionou. Reiniciei o roteador duas vezes e a luz continua piscando em vermelho.',
  'Obrigado pelo retorno, agora está tudo certo por aqui.',
];
const BASE = Date.UTC(2026, 0, 1);

let db: PgDb;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createPgTestDatabase());
  const q = (text: string, values: unknown[] = []) => db.$client.query(text, values);
  await q(`INSERT INTO departments (name) VALUES ('Suporte')`);
  await q(`INSERT INTO contacts (name, email, created_at) SELECT 'Cliente ' || i, 'cliente' || i || '@example.com', ${BASE} FROM generate_series(1, 100) i`);
  await q(
    `INSERT INTO tickets (subject, requester_id, department_id, status, origin, created_at, updated_at)
     SELECT ($1::text[])[1 + i % ${SUBJECTS.length}], 1 + i % 100, 1, 'closed', 'portal', ${BASE} + i::bigint * 60000, ${BASE} + i::bigint * 60000
       FROM generate_series(1, ${TICKETS}) i`,
    [SUBJECTS],
  );
  await q(
    `INSERT INTO messages (ticket_id, author_kind, author_id, visibility, body, created_at)
     SELECT 1 + i / 4, 'contact', 1, 'public', ($1::text[])[1 + i % ${BODIES.length}], ${BASE} + i::bigint * 15000
       FROM generate_series(0, ${TICKETS * 4 - 1}) i`,
    [BODIES],
  );
  await q('VACUUM ANALYZE');
}, 300_000);
afterAll(() => dispose?.());

describe('the agent search on a help desk whose words repeat', () => {
  it('finds the newest matches first, whole words before prefixes, and nothing for a word nobody wrote', async () => {
    const newestSubjects = (await db.$client.query<{ id: number }>(`SELECT id FROM tickets WHERE subject LIKE 'Roteador%' ORDER BY id DESC LIMIT 500`)).rows.map((r) => r.id);
    expect(await searchTicketIdsPg(db, 'roteador')).toEqual(newestSubjects);
    // In no subject: the tickets whose messages say it, newest first.
    const vermelho = await searchTicketIdsPg(db, 'vermelho');
    expect(vermelho).toHaveLength(500);
    expect(vermelho[0]).toBe(TICKETS);
    expect(vermelho).toEqual([...vermelho].sort((a, b) => b - a));
    expect(await searchTicketIdsPg(db, 'inexistente')).toEqual([]);
  });

  describe.each<[string, PlanCacheMode]>([
    ['for its values', 'force_custom_plan'],
    ['as the generic plan of its prepared statement', 'force_generic_plan'],
  ])('planned %s', (_label, planCacheMode) => {
    it.each(['inexistente', 'roteador', 'rotea', 'luz vermelha'])('"%s": the GIN indexes answer the words; no scan stems the rows it reads', async (words) => {
      const queries = await captureStatements(db, (tx) => searchTicketIdsPg(tx, words));
      expect(queries.length).toBeGreaterThan(0);
      for await (const { plan, context } of explainEach(db, queries, { prepared: planCacheMode })) {
        const stemming = nodesOf(plan).filter((n) => /to_tsvector/.test(n.Filter ?? ''));
        expect(stemming.map((n) => `${n['Node Type']} on ${n['Relation Name']}: ${n.Filter}`), context).toEqual([]);
        expect(nodesOf(plan).filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']), context).toEqual([]);
      }
    });
  });
});
