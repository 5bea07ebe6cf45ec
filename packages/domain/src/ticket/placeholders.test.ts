import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderValues } from './placeholders.js';

describe('canned-reply placeholders', () => {
  const values = placeholderValues({ id: 42, subject: 'Catraca travada', requesterName: 'Carla Souza', companyName: 'Academia Boa Forma' }, 'Ana Atendente');
  it('fills the contact name and the ticket number', () => {
    expect(fillPlaceholders('Olá, {{contato.nome}}! Sobre o chamado #{{chamado.numero}}…', values)).toBe('Olá, Carla Souza! Sobre o chamado #42…');
  });
  it('tolerates spaces inside the braces and fills first name, subject, agent and company', () => {
    expect(fillPlaceholders('{{ contato.primeiro_nome }}, {{chamado.assunto}} — {{agente.nome}}, {{empresa.nome}}', values)).toBe('Carla, Catraca travada — Ana Atendente, Academia Boa Forma');
  });
  it('leaves an unknown placeholder as typed and empties a known one without value', () => {
    expect(fillPlaceholders('{{contato.cpf}} {{empresa.nome}}.', { ...values, 'empresa.nome': null })).toBe('{{contato.cpf}} .');
  });
});
