import type { DomainErrorCode } from '@atende/domain';

/** Every error `code` the API returns, with its HTTP status. The UI translates by code. */
export const API_ERRORS = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_rejected: 403,
  portal_tickets_hidden: 403,
  portal_new_tickets_disabled: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  link_invalid: 410,
  /** A passwordless sign-in link already used, past its 15 minutes, or no longer allowed (issue 15). */
  sign_in_link_invalid: 410,
  /** Inbound e-mail the parser must not take (a MIME bomb): permanent, so providers stop retrying. */
  malformed_mail: 422,
  /** Inbound e-mail that names no ticket of ours: permanent, so the provider bounces it to the sender. */
  unknown_recipient: 422,
  internal_error: 500,
  // Domain refusals: the request was understood but the rules say no.
  not_allowed_for_actor: 403,
  invalid_transition: 409,
  ticket_closed: 409,
  reopen_disabled: 409,
  reopen_window_passed: 409,
  ticket_merged: 409,
  reason_required: 400,
  rating_not_due: 409,
  invalid_score: 400,
  same_status: 409,
  // Signed rating links (the /avaliar page).
  rating_link_invalid: 404,
  rating_link_expired: 410,
  file_link_invalid: 403,
  file_link_expired: 410,
  due_date_required: 400,
  due_date_invalid: 400,
  due_date_in_past: 400,
  note_required: 400,
  no_change: 409,
  // People (Equipe): nobody may lock everyone out.
  last_admin: 409,
  // Customer self-registration (issue 17).
  registration_closed: 403,
  email_taken: 409,
} as const satisfies Record<string, number> & Record<DomainErrorCode, number>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** pt-BR messages sent in every error body (the default language). */
export const API_ERROR_MESSAGES_PT: Record<ApiErrorCode, string> = {
  validation_failed: 'Alguns campos não estão corretos. Verifique e tente novamente.',
  unauthenticated: 'Sua sessão terminou. Entre novamente.',
  invalid_credentials: 'E-mail ou senha incorretos.',
  forbidden: 'Você não tem permissão para esta ação.',
  csrf_rejected: 'Pedido recusado: origem não confiável.',
  portal_tickets_hidden: 'Os atendimentos não estão disponíveis no portal.',
  portal_new_tickets_disabled: 'A abertura de atendimentos pelo portal está desativada.',
  not_found: 'Não encontrado.',
  conflict: 'Este chamado foi alterado enquanto você o via. Mostramos a versão mais recente.',
  payload_too_large: 'O conteúdo enviado é grande demais.',
  unsupported_media_type: 'Formato de envio não suportado: use JSON.',
  too_many_attempts: 'Muitas tentativas. Aguarde alguns minutos e tente novamente.',
  link_invalid: 'Este link não vale mais: ele já foi usado ou expirou. Peça um novo.',
  sign_in_link_invalid: 'Este link de acesso não vale mais: ele já foi usado ou passaram os 15 minutos. Peça um novo link na página de entrada.',
  malformed_mail: 'Mensagem de e-mail malformada: não foi aceita.',
  internal_error: 'Algo deu errado do nosso lado. Tente novamente em instantes.',
  not_allowed_for_actor: 'Você não tem permissão para esta ação.',
  invalid_transition: 'Esta ação não é possível na situação atual do chamado.',
  ticket_closed: 'Este chamado está concluído.',
  reopen_disabled: 'Este chamado está concluído e não pode ser reaberto. Abra um novo atendimento.',
  reopen_window_passed: 'O prazo para reabrir este chamado terminou. Abra um novo atendimento.',
  ticket_merged: 'Este chamado foi unido a outro: escreva no chamado que continua.',
  reason_required: 'Conte o que não foi resolvido.',
  rating_not_due: 'Este chamado não está aguardando avaliação.',
  invalid_score: 'Escolha de 1 a 5 estrelas.',
  same_status: 'O chamado já está nesta situação.',
  rating_link_invalid: 'Este link de avaliação não é válido. Confira se ele foi copiado por inteiro.',
  rating_link_expired: 'O prazo para avaliar este atendimento terminou.',
  file_link_invalid: 'Este link de anexo não é válido (ou não vale mais para você). Confira se ele foi copiado por inteiro, ou abra o atendimento no portal para baixar o arquivo.',
  file_link_expired: 'Este link de anexo expirou. Abra o atendimento no portal para baixar o arquivo.',
  due_date_required: 'Informe a data de resolução devida (a data combinada com o cliente ou a data da visita).',
  due_date_invalid: 'Data de resolução devida inválida.',
  due_date_in_past: 'A data de resolução devida não pode ser anterior a hoje.',
  note_required: 'Escreva uma anotação explicando a mudança.',
  no_change: 'Nada foi alterado.',
  last_admin: 'É preciso manter pelo menos um administrador ativo, e você não pode desativar a si mesmo.',
  registration_closed: 'O cadastro pelo portal está desativado. Peça seu acesso à empresa que atende você.',
  email_taken: 'Este e-mail já tem uma conta. Entre com sua senha ou use “Esqueci minha senha”.',
  unknown_recipient: 'Destinatário desconhecido: este e-mail não responde a nenhum atendimento.',
};

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Per-field messages for validation errors, keyed by field name. */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}
