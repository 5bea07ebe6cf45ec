/** Every route of the SPA, in one place. Path names are pt-BR: they show in the address bar. */
export const paths = {
  home: '/',
  login: '/entrar',
  forgotPassword: '/esqueci-senha',
  changePassword: '/conta/senha',
  /** A contact's language and e-mail choices (issue 15). */
  preferences: '/conta/preferencias',
  passwordReset: (token: string) => `/redefinir-senha/${token}`,
  invitation: (token: string) => `/convite/${token}`,
  /** Customer self-registration (issue 17), when the company turns it on; the e-mailed link confirms it. */
  signUp: '/cadastro',
  confirmRegistration: (token: string) => `/cadastro/${token}`,
  /** Passwordless sign-in (issue 15): the e-mailed link's page, with its Entrar button. */
  signInLink: (token: string) => `/link-de-acesso/${token}`,
  panel: '/painel',
  customerTicket: (id: number | string) => `/painel/chamados/${id}`,
  newTicket: '/painel/novo',
  /** A company manager's view of the company's tickets (issue 15). */
  companyTickets: '/painel/empresa',
  centralDoAssinante: '/central-do-assinante',
  /** The new-ticket form (issue 4); `?referencia=<id>` names an earlier ticket it follows up. */
  ratingLink: (token: string) => `/avaliar/${token}`,
  ratings: '/console/avaliacoes',
  console: '/console',
  auditLog: '/console/auditoria',
  agentTicket: (id: number | string) => `/console/chamados/${id}`,
  adminPortal: '/console/admin/portal',
  adminDepartments: '/console/admin/departamentos',
  adminSubjects: '/console/admin/assuntos',
  adminTeam: '/console/admin/equipe',
  adminSettings: '/console/admin/configuracoes',
  /** Response targets (SLA) per priority (issue 14). */
  adminSla: '/console/admin/prazos',
  newContact: '/console/clientes/novo-contato',
  newCompany: '/console/clientes/nova-empresa',
  importContacts: '/console/admin/importar-contatos',
  mailbox: '/console/emails',
  directory: '/console/clientes',
  directoryCompany: (id: number | string) => `/console/clientes/empresas/${id}`,
  directoryContact: (id: number | string) => `/console/clientes/contatos/${id}`,
  cannedReplies: '/console/respostas',
  reports: '/console/relatorios',
  notificationPreferences: '/console/notificacoes',
} as const;
