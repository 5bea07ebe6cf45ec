import { TICKET_STATUSES, TAB_OF_STATUS_TABLE, ORIGINS, PRIORITIES, TICKET_EVENT_TYPES, type TicketEvent } from '@atende/domain';
import { sql, type SQLWrapper } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NO_DUE, PRIORITY_SPAN } from './queue-order.js';

/** Times are epoch milliseconds (integer). Booleans are 0/1 integers. */

export const companies = sqliteTable('companies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  document: text('document'),
  phone: text('phone'),
  /** Street address: field technicians read it on onsite-visit tickets. */
  address: text('address'),
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
    /** Street address, when it differs from the company's (a home subscriber). */
    address: text('address'),
    passwordHash: text('password_hash'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    /** The company's manager (issue 15): sees all of the company's tickets; only requesters act on them. */
    companyManager: integer('company_manager', { mode: 'boolean' }).notNull().default(false),
    /** Issue 15: the account's language (SPA, server messages) and which ticket e-mails it wants. */
    language: text('language', { enum: ['pt-BR', 'en'] }).notNull().default('pt-BR'),
    notifyUpdates: integer('notify_updates', { mode: 'boolean' }).notNull().default(true),
    notifyReminders: integer('notify_reminders', { mode: 'boolean' }).notNull().default(true),
    notifyRatingRequests: integer('notify_rating_requests', { mode: 'boolean' }).notNull().default(true),
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
    /** Issue 15: the agent's language (the console, and every e-mail to the agent). */
    language: text('language', { enum: ['pt-BR', 'en'] }).notNull().default('pt-BR'),
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

/**
 * The agent queues' priority and due orders (queue-order.ts), written once for the index and the
 * query: SQLite uses an expression index only for the same expression, constants included (a bound
 * parameter in their place would never match).
 */
export const priorityOrder = (t: { priority: SQLWrapper; updatedAt: SQLWrapper }) =>
  sql<number>`(CASE ${t.priority} WHEN 'urgente' THEN 0 WHEN 'alta' THEN 1 WHEN 'media' THEN 2 ELSE 3 END) * ${sql.raw(String(PRIORITY_SPAN))} + (${sql.raw(String(PRIORITY_SPAN - 1))} - ${t.updatedAt})`;
export const dueOrder = (t: { dueAt: SQLWrapper }) => sql<number>`coalesce(${t.dueAt}, ${sql.raw(String(NO_DUE))})`;

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
    /** When a customer's message started waiting for an answer ("Cliente respondeu"); null once an agent answers publicly. */
    customerRepliedAt: integer('customer_replied_at'),
    /** When the next answer to the customer is due (SLA; until SLA rules exist: the moment they wrote). */
    nextResponseDueAt: integer('next_response_due_at'),
    customerTab: text('customer_tab').generatedAlwaysAs(customerTabExpression, { mode: 'virtual' }),
  },
  (t) => [
    index('tickets_requester_activity_idx').on(t.requesterId, t.updatedAt, t.id),
    index('tickets_requester_tab_activity_idx').on(t.requesterId, t.customerTab, t.updatedAt, t.id),
    index('tickets_activity_idx').on(t.updatedAt, t.id),
    // A company manager's list (issue 15): the company's tickets, newest activity first.
    index('tickets_company_activity_idx').on(t.companyId, t.updatedAt, t.id),
    // The three indexes the agent queues seek by status leave closed tickets out (most of a help desk's
    // history): closing a ticket then only removes its entries, instead of writing new ones at random
    // places in large indexes, and the queues walk indexes a twentieth of the size. A query uses them
    // only with the same literal condition (ticketNotClosed, below): the planner must see it.
    index('tickets_unclosed_assignee_idx').on(t.assigneeId, t.status).where(sql`status <> 'closed'`),
    // "Meus chamados" and "Sem responsável", newest activity first, without a sort.
    index('tickets_assignee_activity_idx').on(t.assigneeId, t.updatedAt, t.id),
    index('tickets_origin_activity_idx').on(t.origin, t.updatedAt, t.id),
    // The automation runner walks these in due order: waiting tickets by waiting_since, resolved by resolved_at.
    // It only reads open tickets, and closing a ticket is most of what it writes: without the closed ones,
    // a closing only removes entries from the part being walked (pages the batch already touches) instead
    // of inserting each into the closed range at a random place. That was about a fifth of the UPDATE's
    // cost in an automation pass (bench/results, issue 18). The scans state ticketNotClosed.
    index('tickets_unclosed_waiting_idx').on(t.status, t.waitingSince, t.id).where(sql`status <> 'closed'`),
    // …and per reminder already sent, so a pass reads only the tickets whose next reminder is due.
    index('tickets_unclosed_stage_waiting_idx').on(t.status, t.reminderStage, t.waitingSince, t.id).where(sql`status <> 'closed'`),
    index('tickets_unclosed_resolved_idx').on(t.status, t.resolvedAt, t.id).where(sql`status <> 'closed'`),
    // "Trabalho de hoje" and "Vencidos": status IN (…) AND due_at < x, one range per status.
    index('tickets_unclosed_due_idx').on(t.status, t.dueAt).where(sql`status <> 'closed'`),
    index('tickets_unclosed_response_due_idx').on(t.status, t.nextResponseDueAt).where(sql`status <> 'closed'`),
    // The agent queues sorted by priority or due date without a queue's own condition ("Todos", with or
    // without filters): walked in order instead of reading and sorting every ticket (queue-order.ts).
    index('tickets_priority_order_idx').on(priorityOrder(t), t.id),
    index('tickets_due_order_idx').on(dueOrder(t), t.id),
    check('tickets_status_check', sql`${t.status} IN (${sql.raw(statusCheck)})`),
  ],
);

