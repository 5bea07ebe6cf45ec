import type { Logger } from 'pino';

/**
 * How account links (password reset, invitation, passwordless sign-in) reach their owner. The e-mail outbox (issue 6) will
 * implement this interface; until it is wired in, the in-memory mailer keeps the last link per address
 * for development and tests, and logs that a link was issued (never the link itself: it is a credential).
 */
export interface AccountLink {
  to: string;
  name: string;
  purpose: 'password_reset' | 'invitation' | 'sign_in_link';
  url: string;
  expiresAt: number;
  /** The account's language: the e-mail is written in it (issue 15); pt-BR when absent. */
  language?: 'pt-BR' | 'en';
  /** Whose account: an agent's invitation is to work tickets, a contact's to follow them. Contact when absent. */
  accountKind?: 'contact' | 'agent';
}

export interface AccountMailer {
  /** Resolves once the link is recorded (the outbox row is durable). */
  sendAccountLink(link: AccountLink): void | Promise<void>;
}

export interface MemoryAccountMailer extends AccountMailer {
  /** The last link sent to this address (tests and development only). */
  lastLinkTo(email: string): AccountLink | undefined;
  sentCount(): number;
}

export function createMemoryAccountMailer(logger?: Logger): MemoryAccountMailer {
  const last = new Map<string, AccountLink>();
  let sent = 0;
  return {
    sendAccountLink(link) {
      last.set(link.to.toLowerCase(), link);
      sent += 1;
      logger?.info({ event: 'account_link_issued', purpose: link.purpose, expiresAt: link.expiresAt }, 'account link issued (memory mailer)');
    },
    lastLinkTo: (email) => last.get(email.toLowerCase()),
    sentCount: () => sent,
  };
}
