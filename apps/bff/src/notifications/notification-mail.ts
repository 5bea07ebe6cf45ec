import type { NotificationKind } from '@atende/db/store';
import { escapeHtml } from '../mail/templates.js';

type Language = 'pt-BR' | 'en';

interface Words {
  /** The notice's name: the console's notifications list shows the same words. */
  what: Record<NotificationKind, string>;
  hello: (name: string) => string;
  open: string;
  choose: string;
}

/**
 * An agent's notification e-mail in the agent's language (issue 15). Each language is a full table typed
 * by kind: a kind without its words in either language fails the typecheck, and
 * notification-mail.test.ts renders every one.
 */
export const NOTIFICATION_MAIL_WORDS: Record<Language, Words> = {
  'pt-BR': {
    what: {
      new_ticket: 'Novo chamado',
      customer_message: 'Cliente respondeu',
      not_resolved: 'Cliente disse que não foi resolvido',
      reopened: 'Chamado reaberto',
      assigned: 'Chamado atribuído a você',
      held_mail: 'E-mail de remetente não reconhecido',
    },
    hello: (name) => `Olá, ${name}.`,
    open: 'Abrir no console',
    choose: 'Você pode escolher quais avisos recebe por e-mail no console, em Notificações.',
  },
  en: {
    what: {
      new_ticket: 'New ticket',
      customer_message: 'Customer replied',
      not_resolved: 'Customer said it was not resolved',
      reopened: 'Ticket reopened',
      assigned: 'Ticket assigned to you',
      held_mail: 'E-mail from an unrecognised sender',
    },
    hello: (name) => `Hello, ${name}.`,
    open: 'Open in the console',
    choose: 'You can choose which notices you get by e-mail in the console, under Notifications.',
  },
};

export function notificationMail(params: { kind: NotificationKind; ticketId: number; ticketSubject: string; agentName: string; url: string; language: Language }) {
  const w = NOTIFICATION_MAIL_WORDS[params.language];
  const what = w.what[params.kind];
  const ref = `#${params.ticketId} – ${params.ticketSubject}`;
  const subject = `${what}: ${ref}`;
  const text = [w.hello(params.agentName), `${what}: ${ref}.`, `${w.open}: ${params.url}`, w.choose].join('\n\n');
  const html = [
    `<!doctype html><html lang="${params.language}"><body>`,
    `<p>${escapeHtml(w.hello(params.agentName))}</p>`,
    `<p>${escapeHtml(`${what}: ${ref}.`)}</p>`,
    `<p><a href="${escapeHtml(params.url)}">${escapeHtml(w.open)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