/**
 * The condition of the tickets_unclosed_* partial indexes, for the queries that seek them: a planner
 * uses a partial index only when the query states its condition.
 */
export const ticketNotClosed = sql`${tickets.status} <> 'closed'`;

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
    /** The sender of an accepted e-mail from someone who is not a contact (author_id is then null). */
    authorEmail: text('author_email'),
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
    /** One of the domain's TICKET_EVENT_TYPES (CHECK below): a type the UI cannot render is refused here. */
    type: text('type', { enum: TICKET_EVENT_TYPES }).notNull(),
    fromStatus: text('from_status', { enum: TICKET_STATUSES }),
    toStatus: text('to_status', { enum: TICKET_STATUSES }),
    /** Event-specific details as JSON (reason, field changed, e-mail text…). */
    data: text('data', { mode: 'json' }).$type<TicketEvent['data']>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    check('ticket_events_type_check', sql`${t.type} IN (${sql.raw(TICKET_EVENT_TYPES.map((type) => `'${type}'`).join(', '))})`),
  ],
);

/**
 * Idempotency keys of tickets filed by customers: a retried or double-submitted form finds the ticket
 * its first request created. Written in the same transaction as the ticket.
 */
export const ticketIdempotencyKeys = sqliteTable(
  'ticket_idempotency_keys',
  {
    contactId: integer('contact_id').notNull().references(() => contacts.id),
    key: text('key').notNull(),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('ticket_idempotency_keys_contact_key_unique').on(t.contactId, t.key)],
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

/**
 * Password-reset, invitation and passwordless sign-in links (issue 15): only the SHA-256 of the token is stored; a link is spent by a
 * conditional UPDATE (unused and unexpired), so two clicks racing consume it once.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    purpose: text('purpose', { enum: ['password_reset', 'invitation', 'sign_in_link'] }).notNull(),
    accountKind: text('account_kind', { enum: ['contact', 'agent'] }).notNull(),
    accountId: integer('account_id').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [uniqueIndex('account_tokens_hash_unique').on(t.tokenHash), index('account_tokens_account_idx').on(t.accountKind, t.accountId)],
);

/** Security events admins can read: sign-ins, failures, resets, settings changes. Append-only. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    event: text('event').notNull(),
    actorKind: text('actor_kind', { enum: ['contact', 'agent', 'system', 'anonymous'] }).notNull(),
    actorId: integer('actor_id'),
    /** The e-mail typed or concerned (a failed sign-in has no account). */
    email: text('email'),
    address: text('address'),
    details: text('details', { mode: 'json' }),
  },
  (t) => [index('audit_log_at_idx').on(t.at, t.id)],
);

/**
 * One rating per closing of a ticket: a reopened and closed-again ticket is rated again, and earlier
 * ratings stay. The unique (ticket, closing) pair makes a double rating impossible even past the rules.
 */
