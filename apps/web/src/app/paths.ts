/** Every route of the SPA, in one place. Path names are pt-BR: they show in the address bar. */
export const paths = {
  home: '/',
  login: '/entrar',
  forgotPassword: '/esqueci-senha',
  changePassword: '/conta/senha',
  passwordReset: (token: string) => `/redefinir-senha/${token}`,
  invitation: (token: string) => `/convite/${token}`,
  panel: '/painel',
  customerTicket: (id: number | string) => `/painel/chamados/${id}`,
  console: '/console',
  auditLog: '/console/auditoria',
  agentTicket: (id: number | string) => `/console/chamados/${id}`,
} as const;
