import { randomUUID } from 'node:crypto';
import { enqueueMail, type Database } from '@atende/db/store';
import { renderAccountLinkMail } from './account-mail-templates.js';
import type { AccountLink, AccountMailer } from './account-mailer.js';

/**
 * Account links leave through the e-mail outbox like every other message (delivered by the relay over
 * SMTP, or kept in the local mailbox in development), written in the account's language. The link is a
 * credential: it is written only to the outbox row, never to logs.
 */
export function createOutboxAccountMailer(deps: { db: Database; now: () => number; messageDomain: string }): AccountMailer {
  return {
    async sendAccountLink(link: AccountLink) {
      const mail = renderAccountLinkMail(link, deps.now());
      await enqueueMail(
        deps.db,
        {
          // Every link is its own message: a second request must not be swallowed as a duplicate.
          dedupeKey: `account:${link.purpose}:${randomUUID()}`,
          ticketId: null,
          kind: `account_${link.purpose}`,
          toAddress: link.to,
          replyTo: null,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
          messageDomain: deps.messageDomain,
        },
        deps.now(),
      );
    },
  };
}
