import { CUSTOMER_TABS, ORIGINS, PRIORITIES, TICKET_STATUSES } from '@atende/domain';
import { z } from 'zod';
import { attachmentIds } from './attachment-schemas.js';
import { MAX_DB_INT } from './database-limits.js';

/** Request schemas shared by the BFF (validation at the edge) and the SPA (forms). Strict: unknown keys are refused. */

export const MESSAGE_MAX_LENGTH = 10_000;

export const loginInput = z
  .object({
    email: z.string().trim().min(1, 'Informe seu e-mail.').max(254, 'E-mail longo demais.').pipe(z.email('E-mail inválido.')),
    password: z.string().min(1, 'Informe sua senha.').max(256, 'Senha longa demais.'),
  })
  .strict();

const messageBody = z
  .string()
  .trim()
  .min(1, 'Escreva sua mensagem.')
  .max(MESSAGE_MAX_LENGTH, `A mensagem pode ter até ${MESSAGE_MAX_LENGTH} caracteres.`);

/** The version of the ticket the page showed: a change made meanwhile becomes a conflict. */
const expectedVersion = z.number().int().positive().max(MAX_DB_INT);

export const customerReplyInput = z.object({ body: messageBody, expectedVersion, attachmentIds }).strict();

/** "Data de resolução devida" as a day of the company's calendar (a date input's value). */
const dueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data inválida.').optional();

export const agentMessageInput = z
  .object({
    body: messageBody,
    visibility: z.enum(['public', 'internal']),
    /** Status after a public reply; defaults to waiting_customer (product.md). */
    nextStatus: z.enum(TICKET_STATUSES).optional(),
    dueDate,
    expectedVersion,
    attachmentIds,
  })
  .strict();

export const setStatusInput = z.object({ status: z.enum(TICKET_STATUSES), dueDate, expectedVersion }).strict();

/** Priority, department, assignee (null = none); at least one. */
export const setFieldsInput = z
  .object({
    priority: z.enum(PRIORITIES).optional(),
    departmentId: z.number().int().positive().max(MAX_DB_INT).nullable().optional(),
    assigneeId: z.number().int().positive().max(MAX_DB_INT).nullable().optional(),
    expectedVersion,
  })
  .strict()
  .refine((v) => v.priority !== undefined || v.departmentId !== undefined || v.assigneeId !== undefined, { message: 'Nada a alterar.' });

/** Extends a ticket's due date; the note (internal) says why (seed 001 §3). */
export const extendDueInput = z
  .object({ dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data inválida.'), note: messageBody, expectedVersion })
  .strict();

export const RATING_COMMENT_MAX_LENGTH = 2000;

export const confirmSolutionInput = z.object({ expectedVersion }).strict();

export const rejectSolutionInput = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1, 'Conte o que não foi resolvido.')
      .max(MESSAGE_MAX_LENGTH, `A mensagem pode ter até ${MESSAGE_MAX_LENGTH} caracteres.`),
    expectedVersion,
  })
  .strict();

const ratingScore = z.number({ error: 'Escolha de 1 a 5 estrelas.' }).int('Escolha de 1 a 5 estrelas.').min(1, 'Escolha de 1 a 5 estrelas.').max(5, 'Escolha de 1 a 5 estrelas.');
const ratingComment = z
  .string()
  .trim()
  .max(RATING_COMMENT_MAX_LENGTH, `O comentário pode ter até ${RATING_COMMENT_MAX_LENGTH} caracteres.`);

export const rateInput = z.object({ score: ratingScore, comment: ratingComment.optional(), expectedVersion }).strict();

/** The rating link page: the token identifies ticket and closing, so no version. */
export const ratingLinkRateInput = z.object({ score: ratingScore }).strict();
export const ratingLinkCommentInput = z
  .object({ comment: ratingComment.pipe(z.string().min(1, 'Escreva seu comentário.')) })
  .strict();
export const ratingTokenParam = z.object({ token: z.string().min(1).max(200) });

