import { describe, expect, it } from 'vitest';
import { renderMail, type MailKind } from './templates.js';

/** The XSS corpus of the browser test (e2e/tests/untrusted-text.spec.ts), now through every e-mail. */
const PAYLOADS = [
  `<img src=x onerror="alert('img')">`,
  `<script>alert('script')</script>`,
  `<svg onload="alert('svg')"></svg>`,
  `"><iframe src="javascript:alert('iframe')"></iframe>`,
  `<a href="javascript:alert('link')">clique aqui</a>`,
  `' onmouseover='alert(1)`,
  `texto\u202eodireve`,
];
const KINDS: MailKind[] = ['ticket_received', 'agent_update', 'reminder', 'resolved', 'closed', 'auto_closed', 'reopened', 'reply_refused'];
const OWN_TAGS = new Set(['!doctype', 'html', 'body', 'p', 'blockquote', 'br', 'a']);

describe('e-mail HTML with untrusted text (ASVS 1.2)', () => {
  for (const kind of KINDS) {
    it(`${kind}: message, subject and name never become markup`, () => {
      for (const payload of PAYLOADS) {
        const { html } = renderMail(kind, {
          ticketId: 7,
          ticketSubject: payload,
          ticketUrl: 'http://localhost:3000/painel/chamados/7',
          recipientName: payload,
          body: payload,
          daysLeft: 3,
          starLinks: [1, 2, 3, 4, 5].map((n) => `http://localhost:3000/avaliar/tok?nota=${n}`),
        });
        const tags = [...html.matchAll(/<\s*([a-z!][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase());
        expect(tags.filter((tag) => !OWN_TAGS.has(tag)), payload).toEqual([]);
        // Inside the tags we wrote, only our own attributes; every link goes to the portal.
        for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag, payload).not.toMatch(/\son\w+\s*=|javascript:/i);
        for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^http:\/\/localhost:3000\//);
      }
    });
  }
});

describe('every e-mail exists in pt-BR and English (issue 15)', () => {
  for (const kind of KINDS) {
    it(`${kind}: both languages have a subject, text and link, and they differ`, () => {
      const data = { ticketId: 7, ticketSubject: 'Roteador', ticketUrl: 'http://localhost:3000/painel/chamados/7', recipientName: 'Carla', body: 'Oi', daysLeft: 3, starLinks: ['http://localhost:3000/avaliar/t?nota=1'] };
      const pt = renderMail(kind, data);
      const en = renderMail(kind, { ...data, language: 'en' });
      for (const mail of [pt, en]) {
        expect(mail.subject).toContain('#7');
        expect(mail.text).toContain('http://localhost:3000/');
      }
      expect(en.subject).not.toBe(pt.subject);
      expect(en.text).not.toContain('Olá');
      expect(en.html).toContain('<html lang="en">');
    });
  }
});
