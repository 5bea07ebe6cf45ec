import { randomUUID } from 'node:crypto';
import { enqueueMail, type Db } from '@atende/db';
import { escapeHtml } from '../mail/templates.js';
import type { AccountLink, AccountMailer } from './account-mailer.js';

const SUBJECT: Record<AccountLink['purpose'], string> = {
  password_reset: 'Atende: crie uma nova senha',
  invitation: 'Atende: você foi convidado',
};

const INTRO: Record<AccountLink['purpose'], string> = {
  password_reset: 'Recebemos um pedido para criar uma nova senha para sua conta.',
  invitation: 'Você foi convidado para acompanhar seus atendimentos no Atende.',
};

/**
 * Account links leave through the e-mail outbox like every other message (delivered by the relay over
 * SMTP, or kept in the local mailbox in development). The link is a credential: it is written only to
 * the outbox row, never to logs.
 */
export function createOutboxAccountMailer(deps: { db: Db; now: () => number; messageDomain: string }): AccountMailer {
  return {
    sendAccountLink(link) {
      const minutes = Math.max(1, Math.round((link.expiresAt - deps.now()) / 60_000));
      const text = `Olá, ${link.name}.\n\n${INTRO[link.purpose]}\nUse este link em até ${minutes} minutos (ele vale uma única vez):\n${link.url}\n\nSe você não pediu isto, ignore este e-mail.`;
      const html = `<p>Olá, ${escapeHtml(link.name)}.</p><p>${escapeHtml(INTRO[link.purpose])}</p><p><a href="${escapeHtml(link.url)}">${escapeHtml(link.url)}</a></p><p>O link vale por ${minutes} minutos e uma única vez. Se você não pediu isto, ignore este e-mail.</p>`;
      enqueueMail(
        deps.db,
        {
          // Every link is its own message: a second request must not be swallowed as a duplicate.
          dedupeKey: `account:${link.purpose}:${randomUUID()}`,
          ticketId: null,
          kind: `account_${link.purpose}`,
          toAddress: link.to,
          replyTo: null,
          subject: SUBJECT[link.purpose],
          textBody: text,
          htmlBody: html,
          messageDomain: deps.messageDomain,
        },
        deps.now(),
      );
    },
  };
}
