import { AGENT_ROLES } from '@atende/domain';
import { z } from 'zod';

/** People: the team (agents and admins) and the first admin created from the command line. */
export const personEmail = z.string().trim().toLowerCase().min(1, 'Informe o e-mail.').max(254, 'E-mail longo demais.').pipe(z.email('E-mail inválido.'));
export const personName = z.string().trim().min(1, 'Informe o nome.').max(120, 'Nome longo demais.');

/** `pnpm admin:create --email <e-mail> --name "<name>"`. */
export const adminCreateInput = z.object({ email: personEmail, name: personName }).strict();

const departmentIds = z.array(z.number().int().positive()).max(50, 'Departamentos demais.');

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
    companyId: z.number().int().positive().nullable(),
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
