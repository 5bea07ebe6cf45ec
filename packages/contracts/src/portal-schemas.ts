import { ORIGINS } from '@atende/domain';
import { z } from 'zod';
import { attachmentIds } from './attachment-schemas.js';
import { MESSAGE_MAX_LENGTH } from './schemas.js';
import { MAX_DB_INT } from './database-limits.js';

/** The Central do Assinante form and the admin console's portal catalog (seed 003). */

export const TICKET_SUBJECT_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 100;

const requiredId = (message: string) => z.number({ error: message }).int(message).positive(message).max(MAX_DB_INT, message);

/** "Novo atendimento": the four mandatory fields, where it was filed from, and a key that makes retries safe. */
export const newTicketInput = z
  .object({
    departmentId: requiredId('Escolha o departamento.'),
    subjectId: requiredId('Escolha o assunto.'),
    subject: z
      .string({ error: 'Descreva o assunto.' })
      .trim()
      .min(1, 'Descreva o assunto.')
      .max(TICKET_SUBJECT_MAX_LENGTH, `A descrição do assunto pode ter até ${TICKET_SUBJECT_MAX_LENGTH} caracteres.`),
    body: z
      .string({ error: 'Escreva sua mensagem.' })
      .trim()
      .min(1, 'Escreva sua mensagem.')
      .max(MESSAGE_MAX_LENGTH, `A mensagem pode ter até ${MESSAGE_MAX_LENGTH} caracteres.`),
    /** `portal` from the Painel do Cliente, `hotsite` from the Central do Assinante page. */
    origin: z.enum(['portal', 'hotsite'], { error: 'Origem inválida.' }),
    /** Generated once per form: a double click or a retried request returns the same ticket. */
    idempotencyKey: z
      .string({ error: 'Chave de envio ausente.' })
      .regex(/^[A-Za-z0-9_-]{16,100}$/, 'Chave de envio inválida.'),
    /** Anexos: uploads of this contact, staged by POST /api/uploads. */
    attachmentIds,
  })
  .strict();

const name = z.string({ error: 'Informe o nome.' }).trim().min(1, 'Informe o nome.').max(NAME_MAX_LENGTH, `O nome pode ter até ${NAME_MAX_LENGTH} caracteres.`);

export const departmentInput = z
  .object({ name, active: z.boolean(), servesTickets: z.boolean(), servesExternal: z.boolean() })
  .strict();

export const subjectInput = z
  .object({ name, active: z.boolean(), showOnHotsite: z.boolean(), defaultDepartmentId: z.number().int().positive().max(MAX_DB_INT).nullable() })
  .strict();

export const portalSettingsInput = z
  .object({
    customersSeeTickets: z.boolean(),
    customersOpenTickets: z.boolean(),
    agentRepliesPublicByDefault: z.boolean(),
    /** Issue 17: people sign up for the portal themselves (verified by e-mail). Omitted: unchanged. */
    customersSelfRegister: z.boolean().optional(),
    allowReopen: z.boolean(),
    reopenWindowDays: z.number({ error: 'Informe o prazo em dias.' }).int('Use um número inteiro de dias.').min(1, 'O prazo mínimo é 1 dia.').max(365, 'O prazo máximo é 365 dias.'),
    ratingWindowDays: z.number({ error: 'Informe o prazo em dias.' }).int('Use um número inteiro de dias.').min(1, 'O prazo mínimo é 1 dia.').max(365, 'O prazo máximo é 365 dias.'),
  })
  .strict();

export const agentOriginQuery = z.object({ origin: z.enum(ORIGINS).optional() });

export type NewTicketInput = z.infer<typeof newTicketInput>;
export type DepartmentInput = z.infer<typeof departmentInput>;
export type SubjectInput = z.infer<typeof subjectInput>;
export type PortalSettingsInput = z.infer<typeof portalSettingsInput>;
