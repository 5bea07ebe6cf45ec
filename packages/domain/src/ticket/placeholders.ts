/**
 * Canned-reply placeholders: `{{contato.nome}}`, `{{chamado.numero}}` and friends, filled in when the
 * reply is inserted into the composer. An unknown placeholder is left as typed, so a typo shows rather
 * than silently vanishing; a known one without a value becomes empty.
 */
export const PLACEHOLDERS = ['contato.nome', 'contato.primeiro_nome', 'chamado.numero', 'chamado.assunto', 'agente.nome', 'empresa.nome'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export function fillPlaceholders(body: string, values: Partial<Record<Placeholder, string | number | null>>): string {
  return body.replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = values[name as Placeholder];
    return value === null || value === undefined ? '' : String(value);
  });
}

/** The values a ticket gives its placeholders. */
export function placeholderValues(ticket: { id: number; subject: string; requesterName: string; companyName?: string | null }, agentName: string): Record<Placeholder, string | number | null> {
  return {
    'contato.nome': ticket.requesterName,
    'contato.primeiro_nome': ticket.requesterName.split(/\s+/)[0] ?? ticket.requesterName,
    'chamado.numero': ticket.id,
    'chamado.assunto': ticket.subject,
    'agente.nome': agentName,
    'empresa.nome': ticket.companyName ?? null,
  };
}
