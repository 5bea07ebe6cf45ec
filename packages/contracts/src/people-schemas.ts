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
