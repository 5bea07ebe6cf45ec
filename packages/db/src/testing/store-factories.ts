import { eq } from 'drizzle-orm';
import type { Database } from '../store/database.js';
import * as pgSchema from '../pg/schema.js';
import type { agents, companies, contacts, departments, messages, subjects, tickets } from '../schema.js';
import { TEST_NOW, TEST_PASSWORD_HASH } from './constants.js';
import { makeAgent, makeCompany, makeContact, makeDepartment, makeMessage, makeSubject, makeTicket, ticketDefaults } from './factories.js';

/**
 * The factories of factories.ts over the store, on either engine (issue 16): a test written with
 * these runs under `pnpm test` (SQLite) and `pnpm test:pg` (PostgreSQL) unchanged. Same defaults, same
 * overrides, the same row back; on SQLite they are the synchronous factories themselves.
 */
type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;
type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

let sequence = 0;
const next = () => ++sequence;

export interface StoreFactories {
  company(overrides?: Insert<typeof companies>): Promise<Row<typeof companies>>;
  contact(overrides?: Insert<typeof contacts>): Promise<Row<typeof contacts>>;
  agent(overrides?: Insert<typeof agents> & { departmentIds?: number[] }): Promise<Row<typeof agents>>;
  department(overrides?: Insert<typeof departments>): Promise<Row<typeof departments>>;
  subject(overrides?: Insert<typeof subjects>): Promise<Row<typeof subjects>>;
  ticket(overrides?: Insert<typeof tickets> & { message?: string }): Promise<Row<typeof tickets>>;
  message(overrides: Insert<typeof messages> & { ticketId: number }): Promise<Row<typeof messages>>;
}

export function storeFactories(store: Database): StoreFactories {
  if (store.engine === 'sqlite') {
    const db = store.writer;
    return {
      company: async (o) => makeCompany(db, o),
      contact: async (o) => makeContact(db, o),
      agent: async (o) => makeAgent(db, o),
      department: async (o) => makeDepartment(db, o),
      subject: async (o) => makeSubject(db, o),
      ticket: async (o) => makeTicket(db, o),
      message: async (o) => makeMessage(db, o),
    };
  }
  const db = store.pg;
  // The PostgreSQL schema has the same fields under the same names; its insert types differ only in
  // drizzle's generics, hence the casts.
  const insert = async <T>(table: Parameters<typeof db.insert>[0], values: Record<string, unknown>): Promise<T> => {
    const [row] = await db.insert(table).values(values as never).returning();
    return row as T;
  };
  const f: StoreFactories = {
    company: (o = {}) => insert(pgSchema.companies, { name: `Empresa ${next()}`, createdAt: TEST_NOW, ...o }),
    contact: (o = {}) => {
      const n = next();
      return insert(pgSchema.contacts, { name: `Contato ${n}`, email: `contato${n}@example.test`, passwordHash: TEST_PASSWORD_HASH, createdAt: TEST_NOW, ...o });
    },
    agent: async (o = {}) => {
      const { departmentIds = [], ...fields } = o;
      const n = next();
      const agent = await insert<Row<typeof agents>>(pgSchema.agents, { name: `Agente ${n}`, email: `agente${n}@example.test`, passwordHash: TEST_PASSWORD_HASH, role: 'agent', createdAt: TEST_NOW, ...fields });
      for (const departmentId of departmentIds) await db.insert(pgSchema.agentDepartments).values({ agentId: agent.id, departmentId });
      return agent;
    },
    department: (o = {}) => insert(pgSchema.departments, { name: `Departamento ${next()}`, servesTickets: true, servesExternal: true, ...o }),
    subject: (o = {}) => insert(pgSchema.subjects, { name: `Assunto ${next()}`, ...o }),
    ticket: async (o = {}) => {
      const { message, ...fields } = o;
      const requester = fields.requesterId === undefined ? await f.contact() : null;
      const requesterId = fields.requesterId ?? requester!.id;
      let companyId = fields.companyId;
      if (companyId === undefined) {
        if (requester) companyId = requester.companyId;
        else {
          const [row] = await db.select({ companyId: pgSchema.contacts.companyId }).from(pgSchema.contacts).where(eq(pgSchema.contacts.id, requesterId));
          companyId = row?.companyId ?? null;
        }
      }
      const status = fields.status ?? 'new';
      const ticket = await insert<Row<typeof tickets>>(pgSchema.tickets, { ...ticketDefaults(status, fields.updatedAt ?? TEST_NOW, next()), ...fields, status, requesterId, companyId });
      if (message !== undefined) await f.message({ ticketId: ticket.id, authorKind: 'contact', authorId: requesterId, body: message, createdAt: ticket.createdAt });
      return ticket;
    },
    message: (o) => insert(pgSchema.messages, { authorKind: 'contact', visibility: 'public', body: `Mensagem ${next()}`, createdAt: TEST_NOW, ...o }),
  };
  return f;
}

/**
 * Rows of a raw SQL query on either engine, for a test's own checks (or a raw write, answering none). Write `?` for parameters and
 * quote camelCase aliases (`as "companyId"`): PostgreSQL folds unquoted names to lower case. Booleans
 * come back as 0/1 from SQLite and true/false from PostgreSQL; compare them with Boolean().
 */
export async function queryRows<T = Record<string, unknown>>(store: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (store.engine === 'sqlite') {
    const statement = store.writer.$client.prepare(text);
    // A write without RETURNING answers no rows (better-sqlite3 refuses all() on it).
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.all(...params) as T[];
  }
  let n = 0;
  const result = await (store.pg as { $client: { query: (t: string, p: unknown[]) => Promise<{ rows: unknown[] }> } }).$client.query(
    text.replace(/\?/g, () => `$${++n}`),
    params,
  );
  return result.rows as T[];
}
