import { NOTIFICATION_KINDS } from '@atende/db';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_MAIL_WORDS, notificationMail } from './notification-mail.js';

const LANGUAGES = Object.keys(NOTIFICATION_MAIL_WORDS) as (keyof typeof NOTIFICATION_MAIL_WORDS)[];

describe("agents' notification e-mails exist in pt-BR and English (issue 15)", () => {
  it('both languages name every notification kind, none left empty', () => {
    expect([...LANGUAGES].sort()).toEqual(['en', 'pt-BR']);
    for (const language of LANGUAGES) {
      expect(Object.keys(NOTIFICATION_MAIL_WORDS[language].what).sort(), language).toEqual([...NOTIFICATION_KINDS].sort());
      for (const text of Object.values(NOTIFICATION_MAIL_WORDS[language].what)) expect(text.trim(), language).not.toBe('');
    }
  });

  for (const kind of NOTIFICATION_KINDS) {
    it(`${kind}: English differs from pt-BR, and each carries the link and escapes the subject`, () => {
      const params = { kind, ticketId: 7, ticketSubject: 'Tela <azul>', agentName: 'Ana', url: 'http://localhost:3000/console/chamados/7' };
      const pt = notificationMail({ ...params, language: 'pt-BR' });
      const en = notificationMail({ ...params, language: 'en' });
      for (const mail of [pt, en]) {
        expect(mail.text).toContain(params.url);
        expect(mail.html).toContain(`href="${params.url}"`);
        expect(mail.html).toContain('Tela &lt;azul&gt;');
        expect(mail.subject).toContain('#7 – Tela <azul>');
      }
      expect(en.subject).not.toBe(pt.subject);
      expect(pt.text).toMatch(/^Olá, Ana\./);
      expect(en.text).toMatch(/^Hello, Ana\./);
      expect(en.text).not.toMatch(/Olá|Abrir|Você/);
      expect(en.html).toContain('<html lang="en">');
    });
  }
});
