import { API_ERROR_MESSAGES_PT, type ApiErrorBody, type ApiErrorCode } from './errors.js';

/**
 * English for every message the API sends (issue 15). The API answers with a `code` (and, for bad
 * input, one message per field); the server renders the text in the request's language (the SPA
 * sends its language as Accept-Language). pt-BR stays the source: API_ERROR_MESSAGES_PT and the
 * field messages written in the zod schemas and routes. `messages-en.test.ts` fails when one of them
 * has no English here.
 */
export const API_ERROR_MESSAGES_EN: Record<ApiErrorCode, string> = {
  validation_failed: 'Some fields are not right. Check them and try again.',
  unauthenticated: 'Your session ended. Please sign in again.',
  invalid_credentials: 'Wrong e-mail or password.',
  forbidden: 'You are not allowed to do this.',
  csrf_rejected: 'Request refused: untrusted origin.',
  portal_tickets_hidden: 'Tickets are not available on the portal.',
  portal_new_tickets_disabled: 'Opening tickets from the portal is turned off.',
  not_found: 'Not found.',
  conflict: 'This ticket changed while you were viewing it. Showing the latest version.',
  payload_too_large: 'What you sent is too large.',
  unsupported_media_type: 'Unsupported format: send JSON.',
  too_many_attempts: 'Too many attempts. Wait a few minutes and try again.',
  link_invalid: 'This link no longer works: it was used or has expired. Ask for a new one.',
  sign_in_link_invalid: 'This sign-in link no longer works: it was already used or its 15 minutes have passed. Ask for a new link on the sign-in page.',
  internal_error: 'Something went wrong on our side. Try again in a moment.',
  not_allowed_for_actor: 'You are not allowed to do this.',
  invalid_transition: 'This action is not possible in the ticket’s current status.',
  ticket_closed: 'This ticket is concluded.',
  reopen_disabled: 'This ticket is closed and cannot be reopened. Open a new ticket.',
  reopen_window_passed: 'The time to reopen this ticket has passed. Open a new ticket.',
  ticket_merged: 'This ticket was merged into another: write in the one that continues.',
  reason_required: 'Tell us what was not resolved.',
  rating_not_due: 'This ticket is not awaiting a rating.',
  invalid_score: 'Choose 1 to 5 stars.',
  same_status: 'The ticket already has this status.',
  rating_link_invalid: 'This rating link is not valid. Check that it was copied in full.',
  rating_link_expired: 'The time to rate this service has passed.',
  file_link_invalid: 'This attachment link is not valid (or no longer valid for you). Check that it was copied in full, or open the ticket in the portal to download the file.',
  file_link_expired: 'This attachment link has expired. Open the ticket in the portal to download the file.',
  due_date_required: 'Enter the resolution due date (the date agreed with the customer or the visit date).',
  due_date_invalid: 'Invalid resolution due date.',
  due_date_in_past: 'The resolution due date cannot be before today.',
  note_required: 'Write a note explaining the change.',
  no_change: 'Nothing was changed.',
  last_admin: 'At least one active admin must remain, and you cannot deactivate yourself.',
  malformed_mail: 'Malformed e-mail message: it was not accepted.',
  registration_closed: 'Signing up on the portal is turned off. Ask the company that serves you for access.',
  email_taken: 'This e-mail already has an account. Sign in with your password or use “Forgot my password”.',
  unknown_recipient: 'Unknown recipient: this e-mail answers no ticket.',
};

