/** Every route of the SPA, in one place. Path names are pt-BR: they show in the address bar. */
export const paths = {
  home: '/',
  login: '/entrar',
  panel: '/painel',
  customerTicket: (id: number | string) => `/painel/chamados/${id}`,
  console: '/console',
  agentTicket: (id: number | string) => `/console/chamados/${id}`,
  mailbox: '/console/emails',
} as const;
