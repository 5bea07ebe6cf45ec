import { CUSTOMER_TABS, ORIGINS, PRIORITIES, TICKET_STATUSES } from '@atende/domain';
import { z } from 'zod';

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
const expectedVersion = z.number().int().positive();

export const customerReplyInput = z.object({ body: messageBody, expectedVersion }).strict();

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
  })
  .strict();

export const setStatusInput = z.object({ status: z.enum(TICKET_STATUSES), dueDate, expectedVersion }).strict();

/** Priority, department, assignee (null = none); at least one. */
export const setFieldsInput = z
  .object({
    priority: z.enum(PRIORITIES).optional(),
    departmentId: z.number().int().positive().nullable().optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
    expectedVersion,
  })
  .strict()
  .refine((v) => v.priority !== undefined || v.departmentId !== undefined || v.assigneeId !== undefined, { message: 'Nada a alterar.' });

/** Extends a ticket's due date; the note (internal) says why (seed 001 §3). */
export const extendDueInput = z
  .object({ dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data inválida.'), note: messageBody, expectedVersion })
  .strict();

export const customerListQuery = z.object({
  tab: z.enum(CUSTOMER_TABS).default('all'),
  cursor: z.string().max(100).optional(),
});

const optionalId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();

/** The agent queues (Meus chamados, Sem responsável, Trabalho de hoje, Vencidos, Todos) and their filters. */
export const agentListQuery = z
  .object({
    queue: z.enum(['mine', 'unassigned', 'today', 'overdue', 'all']).default('all'),
    sort: z.enum(['updated', 'due']).default('updated'),
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    departmentId: optionalId,
    origin: z.enum(ORIGINS).optional(),
    assigneeId: optionalId,
    companyId: optionalId,
    cursor: z.string().max(100).optional(),
  })
  .strict();

export const ticketIdParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export type LoginInput = z.infer<typeof loginInput>;
export type CustomerReplyInput = z.infer<typeof customerReplyInput>;
export type AgentMessageInput = z.infer<typeof agentMessageInput>;
