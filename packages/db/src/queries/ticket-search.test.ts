import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { createTestDatabase } from '../testing/index.js';
import { ftsQueryOf, searchTicketIds } from './ticket-search.js';

let db: Db;
let dispose: () => void;
beforeEach(() => {
  ({ db, dispose } = createTestDatabase({ content: 'demo' }));
});
afterEach(() => dispose());

const idOfSubject = (subject: string) => (db.$client.prepare('select id from tickets where subject = ?').get(subject) as { id: number }).id;

describe('ticket search index', () => {
  it('stays in step with tickets and messages (FTS5 integrity check)', () => {
    db.$client.prepare(`update tickets set subject = 'Roteador queimado' where id = ?`).run(idOfSubject('Troca de titularidade'));
    expect(() => db.$client.exec(`insert into tickets_fts(tickets_fts, rank) values ('integrity-check', 1)`)).not.toThrow();
    expect(() => db.$client.exec(`insert into messages_fts(messages_fts, rank) values ('integrity-check', 1)`)).not.toThrow();
  });

  it('a renamed ticket is found by its new subject, no longer by the old one', () => {
    const id = idOfSubject('Troca de titularidade');
    db.$client.prepare(`update tickets set subject = 'Roteador queimado' where id = ?`).run(id);
    expect(searchTicketIds(db, 'queimado')).toEqual([id]);
    db.$client.prepare(`update tickets set subject = 'Outro assunto' where id = ?`).run(id);
    expect(searchTicketIds(db, 'queimado')).toEqual([]);
  });

  it('finds whole words first and partial words too, newest first, up to the limit', () => {
    const oldest = (db.$client.prepare('select min(id) as id from tickets').get() as { id: number }).id;
    const newest = (db.$client.prepare('select max(id) as id from tickets').get() as { id: number }).id;
    db.$client.prepare(`update tickets set subject = 'Antena parabólica torta' where id in (?, ?)`).run(oldest, newest);
    expect(searchTicketIds(db, 'parabolica')).toEqual([newest, oldest]);
    expect(searchTicketIds(db, 'parabo')).toEqual([newest, oldest]); // a word being typed
    expect(searchTicketIds(db, 'parabolica', 1)).toEqual([newest]);
    // A word only in a message.
    const firstMessageTicket = (db.$client.prepare('select ticket_id as id from messages order by id limit 1').get() as { id: number }).id;
    db.$client.prepare(`update messages set body = 'O técnico trocou o conector RJ45.' where id = (select min(id) from messages)`).run();
    expect(searchTicketIds(db, 'conector')).toEqual([firstMessageTicket]);
  });

  it('keeps only words: FTS operators and quotes are never syntax', () => {
    expect(ftsQueryOf('"conexão" OR *')).toBe('"conexão"* "OR"*');
    expect(ftsQueryOf('"conexão" OR *', false)).toBe('"conexão" "OR"');
    expect(ftsQueryOf('" * ( ^')).toBeNull();
  });
});
