import { randomUUID } from 'node:crypto';
import { enqueueMail, type Database } from '@atende/db/store';
import { escapeHtml } from '../mail/templates.js';

type Language = 'pt-BR' | 'en';

/**
 * The two e-mails a sign-up can send, in the language the person used on the sign-up page. Both kinds
 * start with `account_`: they carry credentials, so the development mailbox hides their text in
 * production. A sign-up for an address that already has an account gets a notice instead of a link:
 * the page answers the same either way, and only the address's owner learns the account exists.
 */
const TEXT = {
  'pt-BR': {
    verifySubject: 'Atende: confirme seu e-mail para criar sua conta',
    hello: (name: string) => `Olá, ${name}.`,
    verifyIntro: 'Recebemos um pedido para criar uma conta no Atende com este e-mail. Para confirmar, abra o link e crie sua senha:',
    verifyValid: (hours: number) => `O link vale por ${hours} horas e uma única vez.`,
    existsSubject: 'Atende: você já tem uma conta',
    existsIntro: 'Alguém pediu para criar uma conta no Atende com este e-mail, mas ele já tem uma conta.',
    existsAction: 'Para entrar, use sua senha. Se não se lembra dela, use “Esqueci minha senha”:',
    ignore: 'Se você não pediu isto, ignore este e-mail.',
  },
  en: {
    verifySubject: 'Atende: confirm your e-mail to create your account',
    hello: (name: string) => `Hello, ${name}.`,
    verifyIntro: 'We received a request to create an Atende account with this e-mail. To confirm, open the link and choose your password:',
    verifyValid: (hours: number) => `The link is valid for ${hours} hours and works once.`,
    existsSubject: 'Atende: you already have an account',
    existsIntro: 'Someone asked to create an Atende account with this e-mail, but it already has one.',
    existsAction: 'Sign in with your password. If you do not remember it, use “Forgot my password”:',
    ignore: 'If you did not ask for this, ignore this e-mail.',
  },
} as const;

interface MailDeps {
  db: Database;
  now: () => number;
  messageDomain: string;
}

async function enqueue(deps: MailDeps, kind: string, to: string, subject: string, lines: string[], url: string) {
  const textBody = lines.join('\n\n').replace('{url}', url);
  const htmlBody = lines.map((line) => `<p>${line === '{url}' ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(line)}</p>`).join('');
  await enqueueMail(
    deps.db,
    // Every sign-up is its own message: a second request must not be swallowed as a duplicate.
    { dedupeKey: `${kind}:${randomUUID()}`, ticketId: null, kind, toAddress: to, replyTo: null, subject, textBody, htmlBody, messageDomain: deps.messageDomain },
    deps.now(),
  );
}

export async function mailRegistrationLink(deps: MailDeps, to: { email: string; name: string; language: Language }, url: string, validHours: number): Promise<void> {
  const t = TEXT[to.language];
  await enqueue(deps, 'account_registration', to.email, t.verifySubject, [t.hello(to.name), t.verifyIntro, '{url}', t.verifyValid(validHours), t.ignore], url);
}

export async function mailAccountAlreadyExists(deps: MailDeps, to: { email: string; name: string; language: Language }, forgotPasswordUrl: string): Promise<void> {
  const t = TEXT[to.language];
  await enqueue(deps, 'account_registration_exists', to.email, t.existsSubject, [t.hello(to.name), t.existsIntro, t.existsAction, '{url}', t.ignore], forgotPasswordUrl);
}
