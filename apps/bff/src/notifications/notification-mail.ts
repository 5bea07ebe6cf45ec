import type { NotificationKind } from '@atende/db';
import { escapeHtml } from '../mail/templates.js';

/** pt-BR lines for an agent's notification e-mail (the console shows the same words). */
const WHAT: Record<NotificationKind, string> = {
  new_ticket: 'Novo chamado',
  customer_message: 'Cliente respondeu',
  not_resolved: 'Cliente disse que não foi resolvido',
  reopened: 'Chamado reaberto',
  assigned: 'Chamado atribuído a você',
  held_mail: 'E-mail de remetente não reconhecido',
};

export function notificationMail(params: { kind: NotificationKind; ticketId: number; ticketSubject: string; agentName: string; url: string }) {
  const what = WHAT[params.kind];
  const ref = `#${params.ticketId} – ${params.ticketSubject}`;
  const subject = `${what}: ${ref}`;
  const text = [`Olá, ${params.agentName}.`, `${what}: ${ref}.`, `Abrir no console: ${params.url}`, 'Você pode escolher quais avisos recebe por e-mail no console, em Notificações.'].join('\n\n');
  const html = [
    '<!doctype html><html lang="pt-BR"><body>',
    `<p>${escapeHtml(`Olá, ${params.agentName}.`)}</p>`,
    `<p>${escapeHtml(`${what}: ${ref}.`)}</p>`,
    `<p><a href="${escapeHtml(params.url)}">Abrir no console</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
