import { DEMO_ACCOUNTS } from '@atende/db';
import { listOutbox } from '@atende/db/store';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '../testing/test-app.js';
import { createEngineTestApp } from '../testing/engine-test-app.js';
import { createOutboxAccountMailer } from './outbox-account-mailer.js';

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

describe('account links through the outbox', () => {
  it('records one e-mail per link, with the link in the text and escaped HTML', async () => {
    const t = await createEngineTestApp({ content: 'empty' });
    dispose = t.dispose;
    const store = t.store;
    const now = 1_000_000;
    const mailer = createOutboxAccountMailer({ db: store, now: () => now, messageDomain: 'atende.local' });
    const link = { to: 'carla@example.com', name: 'Carla <b>', purpose: 'password_reset' as const, url: 'http://localhost:3000/redefinir-senha/abc', expiresAt: now + 3_600_000 };
    await mailer.sendAccountLink(link);
    await mailer.sendAccountLink(link); // a second request is a second e-mail, not a swallowed duplicate
    const rows = await listOutbox(store, { beforeId: null, limit: 10 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: 'account_password_reset', toAddress: 'carla@example.com', status: 'pending', ticketId: null });
    expect(rows[0]!.textBody).toContain(link.url);
    expect(rows[0]!.textBody).toContain('60 minutos');
    expect(rows[0]!.htmlBody).toContain('Carla &lt;b&gt;');
  });
});

describe('the admin mailbox', () => {
  it('hides account links once real delivery is configured (they are credentials of their owner)', async () => {
    const t = await createEngineTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
    try {
      await createOutboxAccountMailer({ db: t.store, now: () => t.clock.now, messageDomain: 'atende.local' }).sendAccountLink({
        to: DEMO_ACCOUNTS.contact,
        name: 'Carla',
        purpose: 'password_reset',
        url: 'http://localhost:3000/redefinir-senha/segredo',
        expiresAt: t.clock.now + 3_600_000,
      });
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      const mailbox = await t.request('GET', '/api/admin/mailbox', { cookie: admin });
      expect(mailbox.status).toBe(200);
      expect(mailbox.text).not.toContain('segredo');
    } finally {
      await t.dispose();
    }
  });

  it('hides account links in production even with MAIL_MODE=mailbox (nobody but the owner may follow them)', async () => {
    const t = await createEngineTestApp({ env: { NODE_ENV: 'production', PUBLIC_ORIGIN: TEST_ORIGIN, MAIL_MODE: 'mailbox' } });
    try {
      await createOutboxAccountMailer({ db: t.store, now: () => t.clock.now, messageDomain: 'atende.local' }).sendAccountLink({
        to: DEMO_ACCOUNTS.contact,
        name: 'Carla',
        purpose: 'invitation',
        url: 'http://localhost:3000/convite/segredo',
        expiresAt: t.clock.now + 3_600_000,
      });
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      const mailbox = await t.request('GET', '/api/admin/mailbox', { cookie: admin });
      expect(mailbox.status).toBe(200);
      expect(mailbox.json.items[0].kind).toBe('account_invitation');
      expect(mailbox.text).not.toContain('segredo');
    } finally {
      await t.dispose();
    }
  });
});