export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    /** The ticket's closing_count when it was closed: which closing this rating judges. */
    closing: integer('closing').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    contactId: integer('contact_id').notNull().references(() => contacts.id),
    /** The assignee at closing: whose work is rated. */
    agentId: integer('agent_id').references(() => agents.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('ratings_ticket_closing_unique').on(t.ticketId, t.closing),
    index('ratings_created_idx').on(t.createdAt),
    index('ratings_agent_created_idx').on(t.agentId, t.createdAt),
    check('ratings_score_check', sql`${t.score} BETWEEN 1 AND 5`),
    check('ratings_comment_length_check', sql`length(${t.comment}) <= 2000`),
  ],
);

/**
 * Transactional outbox: an e-mail is written in the same transaction as the change that causes it; a
 * relay delivers it. `dedupe_key` makes a repeated or concurrent run insert nothing new; `message_id`
 * is fixed at insert so a redelivery after a crash carries the same Message-ID. With no SMTP_URL the
 * rows are the local mailbox admins browse.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** A relay's claim on the row; another relay skips it until then. */
    lockedUntil: integer('locked_until'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    /** The ticket message whose files (Anexos) this e-mail carries (an agent's public reply). */
    sourceMessageId: integer('source_message_id'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_key_unique').on(t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt, t.id),
    index('outbox_ticket_idx').on(t.ticketId, t.id),
  ],
);

/** Named leases (e.g. the automation runner): one holder at a time, until `locked_until`. */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  lockedUntil: integer('locked_until').notNull(),
});

/**
 * Throttle windows shared by every instance (issue 16): hits per key in a fixed window (sign-in
 * failures, reset requests, rating-link pages…). One instance on SQLite keeps them in memory; several
 * on PostgreSQL count here, so a client cannot multiply its attempts by the number of instances.
 */
export const throttleWindows = sqliteTable('throttle_windows', {
  key: text('key').primaryKey(),
  startedAt: integer('started_at').notNull(),
  endsAt: integer('ends_at').notNull(),
  hits: integer('hits').notNull(),
}, (t) => [index('throttle_windows_ends_idx').on(t.endsAt)]);

/**
 * A stamp per contact that changes whenever anything their Painel do Cliente shows may change (issue
 * 18): any insert, update or delete of one of their tickets, whoever makes it (a route, the runner,
 * inbound mail, an integration, psql), because database triggers write it. Row 0 stands for what every
 * panel shows: department names. The panel's answers carry it as their ETag, so a refetch that finds
 * nothing changed answers 304. A stamp is random, not a counter: a restored backup cannot hand out a
 * stamp that a browser already holds for other content. Derived data: never copied (pg/copy).
 */
export const panelStamps = sqliteTable('panel_stamps', {
  contactId: integer('contact_id').primaryKey(),
  stamp: integer('stamp').notNull(),
});

/** Replies already taken in (by Message-ID), so a provider's retried webhook adds nothing twice. */
export const inboundReceipts = sqliteTable('inbound_receipts', {
  messageId: text('message_id').primaryKey(),
  ticketId: integer('ticket_id').references(() => tickets.id),
  receivedAt: integer('received_at').notNull(),
});

/**
 * Agent API tokens for chat tools ("Registrar conversa" over HTTP): created by an agent for themself,
 * shown once; only the SHA-256 is stored. Revoked tokens stay for the record.
 */
export const agentApiTokens = sqliteTable(
  'agent_api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id').notNull().references(() => agents.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('agent_api_tokens_hash_unique').on(t.tokenHash), index('agent_api_tokens_agent_idx').on(t.agentId)],
);

// ─── Issue 13: files, held inbound mail, agent notifications ─────────────────────────────────────

/**
 * Files of messages. The bytes live under DATA_DIR/attachments/<sha256[0..2]>/<sha256> (content
 * addressed: the path is built from the hash, never from a name a user typed); this row is the only
 * way to reach them. An upload is first *staged* (message_id NULL, owned by its uploader) and claimed
 * by its message in the message's own transaction; a held inbound e-mail's files point to it until an
 * agent accepts or discards it. Readers are authorized like the message (an internal note's file never
 * reaches a customer).
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The type found in the content (file-type / text check), never the client's claim. */
    mime: text('mime').notNull(),
    /** Display name only (sanitized); never used to build a path. */
    filename: text('filename').notNull(),
    ownerKind: text('owner_kind', { enum: ['contact', 'agent', 'system'] }).notNull(),
    ownerId: integer('owner_id'),
    messageId: integer('message_id').references(() => messages.id),
    heldMailId: integer('held_mail_id'),
    ticketId: integer('ticket_id').references(() => tickets.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('attachments_message_idx').on(t.messageId),
    index('attachments_held_mail_idx').on(t.heldMailId),
    index('attachments_owner_staged_idx').on(t.ownerKind, t.ownerId, t.messageId),
    index('attachments_sha_idx').on(t.sha256),
  ],
);

