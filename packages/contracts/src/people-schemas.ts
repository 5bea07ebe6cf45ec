import { AGENT_ROLES } from '@atende/domain';
import { z } from 'zod';
import { MAX_DB_INT } from './database-limits.js';

/** People: the team (agents and admins) and the first admin created from the command line. */
export const personEmail = z.string().trim().toLowerCase().min(1, 'Informe o e-mail.').max(254, 'E-mail longo demais.').pipe(z.email('E-mail inválido.'));
export const personName = z.string().trim().min(1, 'Informe o nome.').max(120, 'Nome longo demais.');

/** `pnpm admin:create --email <e-mail> --name "<name>"`. */
export const adminCreateInput = z.object({ email: personEmail, name: personName }).strict();

const departmentIds = z.array(z.number().int().positive().max(MAX_DB_INT)).max(50, 'Departamentos demais.');

/** Equipe → Convidar. */
export const teamInviteInput = z
  .object({ name: personName, email: personEmail, role: z.enum(AGENT_ROLES, 'Papel inválido.'), departmentIds })
  .strict();

/** Equipe → edit a member. */
export const teamMemberInput = z.object({ name: personName, role: z.enum(AGENT_ROLES, 'Papel inválido.'), departmentIds }).strict();

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null));

/** Clientes → Novo contato / edit: Nome, E-mail, Telefone (any Brazilian writing; stored in E.164), Empresa. */
export const contactInput = z
  .object({
    name: personName,
    email: personEmail,
    phone: optionalText(40, 'Telefone longo demais.'),
    companyId: z.number().int().positive().max(MAX_DB_INT).nullable(),
    extraEmails: z.array(personEmail).max(10, 'No máximo 10 e-mails adicionais.').default([]),
  })
  .strict();

/** Clientes → company. */
export const companyInput = z
  .object({ name: personName, document: optionalText(40, 'Documento longo demais.'), phone: optionalText(40, 'Telefone longo demais.') })
  .strict();

/** A CSV file's bytes, base64 (UTF-8 or Windows-1252: the server detects which). ~3 MB of text at most. */
const csvFile = z.string().min(1, 'Escolha um arquivo CSV.').max(4_000_000, 'Arquivo grande demais.').regex(/^[A-Za-z0-9+/=]+$/, 'Arquivo inválido.');
const column = z.number().int().min(0).max(200);

export const contactImportPreviewInput = z.object({ fileBase64: csvFile }).strict();

/** Importar contatos (CSV): which column is each field; a dry run writes nothing; invitations only when asked. */
export const contactImportInput = z
  .object({
    fileBase64: csvFile,
    mapping: z.object({ name: column, email: column, phone: column.nullable(), company: column.nullable() }).strict(),
    dryRun: z.boolean(),
    invite: z.boolean().default(false),
  })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM.');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use AAAA-MM-DD.')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Data inválida.');

/** The company's clock: time zone, business days and hours, holidays. Opening must come before closing. */
export const companySettingsInput = z
  .object({
    timeZone: z.string().min(1).max(64).refine((tz) => {
      try {
        new Intl.DateTimeFormat('pt-BR', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Fuso horário desconhecido.'),
    businessDays: z.array(z.number().int().min(0).max(6)).min(1, 'Escolha ao menos um dia.').max(7),
    businessHoursStart: hhmm,
    businessHoursEnd: hhmm,
    holidays: z.array(isoDate).max(366, 'Feriados demais.'),
  })
  .strict()
  .refine((v) => v.businessHoursStart < v.businessHoursEnd, { message: 'A abertura deve ser antes do fechamento.', path: ['businessHoursEnd'] });

export const nationalHolidaysQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** The body of an action with nothing to say (deactivate, invite…): `{}` as JSON, so the typed client sends JSON. */
export const emptyBody = z.object({}).strict();
