import { TICKET_EVENT_TYPES, TICKET_STATUSES, TAB_OF_STATUS_TABLE, ORIGINS, PRIORITIES, type TicketEvent } from '@atende/domain';
import { sql, type SQLWrapper } from 'drizzle-orm';
import { NO_DUE, PRIORITY_SPAN } from '../queue-order.js';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL twin of ../schema.ts (issue 16): the same tables, columns, indexes and constraints,
 * so one query API can run on either engine. Every table added to the SQLite schema gets its twin
 * here in the same change; pg/schema-parity.pg.test.ts fails otherwise.
 *
 * Type mapping, chosen so `pnpm db:copy` is lossless and the rows read back the same:
 * - times are epoch milliseconds → bigint (mode number: they stay JS numbers, as in SQLite);
 * - SQLite 0/1 booleans → boolean;
 * - JSON text → jsonb (queryable; the copy's checksum compares parsed JSON, not its spelling);
 * - autoincrement ids → integer identity "by default", so the copy keeps every id and then moves the
 *   sequence past the largest one.
 * Full-text search: SQLite's FTS5 tables become GIN expression indexes over
 * to_tsvector('atende_pt', …), a Portuguese configuration with unaccent (migration 0000_extensions),
 * so no extra column exists on either side.
 */

/** Epoch milliseconds. */
const epochMs = (name: string) => bigint(name, { mode: 'number' });
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

/** The text-search configuration the GIN indexes and the search queries share (see drizzle-pg/0000). */
export const TEXT_SEARCH_CONFIG = 'atende_pt';

export const companies = pgTable('companies', {
  id: id(),
  name: text('name').notNull(),
  document: text('document'),
  phone: text('phone'),
  createdAt: epochMs('created_at').notNull(),
  address: text('address'),
});

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    companyId: integer('company_id').references(() => companies.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: epochMs('created_at').notNull(),
    companyManager: boolean('company_manager').notNull().default(false),
    language: text('language', { enum: ['pt-BR', 'en'] }).notNull().default('pt-BR'),
    notifyUpdates: boolean('notify_updates').notNull().default(true),
    notifyReminders: boolean('notify_reminders').notNull().default(true),
    notifyRatingRequests: boolean('notify_rating_requests').notNull().default(true),
    address: text('address'),
  },
  (t) => [uniqueIndex('contacts_email_unique').on(t.email), index('contacts_company_idx').on(t.companyId)],
);

export const agents = pgTable(
  'agents',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['agent', 'admin'] }).notNull().default('agent'),
    active: boolean('active').notNull().default(true),
    createdAt: epochMs('created_at').notNull(),
    language: text('language', { enum: ['pt-BR', 'en'] }).notNull().default('pt-BR'),
  },
  (t) => [uniqueIndex('agents_email_unique').on(t.email)],
);

export const departments = pgTable('departments', {
  id: id(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  servesTickets: boolean('serves_tickets').notNull().default(true),
  servesExternal: boolean('serves_external').notNull().default(false),
});

export const agentDepartments = pgTable(
  'agent_departments',
  {
    agentId: integer('agent_id').notNull().references(() => agents.id),
    departmentId: integer('department_id').notNull().references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] })],
);