/** English for each pt-BR field message (schemas in this package, and the few the routes write). */
export const FIELD_MESSAGES_EN: Record<string, string> = {
  'Anexos inválidos.': 'Invalid attachments.',
  'Anexos demais.': 'Too many attachments.',
  'Tipo de aviso desconhecido.': 'Unknown notification type.',
  'Dê um título à resposta.': 'Give the reply a title.',
  'O título pode ter até 100 caracteres.': 'The title can be up to 100 characters.',
  'Escreva a resposta.': 'Write the reply.',
  'A resposta pode ter até 10000 caracteres.': 'The reply can be up to 10000 characters.',
  'Selecione pelo menos um chamado.': 'Select at least one ticket.',
  'No máximo 100 chamados de uma vez.': 'At most 100 tickets at once.',
  'Informe o chamado de destino.': 'Enter the target ticket.',
  'O início deve ser antes do fim.': 'The start must be before the end.',
  'Informe as horas.': 'Enter the hours.',
  'Informe viewing, typing ou left.': 'Send viewing, typing or left.',
  'No mínimo 15 minutos.': 'At least 15 minutes.',
  'No máximo 720 horas.': 'At most 720 hours.',
  'Informe o e-mail.': 'Enter the e-mail.',
  'Nome longo demais.': 'Name too long.',
  'Departamentos demais.': 'Too many departments.',
  'Papel inválido.': 'Invalid role.',
  'Telefone longo demais.': 'Phone too long.',
  'No máximo 10 e-mails adicionais.': 'At most 10 additional e-mails.',
  'Documento longo demais.': 'Document too long.',
  'Escolha um arquivo CSV.': 'Choose a CSV file.',
  'Arquivo grande demais.': 'File too large.',
  'Arquivo inválido.': 'Invalid file.',
  'Use HH:MM.': 'Use HH:MM.',
  'Use AAAA-MM-DD.': 'Use YYYY-MM-DD.',
  'Fuso horário desconhecido.': 'Unknown time zone.',
  'Escolha ao menos um dia.': 'Choose at least one day.',
  'Feriados demais.': 'Too many holidays.',
  'A abertura deve ser antes do fechamento.': 'Opening must be before closing.',
  'Telefone inválido. Use DDD e número, por exemplo (51) 99999-1234.': 'Invalid phone. Use area code and number, for example (51) 99999-1234.',
  'Contato desativado: reative antes de convidar.': 'Contact deactivated: reactivate before inviting.',
  'O arquivo está vazio.': 'The file is empty.',
  'Reative a pessoa antes de convidar.': 'Reactivate the person before inviting.',
  'Informe outro chamado deste cliente.': 'Enter another ticket of this customer.',
  'Só é possível unir chamados do mesmo cliente.': 'Only tickets of the same customer can be merged.',
  'O chamado de destino está concluído.': 'The target ticket is closed.',
  'A busca pode ter até 100 caracteres.': 'Search can be up to 100 characters.',
  'Chave de envio ausente.': 'Missing submission key.',
  'Chave de envio inválida.': 'Invalid submission key.',
  'Cole a conversa.': 'Paste the conversation.',
  'Data inválida.': 'Invalid date.',
  'Descreva o assunto.': 'Describe the subject.',
  'Digite ao menos 2 caracteres.': 'Type at least 2 characters.',
  'Digite o que procurar.': 'Type what to search for.',
  'Digite um nome ou e-mail.': 'Type a name or e-mail.',
  'Dê um nome ao token.': 'Name the token.',
  'E-mail inválido.': 'Invalid e-mail.',
  'E-mail longo demais.': 'E-mail too long.',
  'Escolha a prioridade.': 'Choose the priority.',
  'Escolha o assunto.': 'Choose the subject.',
  'Escolha o chamado.': 'Choose the ticket.',
  'Escolha o departamento.': 'Choose the department.',
  'Escreva a mensagem.': 'Write the message.',
  'Escreva o resumo.': 'Write the summary.',
  'Escreva seu comentário.': 'Write your comment.',
  'Escreva sua mensagem.': 'Write your message.',
  'Informe o e-mail do contato.': 'Enter the contact’s e-mail.',
  'Informe o nome.': 'Enter the name.',
  'Informe o prazo em dias.': 'Enter the period in days.',
  'Informe seu e-mail.': 'Enter your e-mail.',
  'Informe sua senha atual.': 'Enter your current password.',
  'Informe sua senha.': 'Enter your password.',
  'Link inválido.': 'Invalid link.',
  'Endereço de retorno inválido.': 'Invalid return address.',
  'Nada a alterar.': 'Nothing to change.',
  'No máximo 10 horários.': 'At most 10 time windows.',
  'No máximo 200 caracteres.': 'At most 200 characters.',
  'No máximo 365 dias.': 'At most 365 days.',
  'No máximo 5 lembretes.': 'At most 5 reminders.',
  'O nome pode ter até 100 caracteres.': 'The name can be up to 100 characters.',
  'O prazo máximo é 365 dias.': 'The longest period is 365 days.',
  'O prazo mínimo é 1 dia.': 'The shortest period is 1 day.',
  'Origem inválida.': 'Invalid origin.',
  'Pelo menos 1 dia.': 'At least 1 day.',
  'Página inválida.': 'Invalid page.',
  'Senha longa demais.': 'Password too long.',
  'Use dias inteiros.': 'Use whole days.',
  'Use no máximo 200 caracteres.': 'Use at most 200 characters.',
  'Use o formato HH:MM.': 'Use the HH:MM format.',
  'Use um número inteiro de dias.': 'Use a whole number of days.',
  // Written by the routes (apps/bff).
  'Campo desconhecido.': 'Unknown field.',
  'Texto com um caractere inválido (NUL).': 'Text with an invalid character (NUL).',
  'Responsável desconhecido.': 'Unknown assignee.',
  'Senha atual incorreta.': 'Wrong current password.',
  'Departamento desconhecido.': 'Unknown department.',
  'Departamento indisponível. Escolha outro.': 'Department unavailable. Choose another.',
  'Esta senha é comum demais ou já apareceu em vazamentos. Escolha outra.': 'This password is too common or has appeared in breaches. Choose another.',
  'A senha não pode ser o seu e-mail.': 'The password cannot be your e-mail.',
};

export type ApiLanguage = 'pt-BR' | 'en';

/** The request's language: English when the client asks for it first, pt-BR otherwise. */
export function apiLanguageOf(acceptLanguage: string | undefined | null): ApiLanguage {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'pt-BR';
}

/** An error body in the request's language (pt-BR bodies are already written in pt-BR). */
export function localizeErrorBody(body: ApiErrorBody, language: ApiLanguage): ApiErrorBody {
  if (language === 'pt-BR') return body;
  const wait = body.retryAfterSeconds;
  const minutes = wait ? Math.max(1, Math.ceil(wait / 60)) : 0;
  const message = wait ? `Too many attempts. Wait ${minutes === 1 ? '1 minute' : `${minutes} minutes`} and try again.` : API_ERROR_MESSAGES_EN[body.code];
  const fields = body.fields && Object.fromEntries(Object.entries(body.fields).map(([field, text]) => [field, FIELD_MESSAGES_EN[text] ?? text]));
  return { ...body, message, ...(fields ? { fields } : {}) };
}

/** For the completeness test: the pt-BR side of the error table. */
export const API_ERROR_CODES = Object.keys(API_ERROR_MESSAGES_PT) as ApiErrorCode[];
