import { randomUUID } from 'node:crypto';
import { listOutbox, type Db } from '@atende/db';
import { makeAgent } from '@atende/db/factories';
import { expect, test } from '../support/fixtures.js';
import { signIn } from '../support/accounts.js';

/** An agent of the test's own: choosing a language changes nobody else's console. */
function ownAgent(db: Db) {
  const tag = randomUUID().slice(0, 8);
  return makeAgent(db, { name: `Agente ${tag}`, email: `agente-${tag}@example.test`, createdAt: Date.now() });
}

test('an agent picks English in the console; another browser signs in to an English console, and their e-mails are in English', async ({ browser, db }) => {
  const agent = ownAgent(db);
  const first = await browser.newPage();
  await signIn(first, agent.email);
  await expect(first.getByRole('heading', { level: 1, name: 'Chamados' })).toBeVisible();
  const saved = first.waitForResponse((r) => r.url().endsWith('/api/agent/preferences') && r.request().method() === 'PUT');
  await first.getByLabel('Idioma').selectOption('en');
  expect((await saved).status()).toBe(200);
  await expect(first.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await first.close();

  // A fresh browser (nothing remembered on the device): the account's language comes with signing in.
  const context = await browser.newContext();
  const second = await context.newPage();
  await signIn(second, agent.email);
  await expect(second.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await expect(second.getByLabel('Language')).toHaveValue('en');
  await second.reload();
  await expect(second.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();

  // An e-mail to the agent (here a password reset they ask for) is written in English.
  await second.getByRole('button', { name: 'Sign out' }).click();
  await second.goto('/esqueci-senha');
  await second.getByLabel('E-mail').fill(agent.email);
  await second.getByRole('button', { name: /Send link|Enviar link/ }).click();
  await expect.poll(() => listOutbox(db, { beforeId: null, limit: 200 }).find((m) => m.toAddress === agent.email && m.kind === 'account_password_reset')?.subject).toBe('Atende: create a new password');
  await context.close();
});
