import { DEMO_ACCOUNTS } from '@atende/db';
import { listOutbox } from '@atende/db/store';
import { describe, expect, it } from 'vitest';
import { settled } from '../http/after-response.js';
import { createEngineTestApp } from '../testing/engine-test-app.js';
import { ACCOUNT_MAIL_WORDS, renderAccountLinkMail } from './account-mail-templates.js';
import { ACCOUNT_LINK_PATHS } from './account-links.js';

const PURPOSES = Object.keys(ACCOUNT_LINK_PATHS) as (keyof typeof ACCOUNT_LINK_PATHS)[];
const LANGUAGES = Object.keys(ACCOUNT_MAIL_WORDS) as (keyof typeof ACCOUNT_MAIL_WORDS)[];

describe('account e-mails exist in pt-BR and English (issue 15)', () => {
  it('both languages name the same purposes, and every purpose of a link has its words in each', () => {
    expect(LANGUAGES.sort()).toEqual(['en', 'pt-BR']);
    for (const language of LANGUAGES) {
      const words = ACCOUNT_MAIL_WORDS[language];
      for (const table of [words.subject, words.intro, words.action]) {
        expect(Object.keys(table).sort(), language).toEqual([...PURPOSES].sort());
        for (const text of Object.values(table)) expect(text.trim(), language).not.toBe('');
      }
    }
  });

  for (const purpose of PURPOSES) {
    it(`${purpose}: English differs from pt-BR, and each carries the link and escapes the name`, () => {
      const link = { to: 'carla@example.com', name: 'Carla <b>', purpose, url: `http://localhost:3000${ACCOUNT_LINK_PATHS[purpose]}/abc`, expiresAt: 15 * 60_000 };
      const pt = renderAccountLinkMail(link, 0);
      const en = renderAccountLinkMail({ ...link, language: 'en' }, 0);
      for (const mail of [pt, en]) {
        expect(mail.text).toContain(link.url);
        expect(mail.html).toContain(`href="${link.url}"`);
        expect(mail.html).toContain('Carla &lt;b&gt;');
      }
      expect(pt.text).toContain('Olá, Carla <b>.');
      expect(pt.text).toContain('15 minutos');
      expect(en.subject).not.toBe(pt.subject);
      expect(en.text).toContain('Hello, Carla <b>.');
      expect(en.text).toContain('15 minutes');
      expect(en.text.replace(link.url, '')).not.toMatch(/Olá|minutos|senha/);
      expect(en.html).toContain('<html lang="en">');
    });
  }
});

describe('account e-mails go out in the account language', () => {
  it("an English contact's reset and invitation e-mails are in English; a pt-BR contact's stay in pt-BR", async () => {
    const t = await createEngineTestApp({ accountLinksToOutbox: true });
    try {
      const carla = await t.signIn(DEMO_ACCOUNTS.contact);
      const saved = await t.request('PUT', '/api/customer/preferences', { cookie: carla, body: { language: 'en', notifyUpdates: true, notifyReminders: true, notifyRatingRequests: true } });
      expect(saved.status).toBe(200);
      for (const email of [DEMO_ACCOUNTS.contact, DEMO_ACCOUNTS.otherContact]) await t.request('POST', '/api/account/password-reset', { body: { email } });
      await t.request('POST', '/api/auth/email-link', { body: { email: DEMO_ACCOUNTS.contact } });
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      expect((await t.request('POST', '/api/account/invitations', { cookie: admin, body: { email: DEMO_ACCOUNTS.contact } })).status).toBe(202);
      await settled();

      const mails = await listOutbox(t.store, { beforeId: null, limit: 20 });
      const to = (address: string, kind: string) => mails.find((m) => m.toAddress === address && m.kind === kind)!;
      const reset = to(DEMO_ACCOUNTS.contact, 'account_password_reset');
      expect(reset.subject).toBe('Atende: create a new password');
      expect(reset.textBody).toMatch(/^Hello, /);
      expect(reset.textBody).toContain('within 60 minutes');
      expect(reset.textBody).not.toContain('Olá');
      expect(to(DEMO_ACCOUNTS.contact, 'account_invitation').subject).toBe('Atende: you are invited');
      expect(to(DEMO_ACCOUNTS.contact, 'account_sign_in_link').subject).toBe('Atende: your sign-in link');
      expect(to(DEMO_ACCOUNTS.otherContact, 'account_password_reset').subject).toBe('Atende: crie uma nova senha');
    } finally {
      await t.dispose();
    }
  });
});
