import { TICKET_STATUSES, TAB_OF_STATUS_TABLE, ORIGINS, PRIORITIES } from '@atende/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Times are epoch milliseconds (integer). Booleans are 0/1 integers. */

export const companies = sqliteTable('companies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  document: text('document'),
  phone: text('phone'),
  createdAt: integer('created_at').notNull(),
});

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id').references(() => companies.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('contacts_email_unique').on(t.email), index('contacts_company_idx').on(t.companyId)],
);

export const agents = sqliteTable(
  'agents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['agent', 'admin'] }).notNull().default('agent'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('agents_email_unique').on(t.email)],
);

export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** "Presta atendimento": the department works tickets. */
  servesTickets: integer('serves_tickets', { mode: 'boolean' }).notNull().default(true),
  /** "Presta atendimento externo": offered to customers on the portal (with servesTickets). */
  servesExternal: integer('serves_external', { mode: 'boolean' }).notNull().default(false),
});

export const agentDepartments = sqliteTable(
  'agent_departments',
  {
    agentId: integer('agent_id').notNull().references(() => agents.id),
    departmentId: integer('department_id').notNull().references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] })],
);

/** Subject categories (assuntos). */
export const subjects = sqliteTable('subjects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  showOnHotsite: integer('show_on_hotsite', { mode: 'boolean' }).notNull().default(false),
  defaultDepartmentId: integer('default_department_id').references(() => departments.id),
});

const statusCheck = TICKET_STATUSES.map((s) => `'${s}'`).join(', ');
/**
 * The customer tab as a generated column, built from the domain's own mapping so the two cannot
 * disagree. It lets one index serve "tickets of a requester in a tab, newest activity first".
 */
const customerTabExpression = sql.raw(
  `CASE status ${Object.entries(TAB_OF_STATUS_TABLE)
    .filter(([status]) => status !== 'closed')
    .map(([status, tab]) => `WHEN '${status}' THEN '${tab}'`)
    .join(' ')} WHEN 'closed' THEN CASE WHEN rating_due_until IS NOT NULL THEN 'unrated' END END`,
);

export const tickets = sqliteTable(
  'tickets',
  {
    /** The ticket's number, shown to people as #id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    subject: text('subject').notNull(),
    requesterId: integer('requester_id').notNull().references(() => contacts.id),
    companyId: integer('company_id').references(() => companies.id),
    departmentId: integer('department_id').references(() => departments.id),
    subjectId: integer('subject_id').references(() => subjects.id),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('media'),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    assigneeId: integer('assignee_id').references(() => agents.id),
    origin: text('origin', { enum: ORIGINS }).notNull(),
    dueAt: integer('due_at'),
    createdAt: integer('created_at').notNull(),
    /** Last activity (message or change): the panel's "last update" and its sort key. */
    updatedAt: integer('updated_at').notNull(),
    waitingSince: integer('waiting_since'),
    reminderStage: integer('reminder_stage').notNull().default(0),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    closingCount: integer('closing_count').notNull().default(0),
    ratingDueUntil: integer('rating_due_until'),
    /** Optimistic concurrency: bumped by every change; a write names the version it read. */
    version: integer('version').notNull().default(1),
    customerTab: text('customer_tab').generatedAlwaysAs(customerTabExpression, { mode: 'virtual' }),
  },
  (t) => [
    index('tickets_requester_activity_idx').on(t.requesterId, t.updatedAt, t.id),
    index('tickets_requester_tab_activity_idx').on(t.requesterId, t.customerTab, t.updatedAt, t.id),
    index('tickets_activity_idx').on(t.updatedAt, t.id),
    index('tickets_assignee_idx').on(t.assigneeId, t.status),
    // "Trabalho de hoje" and "Vencidos": status IN (…) AND due_at < x, one range per status.
    index('tickets_status_due_idx').on(t.status, t.dueAt),
    check('tickets_status_check', sql`${t.status} IN (${sql.raw(statusCheck)})`),
  ],
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    authorKind: text('author_kind', { enum: ['contact', 'agent', 'system'] }).notNull(),
    authorId: integer('author_id'),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('messages_ticket_idx').on(t.ticketId, t.id)],
);

/** The ticket's history: status changes, assignments, e-mails sent, automations. */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    actorKind: text('actor_kind', { enum: ['contact', 'agent', 'system'] }).notNull(),
    actorId: integer('actor_id'),
    type: text('type').notNull(),
    fromStatus: text('from_status', { enum: TICKET_STATUSES }),
    toStatus: text('to_status', { enum: TICKET_STATUSES }),
    /** Event-specific details as JSON (reason, field changed, e-mail text…). */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id)],
);

/** Server-side sessions; only the SHA-256 of the token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    actorKind: text('actor_kind', { enum: ['contact', 'agent'] }).notNull(),
    actorId: integer('actor_id').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_actor_idx').on(t.actorKind, t.actorId)],
);

/** Key → JSON value; typed and defaulted by the settings queries. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
