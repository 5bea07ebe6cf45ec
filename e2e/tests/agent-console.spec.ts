import { ACCOUNTS, daysFromToday, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

test('an agent opens a ticket, writes an internal note and a public reply, and sets its status', async ({ browser, page, contact, makeTicket }) => {
  const { subject } = makeTicket({ status: 'open' });
  await signIn(page, ACCOUNTS.agent);
  const row = page.locator('tbody tr', { hasText: subject });
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
  const ticketUrl = page.url();

  await page.getByLabel('Nota interna').check();
  await page.getByLabel('Mensagem', { exact: true }).fill('Checar a potência do sinal na OLT.');
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('status')).toHaveText('Mensagem registrada.');
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Checar a potência do sinal na OLT.');
  await expect(page.locator('.ticket-header').getByText('Aberto')).toBeVisible();

  await page.getByLabel('Resposta pública').check();
  await page.getByLabel('Mensagem', { exact: true }).fill('Pode medir a velocidade no andar de cima e nos enviar?');
  // Waiting on the customer needs the date agreed with them (seed 001 §2.1).
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('alert')).toContainText('Informe a data de resolução devida');
  await page.getByLabel('Data de resolução devida após responder').fill(daysFromToday(3));
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.locator('.ticket-header').getByText('Aguardando cliente')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Situação: Aberto → Aguardando cliente' })).toBeVisible();

  await page.getByLabel('Situação', { exact: true }).selectOption('pending');
  await page.getByRole('button', { name: 'Alterar situação' }).click();
  await expect(page.locator('.ticket-header').getByText('Pendente')).toBeVisible();

  // The customer sees the public reply, never the internal note.
  const customer = await browser.newPage();
  await signIn(customer, contact.email);
  await customer.goto(ticketUrl.replace('/console/chamados/', '/painel/chamados/'));
  const thread = customer.getByRole('list', { name: 'Conversa' });
  await expect(thread).toContainText('Pode medir a velocidade no andar de cima e nos enviar?');
  await expect(thread).not.toContainText('Checar a potência do sinal na OLT.');
  await customer.close();
});

test('a contact is sent to their panel when opening the agent console', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  await page.goto('/console');
  await expect(page).toHaveURL(/\/painel/);
});
