import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { closeDatabase, DEMO_ACCOUNTS, findAccountByEmail, listDepartments, openDatabase, type Db } from '@atende/db';
import { makeCompany, makeContact, makeMessage, makeTicket } from '@atende/db/factories';

/**
 * Data a journey makes for itself, so journeys no longer share (and use up) the demo tickets nor depend
 * on each other's order. Rows go straight into the e2e server's database file (E2E_DATA_DIR, set by
 * playwright.config.ts) with @atende/db's test factories, as an operator's command would: no test-only
 * HTTP route exists in the server. SQLite's locking makes this safe while the server runs.
 */

export interface OwnContact {
  id: number;
  name: string;
  email: string;
}

export interface OwnTicket {
  id: number;
  subject: string;
}

export interface TicketOptions {
  status: 'new' | 'open' | 'pending' | 'waiting_customer' | 'onsite_visit' | 'resolved' | 'closed';
  /** Unique per call unless given. */
  subject?: string;
  /** Whose ticket: the test's own contact unless told. */
  requester?: OwnContact;
  /** Média unless told. */
  priority?: 'baixa' | 'media' | 'alta' | 'urgente';
}

interface Fixtures {
  /** A contact of the test's own (a new company, a unique e-mail) who signs in with the demo password. */
  contact: OwnContact;
  /** Files a ticket of `contact` (or `requester`) in Suporte técnico, assigned to the demo agent (Ana). */
  makeTicket: (options: TicketOptions) => OwnTicket;
}

export const test = base.extend<Fixtures & { db: Db }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => {
    const dataDir = process.env.E2E_DATA_DIR;
    if (!dataDir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
    const db = openDatabase(join(dataDir, 'atende.db'));
    await use(db);
    closeDatabase(db);
  },

  contact: async ({ db }, use) => {
    const tag = randomUUID().slice(0, 8);
    const company = makeCompany(db, { name: `Empresa ${tag}`, address: 'Rua das Flores, 80 — Centro, Porto Alegre/RS', createdAt: Date.now() });
    const contact = makeContact(db, { name: `Cliente ${tag}`, email: `cliente-${tag}@example.test`, companyId: company.id, phone: '+55 51 97777-0000', createdAt: Date.now() });
    await use({ id: contact.id, name: contact.name, email: contact.email });
  },

  makeTicket: async ({ db, contact }, use) => {
    const agent = findAccountByEmail(db, DEMO_ACCOUNTS.agent)!;
    const suporte = listDepartments(db).find((d) => d.name === 'Suporte técnico')!;
    await use(({ status, subject = `Chamado ${randomUUID().slice(0, 8)}`, requester = contact, priority = 'media' }) => {
      // Created an hour ago and answered since, like the demo's own tickets: the newest activity on top.
      const now = Date.now();
      const createdAt = now - 60 * 60 * 1000;
      const assigned = status !== 'new';
      const ticket = makeTicket(db, {
        subject,
        status,
        priority,
        requesterId: requester.id,
        departmentId: suporte.id,
        assigneeId: assigned ? agent.id : null,
        createdAt,
        updatedAt: now,
        message: `Olá, preciso de ajuda: ${subject.toLowerCase()}.`,
      });
      if (assigned) makeMessage(db, { ticketId: ticket.id, authorKind: 'agent', authorId: agent.id, body: 'Recebemos sua solicitação e já estamos analisando.', createdAt: now });
      return { id: ticket.id, subject: ticket.subject };
    });
  },
});

export { expect } from '@playwright/test';
