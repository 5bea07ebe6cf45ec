import { personEmail } from '@atende/contracts';
import type { ImportedContact } from '@atende/db/store';
import { toE164 } from '../people/phone.js';
import type { ParsedCsv } from './decode-csv.js';

/** Which column (0-based) holds each field; phone and company are optional. */
export interface ColumnMapping {
  name: number;
  email: number;
  phone: number | null;
  company: number | null;
}

export interface RowError {
  line: number;
  field: 'name' | 'email' | 'phone' | 'company';
  message: string;
}

const HEADER_GUESSES: Record<keyof ColumnMapping, RegExp> = {
  name: /^(nome|name|contato|nome completo)$/i,
  email: /^(e-?mail|email principal|correio)$/i,
  phone: /^(telefone|fone|celular|whats ?app|phone)$/i,
  company: /^(empresa|company|razão social|razao social|cliente)$/i,
};

/** The mapping the header row suggests (the page lets the admin change it). */
export function suggestMapping(headers: string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  for (const [field, pattern] of Object.entries(HEADER_GUESSES) as [keyof ColumnMapping, RegExp][]) {
    const index = headers.findIndex((h) => pattern.test(h.trim()));
    if (index !== -1) mapping[field] = index;
  }
  return mapping;
}

/**
 * Checks every row without writing: bad e-mail, e-mail repeated in the file, an address of the team,
 * unknown company, bad phone, missing name. Rows with an error are reported and never imported.
 */
export function planImport(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  lookups: { companyIdByName: Map<string, number>; isStaffEmail: (email: string) => boolean },
): { rows: ImportedContact[]; errors: RowError[] } {
  const rows: ImportedContact[] = [];
  const errors: RowError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of parsed.rows) {
    const at = (index: number | null) => (index === null ? '' : (cells[index] ?? '').trim());
    const rowErrors: RowError[] = [];
    const name = at(mapping.name);
    if (!name) rowErrors.push({ line, field: 'name', message: 'Informe o nome.' });
    else if (name.length > 120) rowErrors.push({ line, field: 'name', message: 'Nome longo demais.' });
    const email = personEmail.safeParse(at(mapping.email));
    if (!email.success) rowErrors.push({ line, field: 'email', message: `E-mail inválido: "${at(mapping.email)}".` });
    else if (firstLineOf.has(email.data)) rowErrors.push({ line, field: 'email', message: `E-mail repetido na planilha (linha ${firstLineOf.get(email.data)}).` });
    else if (lookups.isStaffEmail(email.data)) rowErrors.push({ line, field: 'email', message: 'Este e-mail é de alguém da equipe.' });
    const phone = toE164(at(mapping.phone));
    if (phone === 'invalid') rowErrors.push({ line, field: 'phone', message: `Telefone inválido: "${at(mapping.phone)}".` });
    const companyName = at(mapping.company);
    const companyId = companyName ? (lookups.companyIdByName.get(companyName.toLocaleLowerCase('pt-BR')) ?? null) : null;
    if (companyName && companyId === null) rowErrors.push({ line, field: 'company', message: `Empresa desconhecida: "${companyName}".` });
    if (email.success && !firstLineOf.has(email.data)) firstLineOf.set(email.data, line);
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ line, name, email: email.success ? email.data : '', phone: phone === 'invalid' ? null : phone, companyId });
  }
  return { rows, errors };
}