/** The quality area's filter: an agent and a period (dates, company-independent UTC days). */
export const ratingsQuery = z
  .object({
    agentId: z.coerce.number().int().positive().max(MAX_DB_INT).optional(),
    from: z.iso.date('Data inválida.').optional(),
    to: z.iso.date('Data inválida.').optional(),
  })
  .strict();

export const customerListQuery = z.object({
  tab: z.enum(CUSTOMER_TABS).default('all'),
  cursor: z.string().max(100).optional(),
});

const optionalId = z.coerce.number().int().positive().max(MAX_DB_INT).optional();

/** The agent queues (Meus chamados, Sem responsável, Trabalho de hoje, Vencidos, Todos) and their filters. */
export const agentListQuery = z
  .object({
    queue: z.enum(['mine', 'unassigned', 'today', 'overdue', 'all']).default('all'),
    sort: z.enum(['updated', 'due', 'priority']).default('updated'),
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    departmentId: optionalId,
    origin: z.enum(ORIGINS).optional(),
    assigneeId: optionalId,
    companyId: optionalId,
    cursor: z.string().max(100).optional(),
    /** Text search over ticket number, subject and messages. */
    q: z.string().trim().max(200, 'No máximo 200 caracteres.').optional(),
  })
  .strict();

export const ticketIdParam = z.object({ id: z.coerce.number().int().positive().max(MAX_DB_INT) });

export type LoginInput = z.infer<typeof loginInput>;
export type CustomerReplyInput = z.infer<typeof customerReplyInput>;
export type AgentMessageInput = z.infer<typeof agentMessageInput>;

/** The admin mailbox: keyset by message id. */
export const mailboxQuery = z.object({ before: z.coerce.number().int().positive().max(MAX_DB_INT).optional() }).strict();

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use o formato HH:MM.');
/** A special window of same-day routing, half-open [start, end): it must start before it ends. */
const specialWindow = z
  .object({ start: clock, end: clock })
  .strict()
  .refine((w) => w.start < w.end, { message: 'O início deve ser antes do fim.', path: ['end'] });
const days = z.number().int('Use dias inteiros.').min(1, 'Pelo menos 1 dia.').max(365, 'No máximo 365 dias.');

/**
 * The automation policy (admin): inactivity preset "triplos" / "movidesk" or custom days, the approval
 * timeout, and same-day routing's special windows.
 */
export const automationSettingsInput = z
  .object({
    inactivity: z.discriminatedUnion('preset', [
      z.object({ preset: z.literal('triplos') }).strict(),
      z.object({ preset: z.literal('movidesk') }).strict(),
      z.object({ preset: z.literal('custom'), reminderDays: z.array(days).max(5, 'No máximo 5 lembretes.'), closeAfterDays: days }).strict(),
    ]),
    approvalTimeout: z.object({ afterDays: days, outcome: z.enum(['close', 'reopen']) }).strict(),
    sameDayRouting: z
      .object({ enabled: z.boolean(), specialWindows: z.array(specialWindow).max(10, 'No máximo 10 horários.') })
      .strict(),
  })
  .strict();
export type AutomationSettingsInput = z.infer<typeof automationSettingsInput>;

/** The Painel do Cliente's search over the customer's own tickets (issue 15). */
export const customerSearchQuery = z.object({ q: z.string().trim().min(1, 'Digite o que procurar.').max(200, 'Use no máximo 200 caracteres.') });

/** A company manager's list of the company's tickets, optionally one requester's (issue 15). */
export const companyTicketsQuery = z.object({
  requesterId: z.coerce.number().int().positive().max(MAX_DB_INT).optional(),
  cursor: z.string().max(100).optional(),
});

/** An agent's (or admin's) preferences (issue 15): the language of the console and of every e-mail to them. */
export const agentPreferencesInput = z.object({ language: z.enum(['pt-BR', 'en']) }).strict();

/** A contact's preferences (issue 15): language, and the ticket e-mails they want. */
export const contactPreferencesInput = z
  .object({
    language: z.enum(['pt-BR', 'en']),
    notifyUpdates: z.boolean(),
    notifyReminders: z.boolean(),
    notifyRatingRequests: z.boolean(),
  })
  .strict();
