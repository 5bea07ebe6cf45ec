import { findAccountByEmail, saveAgentLanguage } from '@atende/db';
import { ACCOUNTS, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

test('presence: Ana sees Bruno viewing her ticket, then replying; when he leaves it is gone; the customer never sees it', async ({ browser, contact, makeTicket, db }) => {
  const ticket = makeTicket({ status: 'open' });
  // Two agents in their own browser contexts, as on two computers.
  const anaContext = await browser.newContext();
  const brunoContext = await browser.newContext();
  const ana = await anaContext.newPage();
  const bruno = await brunoContext.newPage();
  await signIn(ana, ACCOUNTS.agent);
  await signIn(bruno, ACCOUNTS.otherAgent);

  await ana.goto(`/console/chamados/${ticket.id}`);
  await expect(ana.getByRole('heading', { level: 1 })).toContainText(ticket.subject);
  const presence = ana.locator('.ticket-header .presence');
  await expect(presence).toBeEmpty();

  await bruno.goto(`/console/chamados/${ticket.id}`);
  await expect(bruno.getByRole('heading', { level: 1 })).toContainText(ticket.subject);
  await expect(presence).toHaveText('Bruno Técnico está vendo');
  // Bruno sees Ana too, never himself.
  await expect(bruno.locator('.ticket-header .presence')).toHaveText('Ana Atendente está vendo');

  await bruno.getByLabel('Mensagem', { exact: true }).fill('Olá! Estou verificando o seu caso.');
  await expect(presence).toHaveText('Bruno Técnico está respondendo');
  // Emptying the composer is no longer replying.
  await bruno.getByLabel('Mensagem', { exact: true }).fill('');
  await expect(presence).toHaveText('Bruno Técnico está vendo');

  // Bruno goes back to the queue: he is no longer on the ticket.
  await bruno.getByRole('link', { name: 'Voltar aos chamados' }).click();
  await expect(presence).toBeEmpty();

  // The customer's page of the same ticket has no trace of it.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, contact.email);
  await bruno.goto(`/console/chamados/${ticket.id}`);
  await expect(presence).toHaveText('Bruno Técnico está vendo');
  await customer.goto(`/painel/chamados/${ticket.id}`);
  await expect(customer.getByRole('heading', { level: 1 })).toContainText(ticket.subject);
  await expect(customer.getByText('está vendo')).toHaveCount(0);

  // In English too. The language is kept on Ana's account: it is put back for the journeys that follow.
  const anaAccount = findAccountByEmail(db, ACCOUNTS.agent)!;
  try {
    const saved = ana.waitForResponse((r) => r.url().endsWith('/api/agent/preferences') && r.request().method() === 'PUT');
    await ana.getByLabel('Idioma').selectOption('en');
    await saved; // before the language is put back below, never after
    await expect(ana.locator('.ticket-header .presence')).toHaveText('Bruno Técnico is viewing');
    await bruno.getByLabel('Mensagem', { exact: true }).fill('Quase pronto.');
    await expect(ana.locator('.ticket-header .presence')).toHaveText('Bruno Técnico is replying');
  } finally {
    saveAgentLanguage(db, anaAccount.id, 'pt-BR');
  }

  await Promise.all([anaContext.close(), brunoContext.close(), customerContext.close()]);
});
