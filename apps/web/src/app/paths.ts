/** Every route of the SPA, in one place. Path names are pt-BR: they show in the address bar. */
export const paths = {
  home: '/',
  login: '/entrar',
  panel: '/painel',
  customerTicket: (id: number | string) => `/painel/chamados/${id}`,
  /** The new-ticket form (issue 4); `?referencia=<id>` names an earlier ticket it follows up. */
  newTicket: '/painel/novo',
  ratingLink: (token: string) => `/avaliar/${token}`,
  ratings: '/console/avaliacoes',
  console: '/console',
  agentTicket: (id: number | string) => `/console/chamados/${id}`,
} as const;