/**
 * "E-mail de remetente não reconhecido": a reply to a valid ticket address that cannot be posted as the
 * customer (unknown sender, failed sender authentication, envelope not matching From). Kept on the
 * ticket for agents only until one accepts it (it becomes a public message) or discards it. Never dropped.
 */
export const heldMail = sqliteTable(
  'held_mail',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    envelopeFrom: text('envelope_from'),
    subject: text('subject'),
    body: text('body').notNull(),
    reason: text('reason', { enum: ['unknown_sender', 'auth_failed', 'envelope_mismatch'] }).notNull(),
    status: text('status', { enum: ['held', 'accepted', 'discarded'] }).notNull().default('held'),
    /** Message-ID of the e-mail: a retried delivery is held once. */
    mailMessageId: text('mail_message_id'),
    receivedAt: integer('received_at').notNull(),
    decidedBy: integer('decided_by').references(() => agents.id),
    decidedAt: integer('decided_at'),
    /** The public message an accepted e-mail became. */
    messageId: integer('message_id').references(() => messages.id),
  },
  (t) => [index('held_mail_ticket_idx').on(t.ticketId, t.id), uniqueIndex('held_mail_message_id_unique').on(t.mailMessageId)],
);

/** An agent's console notifications: new tickets, customer messages, "Não foi resolvido", reopens, assignments. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id').notNull().references(() => agents.id),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    kind: text('kind', { enum: ['new_ticket', 'customer_message', 'not_resolved', 'reopened', 'assigned', 'held_mail'] }).notNull(),
    /** The ticket version the change produced: one notification per agent per change. */
    ticketVersion: integer('ticket_version').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    index('notifications_agent_idx').on(t.agentId, t.id),
    index('notifications_agent_unread_idx').on(t.agentId, t.readAt),
    uniqueIndex('notifications_once_unique').on(t.agentId, t.ticketId, t.kind, t.ticketVersion),
  ],
);

/** Which notification kinds an agent also wants by e-mail (absent row: all on). */
export const agentNotificationPrefs = sqliteTable('agent_notification_prefs', {
  agentId: integer('agent_id').primaryKey().references(() => agents.id),
  /** JSON array of the kinds e-mailed. */
  emailKinds: text('email_kinds', { mode: 'json' }).$type<string[]>().notNull(),
});
/**
 * A contact's other e-mail addresses (the main one stays in contacts.email, which signs in). Inbound
 * mail from any of them counts as the contact. An address belongs to one contact only.
 */
export const contactEmails = sqliteTable(
  'contact_emails',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id').notNull().references(() => contacts.id),
    email: text('email').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('contact_emails_email_unique').on(t.email), index('contact_emails_contact_idx').on(t.contactId)],
);

/**
 * Canned replies ("respostas prontas"): shared with the team (owner null) or personal to one agent. The
 * body may hold placeholders such as {{contato.nome}}, filled in when inserted into a reply.
 */
export const cannedReplies = sqliteTable(
  'canned_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    ownerAgentId: integer('owner_agent_id').references(() => agents.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('canned_replies_owner_idx').on(t.ownerAgentId, t.title)],
);

/**
 * Customer self-registration (issue 17), before the address is proven: no contact exists until the link
 * e-mailed to it is used, so sign-ups nobody confirms leave no account behind. Only the SHA-256 of the
 * link's token is stored; a link is spent by a conditional UPDATE, so two clicks racing create one contact.
 */
export const pendingRegistrations = sqliteTable(
  'pending_registrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    language: text('language', { enum: ['pt-BR', 'en'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [uniqueIndex('pending_registrations_hash_unique').on(t.tokenHash), index('pending_registrations_email_idx').on(t.email)],
);
