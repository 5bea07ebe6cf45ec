import { DAY_MS, type TicketStatus } from '@atende/domain';
import type { Db } from '../client.js';

/**
 * A large, realistic dataset for the benchmark (`pnpm bench`), written straight into a migrated
 * database with prepared statements in big transactions: a million tickets take about a minute.
 * Deterministic (seeded PRNG), so two runs measure the same data.
 */
export interface BenchDatasetOptions {
  tickets: number;
  contacts: number;
  companies: number;
  /** Tickets of the one "heavy" contact (contact 1). */
  heavyTickets: number;
  /** Messages in the thread of the typical contact's first ticket. */
  threadMessages: number;
  now: number;
  onProgress?: (label: string, done: number, total: number) => void;
}

export interface BenchDataset {
  heavyContactId: number;
  typicalContactId: number;
  agentId: number;
  /** A ticket of the typical contact with `threadMessages` messages. */
  threadTicketId: number;
  tickets: number;
  messages: number;
}

const BATCH = 20_000;
const AGENTS = 20;
const HOUR = 60 * 60 * 1000;

/** mulberry32: small, fast, good enough to spread data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A help desk's spread: most tickets are long closed; the live ones are recent.
const RECENT_STATUSES: [TicketStatus, number][] = [
  ['new', 0.08],
  ['open', 0.18],
  ['pending', 0.08],
  ['onsite_visit', 0.04],
  ['waiting_customer', 0.14],
  ['resolved', 0.1],
  ['closed', 0.38],
];
const OLD_STATUSES: [TicketStatus, number][] = [
  ['open', 0.005],
  ['pending', 0.005],
  ['waiting_customer', 0.005],
  ['resolved', 0.005],
  ['closed', 0.98],
];

function pick(weights: [TicketStatus, number][], r: number): TicketStatus {
  let acc = 0;
  for (const [status, w] of weights) {
    acc += w;
    if (r < acc) return status;
  }
  return weights.at(-1)![0];
}

const SUBJECTS = [
  'Internet caindo à noite', 'Boleto não chegou', 'Segunda via da nota fiscal', 'Roteador reiniciando sozinho',
  'Lentidão no Wi-Fi', 'Cobrança em duplicidade', 'Mudança de plano', 'Visita técnica para troca de cabo',
  'Sinal fraco no andar de cima', 'Alterar data de vencimento', 'Sem conexão desde ontem', 'Fatura com valor errado',
  'Troca de titularidade', 'Porta bloqueada no firewall', 'Velocidade abaixo do contratado', 'Reativar linha suspensa',
];
const BODIES = [
  'Bom dia, o problema voltou a acontecer hoje cedo. Podem verificar, por favor?',
  'Olá! Verificamos sua conexão e fizemos um ajuste no equipamento. Pode testar novamente e nos dizer se melhorou?',
  'Segue em anexo a foto do equipamento com as luzes acesas como pediram.',
  'Agendamos a visita técnica para quinta-feira entre 8h e 12h. Alguém precisa estar no local.',
  'Ainda não funcionou. Reiniciei o roteador duas vezes e a luz continua piscando em vermelho.',
  'Obrigado pelo retorno, agora está tudo certo por aqui.',
  'Nota interna: cliente já teve o mesmo problema no mês passado, verificar a ONU.',
  'Emitimos a segunda via e enviamos para o e-mail cadastrado. Qualquer dúvida estamos à disposição.',
];
const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elaine', 'Fábio', 'Gabriela', 'Hugo', 'Isabel', 'João', 'Larissa', 'Marcos'];
const LAST = ['Souza', 'Lima', 'Pereira', 'Oliveira', 'Santos', 'Costa', 'Almeida', 'Ferreira', 'Rodrigues', 'Gomes'];

/** Fills an empty, migrated database. Contact 1 is the heavy one; contact 2 a typical one. */
export function generateBenchDataset(db: Db, options: BenchDatasetOptions): BenchDataset {
  const { tickets, contacts, companies, heavyTickets, threadMessages, now } = options;
  const progress = options.onProgress ?? (() => {});
  const sqlite = db.$client;
  // A throwaway benchmark database: durability during the load buys nothing, speed does.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const random = prng(7);

  const insertCompany = sqlite.prepare('insert into companies (id, name, created_at) values (?, ?, ?)');
  const insertContact = sqlite.prepare('insert into contacts (id, company_id, name, email, created_at) values (?, ?, ?, ?, ?)');
  const insertAgent = sqlite.prepare("insert into agents (id, name, email, role, created_at) values (?, ?, ?, 'agent', ?)");
  const insertDepartment = sqlite.prepare('insert into departments (id, name, serves_external) values (?, ?, 1)');
  const insertTicket = sqlite.prepare(
    `insert into tickets (id, subject, requester_id, company_id, department_id, priority, status, assignee_id, origin,
       created_at, updated_at, waiting_since, resolved_at, closed_at, closing_count, rating_due_until)
     values (?, ?, ?, ?, ?, 'media', ?, ?, 'portal', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMessage = sqlite.prepare(
    'insert into messages (ticket_id, author_kind, author_id, visibility, body, created_at) values (?, ?, ?, ?, ?, ?)',
  );

  const createdAt = now - 3 * 365 * DAY_MS;
  sqlite.transaction(() => {
    ['Suporte', 'Financeiro', 'Instalação'].forEach((name, i) => insertDepartment.run(i + 1, name));
    for (let i = 1; i <= AGENTS; i++) insertAgent.run(i, `Agente ${i}`, `agente${i}@bench.example`, createdAt);
    for (let i = 1; i <= companies; i++) insertCompany.run(i, `Empresa ${i} Ltda`, createdAt);
    for (let i = 1; i <= contacts; i++) {
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i >> 4) % LAST.length]}`;
      insertContact.run(i, ((i - 1) % companies) + 1, name, `contato${i}@bench.example`, createdAt);
    }
  })();
  progress('contacts', contacts, contacts);

  // Tickets are spread over three years in id order; the heavy contact owns every (tickets/heavy)-th one.
  const heavyEvery = Math.max(1, Math.floor(tickets / heavyTickets));
  const span = 3 * 365 * DAY_MS;
  let heavyLeft = heavyTickets;
  let otherIndex = 0;
  let messageCount = 0;
  let threadTicketId = 0;
  const writeBatch = sqlite.transaction((from: number, to: number) => {
    for (let id = from; id <= to; id++) {
      let requester: number;
      if (heavyLeft > 0 && id % heavyEvery === 0) {
        requester = 1;
        heavyLeft--;
      } else {
        requester = 2 + (otherIndex++ % (contacts - 1));
      }
      const created = now - span + Math.floor((span * (id - 1)) / tickets) - Math.floor(random() * 6 * HOUR);
      // The heavy contact (a large company) keeps a few hundred tickets live, not a few dozen.
      const recent = now - created < (requester === 1 ? 180 : 30) * DAY_MS;
      const status = pick(recent ? RECENT_STATUSES : OLD_STATUSES, random());
      const updated = Math.min(now - 1000, created + Math.floor(random() * (recent ? 2 : 10) * DAY_MS));
      const closed = status === 'closed';
      // Half the recently closed still await a rating (the "Não avaliados" tab).
      const ratingDue = closed && now - updated < 30 * DAY_MS && random() < 0.5 ? updated + 30 * DAY_MS : null;
      const isThread = threadTicketId === 0 && requester === 2;
      if (isThread) threadTicketId = id;
      insertTicket.run(
        id,
        SUBJECTS[id % SUBJECTS.length],
        requester,
        ((requester - 1) % companies) + 1,
        (id % 3) + 1,
        status,
        status === 'new' ? null : (id % AGENTS) + 1,
        created,
        updated,
        status === 'waiting_customer' ? updated : null,
        status === 'resolved' ? updated : null,
        closed ? updated : null,
        closed ? 1 : 0,
        ratingDue,
      );
      // About four messages a ticket: 1 to 7.
      const count = isThread ? threadMessages : 1 + Math.floor(random() * 7);
      for (let m = 0; m < count; m++) {
        const fromContact = m % 2 === 0;
        const internal = !fromContact && random() < 0.1;
        insertMessage.run(
          id,
          fromContact ? 'contact' : 'agent',
          fromContact ? requester : (id % AGENTS) + 1,
          internal ? 'internal' : 'public',
          BODIES[(id + m) % BODIES.length],
          created + Math.floor(((updated - created) * m) / count),
        );
      }
      messageCount += count;
    }
  });
  for (let from = 1; from <= tickets; from += BATCH) {
    const to = Math.min(tickets, from + BATCH - 1);
    writeBatch(from, to);
    progress('tickets', to, tickets);
  }
  // No ANALYZE: the portal never runs it, so the benchmark plans queries as production does.
  sqlite.pragma('synchronous = FULL');
  return { heavyContactId: 1, typicalContactId: 2, agentId: 1, threadTicketId, tickets, messages: messageCount };
}

/**
 * For the automations scenario: turns `count` closed tickets of other contacts than the heavy and the
 * typical one (so the panels read the same data) into tickets waiting on the customer since
 * `waitingSince`, i.e. due for the inactivity close when that is older than the policy. `round` picks
 * a different set each time (ids ≡ round mod 10, lowest first: enough closed ones for 5% of a dataset). Returns how many
 * changed. Plain SQL, like the generator: the runner then finds them through its due-time index.
 */
export function makeBenchTicketsDue(db: Db, options: { count: number; waitingSince: number; round: number }): number {
  const result = db.$client
    .prepare(
      `update tickets set status = 'waiting_customer', waiting_since = ?, reminder_stage = 0, resolved_at = null, closed_at = null,
         rating_due_until = null, updated_at = ?, version = version + 1
       where id in (select id from tickets where status = 'closed' and requester_id > 2 and id % 10 = ? order by id limit ?)`,
    )
    .run(options.waitingSince, options.waitingSince, options.round % 10, options.count);
  return result.changes;
}
