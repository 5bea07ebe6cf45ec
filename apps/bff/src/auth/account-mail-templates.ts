import { escapeHtml, type MailContent } from '../mail/templates.js';
import type { AccountLink } from './account-mailer.js';

/**
 * The account e-mails (password reset, invitation, passwordless sign-in link) in the account's language
 * (issue 15), like the ticket e-mails. Each language is a full table typed by purpose: a purpose without
 * its words in either language fails the typecheck, and account-mail-templates.test.ts renders every one.
 */
export type AccountMailLanguage = 'pt-BR' | 'en';
type Purpose = AccountLink['purpose'];

interface Words {
  subject: Record<Purpose, string>;
  intro: Record<Purpose, string>;
  /** An agent's invitation: to work tickets, not to follow their own. */
  agentInvitationIntro: string;
  /** The link's label in the HTML part. */
  action: Record<Purpose, string>;
  hello: (name: string) => string;
  useWithin: (minutes: number) => string;
  validFor: (minutes: number) => string;
  notYou: string;
}

export const ACCOUNT_MAIL_WORDS: Record<AccountMailLanguage, Words> = {
  'pt-BR': {
    subject: {
      password_reset: 'Atende: crie uma nova senha',
      invitation: 'Atende: você foi convidado',
      sign_in_link: 'Atende: seu link de acesso',
    },
    intro: {
      password_reset: 'Recebemos um pedido para criar uma nova senha para sua conta.',
      invitation: 'Você foi convidado para acompanhar seus atendimentos no Atende.',
      sign_in_link: 'Recebemos um pedido para entrar na sua conta sem senha. Abra o link e toque em Entrar.',
    },
    agentInvitationIntro: 'Você foi convidado para atender chamados no console do Atende.',
    action: { password_reset: 'Criar nova senha', invitation: 'Criar sua senha', sign_in_link: 'Entrar no Atende' },
    hello: (name) => `Olá, ${name}.`,
    useWithin: (minutes) => `Use este link em até ${minutes} minutos (ele vale uma única vez):`,
    validFor: (minutes) => `O link vale por ${minutes} minutos e uma única vez.`,
    notYou: 'Se você não pediu isto, ignore este e-mail.',
  },
  en: {
    subject: {
      password_reset: 'Atende: create a new password',
      invitation: 'Atende: you are invited',
      sign_in_link: 'Atende: your sign-in link',
    },
    intro: {
      password_reset: 'We received a request to create a new password for your account.',
      invitation: 'You are invited to follow your tickets on Atende.',
      sign_in_link: 'We received a request to sign in to your account without a password. Open the link and press Sign in.',
    },
    agentInvitationIntro: 'You are invited to work tickets in the Atende console.',
    action: { password_reset: 'Create a new password', invitation: 'Create your password', sign_in_link: 'Sign in to Atende' },
    hello: (name) => `Hello, ${name}.`,
    useWithin: (minutes) => `Use this link within ${minutes} minutes (it works only once):`,
    validFor: (minutes) => `The link works for ${minutes} minutes and only once.`,
    notYou: 'If you did not ask for this, ignore this e-mail.',
  },
};

/** The e-mail that carries an account link; `now` gives the minutes left. Names are escaped in HTML. */
export function renderAccountLinkMail(link: AccountLink, now: number): MailContent {
  const language = link.language ?? 'pt-BR';
  const w = ACCOUNT_MAIL_WORDS[language];
  const minutes = Math.max(1, Math.round((link.expiresAt - now) / 60_000));
  const intro = link.purpose === 'invitation' && link.accountKind === 'agent' ? w.agentInvitationIntro : w.intro[link.purpose];
  const text = `${w.hello(link.name)}\n\n${intro}\n${w.useWithin(minutes)}\n${link.url}\n\n${w.notYou}`;
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(w.hello(link.name))}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(w.action[link.purpose])}</a></p>`,
    `<p>${escapeHtml(link.url)}</p>`,
    `<p>${escapeHtml(w.validFor(minutes))} ${escapeHtml(w.notYou)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: w.subject[link.purpose], text, html };
}