export const subjects = pgTable('subjects', {
  id: id(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  showOnHotsite: boolean('show_on_hotsite').notNull().default(false),
  defaultDepartmentId: integer('default_department_id').references(() => departments.id),
});

const statusCheck = TICKET_STATUSES.map((s) => `'${s}'`).join(', ');
/**
 * The customer tab, from the domain's own mapping (the same CASE as SQLite's). PostgreSQL 15 has
 * only STORED generated columns: the tab is written with the row, which the tab index needs anyway.
 */
const customerTabExpression = sql.raw(
  `CASE status ${Object.entries(TAB_OF_STATUS_TABLE)
    .filter(([status]) => status !== 'closed')
    .map(([status, tab]) => `WHEN '${status}' THEN '${tab}'`)
    .join(' ')} WHEN 'closed' THEN CASE WHEN rating_due_until IS NOT NULL THEN 'unrated' END END`,
);

/**
 * The agent queues' priority and due orders (queue-order.ts), written once for the index and the
 * query, so PostgreSQL matches the expression index. Constants inlined as bigint: a bound parameter
 * beside the integer CASE would be typed integer and overflow.
 */
export const priorityOrder = (t: { priority: SQLWrapper; updatedAt: SQLWrapper }) =>
  sql<number>`((CASE ${t.priority} WHEN 'urgente' THEN 0 WHEN 'alta' THEN 1 WHEN 'media' THEN 2 ELSE 3 END)::bigint * ${sql.raw(String(PRIORITY_SPAN))}::bigint + (${sql.raw(String(PRIORITY_SPAN - 1))}::bigint - ${t.updatedAt}))`;
export const dueOrder = (t: { dueAt: SQLWrapper }) => sql<number>`coalesce(${t.dueAt}, ${sql.raw(String(NO_DUE))}::bigint)`;

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    subject: text('subject').notNull(),
    requesterId: integer('requester_id').notNull().references(() => contacts.id),
    companyId: integer('company_id').references(() => companies.id),
    departmentId: integer('department_id').references(() => departments.id),
    subjectId: integer('subject_id').references(() => subjects.id),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('media'),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    assigneeId: integer('assignee_id').references(() => agents.id),
    origin: text('origin', { enum: ORIGINS }).notNull(),
    dueAt: epochMs('due_at'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    waitingSince: epochMs('waiting_since'),
    reminderStage: integer('reminder_stage').notNull().default(0),
    resolvedAt: epochMs('resolved_at'),
    closedAt: epochMs('closed_at'),
    closingCount: integer('closing_count').notNull().default(0),
    ratingDueUntil: epochMs('rating_due_until'),
    version: integer('version').notNull().default(1),
    customerRepliedAt: epochMs('customer_replied_at'),
    nextResponseDueAt: epochMs('next_response_due_at'),
    customerTab: text('customer_tab').generatedAlwaysAs(customerTabExpression),
  },
  (t) => [
    index('tickets_requester_activity_idx').on(t.requesterId, t.updatedAt, t.id),
    index('tickets_requester_tab_activity_idx').on(t.requesterId, t.customerTab, t.updatedAt, t.id),
    index('tickets_activity_idx').on(t.updatedAt, t.id),
    index('tickets_company_activity_idx').on(t.companyId, t.updatedAt, t.id),
    // The three indexes the agent queues seek by status leave closed tickets out (most of a help desk's
    // history): closing a ticket then only removes its entries, instead of writing new ones at random
    // places in large indexes, and the queues walk indexes a twentieth of the size. A query uses them
    // only with the same literal condition (ticketNotClosed, below): the planner must see it.
    index('tickets_unclosed_assignee_idx').on(t.assigneeId, t.status).where(sql`status <> 'closed'`),
    index('tickets_assignee_activity_idx').on(t.assigneeId, t.updatedAt, t.id),
    index('tickets_origin_activity_idx').on(t.origin, t.updatedAt, t.id),
    // Only open tickets, as in SQLite's schema (why: there).
    index('tickets_unclosed_waiting_idx').on(t.status, t.waitingSince, t.id).where(sql`status <> 'closed'`),
    index('tickets_unclosed_stage_waiting_idx').on(t.status, t.reminderStage, t.waitingSince, t.id).where(sql`status <> 'closed'`),
    index('tickets_unclosed_resolved_idx').on(t.status, t.resolvedAt, t.id).where(sql`status <> 'closed'`),
    index('tickets_unclosed_due_idx').on(t.status, t.dueAt).where(sql`status <> 'closed'`),
    index('tickets_unclosed_response_due_idx').on(t.status, t.nextResponseDueAt).where(sql`status <> 'closed'`),
    // "Todos" sorted by priority or due date, walked in order (queue-order.ts; the same on SQLite).
    index('tickets_priority_order_idx').on(priorityOrder(t), t.id),
    index('tickets_due_order_idx').on(dueOrder(t), t.id),
    // SQLite's tickets_fts: accent-insensitive Portuguese search over subjects.
    index('tickets_subject_search_idx').using('gin', sql`to_tsvector('atende_pt', ${t.subject})`),
    check('tickets_status_check', sql`${t.status} IN (${sql.raw(statusCheck)})`),
  ],
);

/**
 * The condition of the tickets_unclosed_* partial indexes, for the queries that seek them: a planner
 * uses a partial index only when the query states its condition.
 */
export const ticketNotClosed = sql`${tickets.status} <> 'closed'`;

