import { DAY_MS, DEFAULT_PORTAL_POLICY } from '@atende/domain';
import type { Db } from '../client.js';
import { agentDepartments, agents, companies, contacts, departments, messages, subjects, tickets } from '../schema.js';
import { TEST_NOW, TEST_PASSWORD_HASH } from './constants.js';

/**
 * Test data a test builds for itself: one row per call, every required field defaulted, any field
 * overridden. Each returns the inserted row, so a test names the ids it uses instead of hunting the
 * demo data for "the first open ticket".
 */

// Unique per process: e-mails are unique columns, and a test may make several of a kind.
let sequence = 0;
const next = () => ++sequence;

type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;

export function makeCompany(db: Db, overrides: Insert<typeof companies> = {}) {
  const n = next();
  return db.insert(companies).values({ name: `Empresa ${n}`, createdAt: TEST_NOW, ...overrides }).returning().get();
}

/** A contact who can sign in with DEMO_PASSWORD; of no company unless `companyId` says so. */
export function makeContact(db: Db, overrides: Insert<typeof contacts> = {}) {
  const n = next();
  return db
    .insert(contacts)
    .values({ name: `Contato ${n}`, email: `contato${n}@example.test`, passwordHash: TEST_PASSWORD_HASH, createdAt: TEST_NOW, ...overrides })
    .returning()
    .get();
}

/** An agent (or, with `role: 'admin'`, an admin) who can sign in with DEMO_PASSWORD, in `departmentIds`. */
export function makeAgent(db: Db, overrides: Insert<typeof agents> & { departmentIds?: number[] } = {}) {
  const { departmentIds = [], ...fields } = overrides;
  const n = next();
  const agent = db
    .insert(agents)
    .values({ name: `Agente ${n}`, email: `agente${n}@example.test`, passwordHash: TEST_PASSWORD_HASH, role: 'agent', createdAt: TEST_NOW, ...fields })
    .returning()
    .get();
  for (const departmentId of departmentIds) db.insert(agentDepartments).values({ agentId: agent.id, departmentId }).run();
  return agent;
}

/** A department that works tickets and is offered on the portal. */
export function makeDepartment(db: Db, overrides: Insert<typeof departments> = {}) {
  const n = next();
  return db.insert(departments).values({ name: `Departamento ${n}`, servesTickets: true, servesExternal: true, ...overrides }).returning().get();
}

export function makeSubject(db: Db, overrides: Insert<typeof subjects> = {}) {
  const n = next();
  return db.insert(subjects).values({ name: `Assunto ${n}`, ...overrides }).returning().get();
}

/**
 * A ticket whose time fields agree with its status (waiting since, resolved at, closed at and its
 * rating window), last active at TEST_NOW unless told. Without `requesterId` it gets a new contact;
 * without `companyId`, its requester's company. With `message`, the requester's opening message.
 */
export function makeTicket(db: Db, overrides: Insert<typeof tickets> & { message?: string } = {}) {
  const { message, ...fields } = overrides;
  const requester = fields.requesterId === undefined ? makeContact(db) : null;
  const requesterId = fields.requesterId ?? requester!.id;
  const companyId = fields.companyId !== undefined ? fields.companyId : (requester?.companyId ?? companyOf(db, requesterId));
  const status = fields.status ?? 'new';
  const ticket = db
    .insert(tickets)
    .values({ ...ticketDefaults(status, fields.updatedAt ?? TEST_NOW, next()), ...fields, status, requesterId, companyId })
    .returning()
    .get();
  if (message !== undefined) makeMessage(db, { ticketId: ticket.id, authorKind: 'contact', authorId: requesterId, body: message, createdAt: ticket.createdAt });
  return ticket;
}

/** A ticket's fields that agree with its status, last active at `at` (shared with store-factories.ts). */
export function ticketDefaults(status: NonNullable<Insert<typeof tickets>['status']>, at: number, n: number) {
  const closed = status === 'closed';
  return {
    subject: `Chamado de teste ${n}`,
    origin: 'portal' as const,
    createdAt: at,
    updatedAt: at,
    waitingSince: status === 'waiting_customer' ? at : null,
    resolvedAt: status === 'resolved' ? at : null,
    closedAt: closed ? at : null,
    closingCount: closed ? 1 : 0,
    ratingDueUntil: closed ? at + DEFAULT_PORTAL_POLICY.ratingWindowDays * DAY_MS : null,
  };
}

/** A public message on `ticketId` (from its requester unless told). */
export function makeMessage(db: Db, overrides: Insert<typeof messages> & { ticketId: number }) {
  return db
    .insert(messages)
    .values({ authorKind: 'contact', visibility: 'public', body: `Mensagem ${next()}`, createdAt: TEST_NOW, ...overrides })
    .returning()
    .get();
}

function companyOf(db: Db, contactId: number): number | null {
  const row = db.$client.prepare('select company_id as companyId from contacts where id = ?').get(contactId) as { companyId: number | null } | undefined;
  return row?.companyId ?? null;
}
