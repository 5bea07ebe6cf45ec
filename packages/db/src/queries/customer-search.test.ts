import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { seedDemoData } from '../seed/demo-data.js';
import { createTestDatabase } from '../testing/index.js';
import { searchCustomerTickets } from './customer-search.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let db: Db;
let dispose: () => void;
beforeEach(() => {
  ({ db, dispose } = createTestDatabase());
  seedDemoData(db, { passwordHash: 'x', now: NOW, environment: 'test' });
});
afterEach(() => dispose());

const ticketOf = (subject: string) => db.$client.prepare('select id, requester_id as requesterId from tickets where subject = ?').get(subject) as { id: number; requesterId: number };
const addMessage = (ticketId: number, body: string, visibility: 'public' | 'internal') =>
  db.$client
    .prepare(`insert into messages (ticket_id, author_kind, author_id, visibility, body, created_at) values (?, 'agent', null, ?, ?, ?)`)
    .run(ticketId, visibility, body, NOW);
const subjects = (requesterId: number, input: string) => searchCustomerTickets(db, { requesterId, input }).map((t) => t.subject);

describe('the customer’s search over their own tickets', () => {
  it('finds by subject, ignoring accents and case', () => {
    const catraca = ticketOf('Catraca travada aberta na recepção');
    expect(subjects(catraca.requesterId, 'RECEPCAO')).toEqual(['Catraca travada aberta na recepção']);
    expect(subjects(catraca.requesterId, 'catr')).toContain('Catraca travada aberta na recepção');
  });

  it('finds by number, with or without #', () => {
    const catraca = ticketOf('Catraca travada aberta na recepção');
    expect(subjects(catraca.requesterId, `#${catraca.id}`)).toContain('Catraca travada aberta na recepção');
    expect(subjects(catraca.requesterId, String(catraca.id))).toContain('Catraca travada aberta na recepção');
  });

  it('finds by the text of a public message, never by an internal note', () => {
    const wifi = ticketOf('Lentidão no Wi-Fi do escritório');
    addMessage(wifi.id, 'O técnico trocou a antena parabólica.', 'public');
    addMessage(wifi.id, 'Cliente difícil, cuidado com o zelador.', 'internal');
    expect(subjects(wifi.requesterId, 'parabolica')).toEqual(['Lentidão no Wi-Fi do escritório']);
    expect(subjects(wifi.requesterId, 'zelador')).toEqual([]);
  });

  it('never finds another customer’s ticket, by words or by number', () => {
    const mine = ticketOf('Catraca travada aberta na recepção');
    const theirs = ticketOf('Fatura com valor errado');
    expect(theirs.requesterId).not.toBe(mine.requesterId);
    expect(subjects(mine.requesterId, 'fatura valor errado')).toEqual([]);
    expect(subjects(mine.requesterId, `#${theirs.id}`)).toEqual([]);
  });

  it('treats search syntax as words', () => {
    const mine = ticketOf('Catraca travada aberta na recepção');
    expect(subjects(mine.requesterId, '"catraca" OR NEAR(')).toEqual([]);
    expect(subjects(mine.requesterId, '*')).toEqual([]);
  });
});