export const messages = pgTable(
  'messages',
  {
    id: id(),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    authorKind: text('author_kind', { enum: ['contact', 'agent', 'system'] }).notNull(),
    authorId: integer('author_id'),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    body: text('body').notNull(),
    createdAt: epochMs('created_at').notNull(),
    authorEmail: text('author_email'),
  },
  (t) => [
    index('messages_ticket_idx').on(t.ticketId, t.id),
    // SQLite's messages_fts.
    index('messages_body_search_idx').using('gin', sql`to_tsvector('atende_pt', ${t.body})`),
  ],
);

export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: id(),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    actorKind: text('actor_kind', { enum: ['contact', 'agent', 'system'] }).notNull(),
    actorId: integer('actor_id'),
    /** One of the domain's TICKET_EVENT_TYPES (CHECK below), as on SQLite. */
    type: text('type', { enum: TICKET_EVENT_TYPES }).notNull(),
    fromStatus: text('from_status', { enum: TICKET_STATUSES }),
    toStatus: text('to_status', { enum: TICKET_STATUSES }),
    data: jsonb('data').$type<TicketEvent['data']>(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    check('ticket_events_type_check', sql`${t.type} IN (${sql.raw(TICKET_EVENT_TYPES.map((type) => `'${type}'`).join(', '))})`),
  ],
);

export const ticketIdempotencyKeys = pgTable(
  'ticket_idempotency_keys',
  {
    contactId: integer('contact_id').notNull().references(() => contacts.id),
    key: text('key').notNull(),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('ticket_idempotency_keys_contact_key_unique').on(t.contactId, t.key)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    actorKind: text('actor_kind', { enum: ['contact', 'agent'] }).notNull(),
    actorId: integer('actor_id').notNull(),
    createdAt: epochMs('created_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('sessions_actor_idx').on(t.actorKind, t.actorId)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export const accountTokens = pgTable(
  'account_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    purpose: text('purpose', { enum: ['password_reset', 'invitation', 'sign_in_link'] }).notNull(),
    accountKind: text('account_kind', { enum: ['contact', 'agent'] }).notNull(),
    accountId: integer('account_id').notNull(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    usedAt: epochMs('used_at'),
  },
  (t) => [uniqueIndex('account_tokens_hash_unique').on(t.tokenHash), index('account_tokens_account_idx').on(t.accountKind, t.accountId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: epochMs('at').notNull(),
    event: text('event').notNull(),
    actorKind: text('actor_kind', { enum: ['contact', 'agent', 'system', 'anonymous'] }).notNull(),
    actorId: integer('actor_id'),
    email: text('email'),
    address: text('address'),
    details: jsonb('details'),
  },
  (t) => [index('audit_log_at_idx').on(t.at, t.id)],
);

export const ratings = pgTable(
  'ratings',
  {
    id: id(),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    closing: integer('closing').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    contactId: integer('contact_id').notNull().references(() => contacts.id),
    agentId: integer('agent_id').references(() => agents.id),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('ratings_ticket_closing_unique').on(t.ticketId, t.closing),
    index('ratings_created_idx').on(t.createdAt),
    index('ratings_agent_created_idx').on(t.agentId, t.createdAt),
    check('ratings_score_check', sql`${t.score} BETWEEN 1 AND 5`),
    check('ratings_comment_length_check', sql`length(${t.comment}) <= 2000`),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    dedupeKey: text('dedupe_key').notNull(),
    ticketId: integer('ticket_id').references(() => tickets.id),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    messageId: text('message_id').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at').notNull(),
    lockedUntil: epochMs('locked_until'),
    lastError: text('last_error'),
    createdAt: epochMs('created_at').notNull(),
    sentAt: epochMs('sent_at'),
    sourceMessageId: integer('source_message_id'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_key_unique').on(t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt, t.id),
    index('outbox_ticket_idx').on(t.ticketId, t.id),
  ],
);

export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  lockedUntil: epochMs('locked_until').notNull(),
});

export const throttleWindows = pgTable('throttle_windows', {
  key: text('key').primaryKey(),
  startedAt: epochMs('started_at').notNull(),
  endsAt: epochMs('ends_at').notNull(),
  hits: integer('hits').notNull(),
}, (t) => [index('throttle_windows_ends_idx').on(t.endsAt)]);

/** See schema.ts: the panel's change stamp per contact (row 0: department names), written by triggers. */
export const panelStamps = pgTable('panel_stamps', {
  contactId: integer('contact_id').primaryKey(),
  stamp: bigint('stamp', { mode: 'number' }).notNull(),
});

export const inboundReceipts = pgTable('inbound_receipts', {
  messageId: text('message_id').primaryKey(),
  ticketId: integer('ticket_id').references(() => tickets.id),
  receivedAt: epochMs('received_at').notNull(),
});

export const agentApiTokens = pgTable(
  'agent_api_tokens',
  {
    id: id(),
    agentId: integer('agent_id').notNull().references(() => agents.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: epochMs('created_at').notNull(),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [uniqueIndex('agent_api_tokens_hash_unique').on(t.tokenHash), index('agent_api_tokens_agent_idx').on(t.agentId)],
);

/** A contact's other e-mail addresses (twin of ../schema.ts contactEmails). */
export const contactEmails = pgTable(
  'contact_emails',
  {
    id: id(),
    contactId: integer('contact_id').notNull().references(() => contacts.id),
    email: text('email').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('contact_emails_email_unique').on(t.email), index('contact_emails_contact_idx').on(t.contactId)],
);

/** Canned replies, shared (owner null) or personal (twin of ../schema.ts cannedReplies). */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: id(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    ownerAgentId: integer('owner_agent_id').references(() => agents.id),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('canned_replies_owner_idx').on(t.ownerAgentId, t.title)],
);
// ─── Issue 13: files, held inbound mail, agent notifications (twins of ../schema.ts) ─────────────────

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    filename: text('filename').notNull(),
    ownerKind: text('owner_kind', { enum: ['contact', 'agent', 'system'] }).notNull(),
    ownerId: integer('owner_id'),
    messageId: integer('message_id').references(() => messages.id),
    heldMailId: integer('held_mail_id'),
    ticketId: integer('ticket_id').references(() => tickets.id),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    index('attachments_message_idx').on(t.messageId),
    index('attachments_held_mail_idx').on(t.heldMailId),
    index('attachments_owner_staged_idx').on(t.ownerKind, t.ownerId, t.messageId),
    index('attachments_sha_idx').on(t.sha256),
  ],
);

export const heldMail = pgTable(
  'held_mail',
  {
    id: id(),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    envelopeFrom: text('envelope_from'),
    subject: text('subject'),
    body: text('body').notNull(),
    reason: text('reason', { enum: ['unknown_sender', 'auth_failed', 'envelope_mismatch'] }).notNull(),
    status: text('status', { enum: ['held', 'accepted', 'discarded'] }).notNull().default('held'),
    mailMessageId: text('mail_message_id'),
    receivedAt: epochMs('received_at').notNull(),
    decidedBy: integer('decided_by').references(() => agents.id),
    decidedAt: epochMs('decided_at'),
    messageId: integer('message_id').references(() => messages.id),
  },
  (t) => [index('held_mail_ticket_idx').on(t.ticketId, t.id), uniqueIndex('held_mail_message_id_unique').on(t.mailMessageId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    agentId: integer('agent_id').notNull().references(() => agents.id),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    kind: text('kind', { enum: ['new_ticket', 'customer_message', 'not_resolved', 'reopened', 'assigned', 'held_mail'] }).notNull(),
    ticketVersion: integer('ticket_version').notNull(),
    createdAt: epochMs('created_at').notNull(),
    readAt: epochMs('read_at'),
  },
  (t) => [
    index('notifications_agent_idx').on(t.agentId, t.id),
    index('notifications_agent_unread_idx').on(t.agentId, t.readAt),
    uniqueIndex('notifications_once_unique').on(t.agentId, t.ticketId, t.kind, t.ticketVersion),
  ],
);

export const agentNotificationPrefs = pgTable('agent_notification_prefs', {
  agentId: integer('agent_id').primaryKey().references(() => agents.id),
  emailKinds: jsonb('email_kinds').$type<string[]>().notNull(),
});

export const pendingRegistrations = pgTable(
  'pending_registrations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    language: text('language', { enum: ['pt-BR', 'en'] }).notNull(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    usedAt: epochMs('used_at'),
  },
  (t) => [uniqueIndex('pending_registrations_hash_unique').on(t.tokenHash), index('pending_registrations_email_idx').on(t.email)],
);
