import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, daysFromToday, signIn } from '../support/accounts.js';

async function openTodaysWork(page: Page) {
  await page.getByRole('link', { name: 'Chamados' }).first().click();
  await page.getByRole('tab', { name: /^Trabalho de hoje/ }).click();
  await expect(page.getByRole('tab', { name: /^Trabalho de hoje/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.queue-list')).toHaveAttribute('aria-busy', 'false');
}

async function openTicket(page: Page, subject: string) {
  await page.getByRole('tabpanel').getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
}

test('an agent works Trabalho de hoje until it is empty; the customer sees only the public parts', async ({ browser, page }) => {
  await signIn(page, ACCOUNTS.agent);
  await openTodaysWork(page);
  const queue = page.getByRole('tabpanel');
  // The demo data puts three tickets here; other journeys may add more (pending before opening time is due today).
  for (const subject of ['Troca de titularidade', 'Agendar instalação na filial', 'Fatura com valor errado']) {
    await expect(queue.getByRole('link', { name: subject })).toBeVisible();
  }
  // The overdue ticket is marked in the list.
  await expect(queue.locator('tr', { hasText: 'Troca de titularidade' })).toContainText('Vencido');

  // 1. Overdue, the customer has not answered yet: extend the due date with a note (seed 001 §3).
  await openTicket(page, 'Troca de titularidade');
  await expect(page.locator('.ticket-header')).toContainText('Vencido');
  await expect(page.getByRole('link', { name: 'Conversar no WhatsApp' })).toHaveAttribute('href', 'https://wa.me/5551988884321');
  await page.getByLabel('Nova data de resolução devida').fill(daysFromToday(2));
  await page.getByLabel('Anotação').fill('Liguei para o cliente: envia os documentos até quarta.');
  await page.getByRole('button', { name: 'Estender data' }).click();
  await expect(page.getByRole('status')).toHaveText('Data de resolução devida estendida.');
  await expect(page.locator('.ticket-header')).not.toContainText('Vencido');
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Liguei para o cliente');
  await expect(page.getByRole('list').filter({ hasText: 'Resolução devida:' })).toBeVisible();

  // 2. The visit was postponed: a public reply keeps it a visit, on the new visit date.
  await openTodaysWork(page);
  await openTicket(page, 'Agendar instalação na filial');
  await page.getByLabel('Resposta pública').check();
  await page.getByLabel('Mensagem', { exact: true }).fill('Remarcamos a visita para a próxima semana.');
  await page.getByLabel('Situação após responder').selectOption('onsite_visit');
  await page.getByLabel('Data de resolução devida após responder').fill(daysFromToday(7));
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('status')).toHaveText('Mensagem registrada.');

  // 3. Solved on the phone: resolved.
  await openTodaysWork(page);
  await openTicket(page, 'Fatura com valor errado');
  await page.getByLabel('Prioridade', { exact: true }).selectOption('alta');
  await expect(page.getByText('Alta: parte da operação do cliente está parada.')).toBeVisible();
  await page.getByRole('button', { name: 'Salvar propriedades' }).click();
  await expect(page.getByRole('list').filter({ hasText: 'Prioridade: Média → Alta' })).toBeVisible();
  await page.getByLabel('Situação', { exact: true }).selectOption('resolved');
  await page.getByRole('button', { name: 'Alterar situação' }).click();
  await expect(page.locator('.ticket-header').getByText('Resolvido')).toBeVisible();

  // Whatever else is due today is solved too, until the queue is empty (seed 001 §3: empty by the end of the day).
  // The list and its count come in one answer: once the tickets just handled are gone from the list, the
  // count shown is the fresh one, not the cached answer the queue shows while it asks again.
  let handled = ['Troca de titularidade', 'Agendar instalação na filial', 'Fatura com valor errado'].map((subject) => queue.getByRole('link', { name: subject }));
  for (let left = 30; left > 0; left--) {
    await openTodaysWork(page);
    for (const link of handled) await expect(link).toHaveCount(0);
    const next = queue.locator('tbody tr a').first();
    if ((await page.getByRole('tab', { name: /^Trabalho de hoje/ }).locator('.count').textContent()) === '0') break;
    handled = [queue.locator(`a[href="${await next.getAttribute('href')}"]`)];
    await next.click();
    await page.getByLabel('Situação', { exact: true }).selectOption('resolved');
    await page.getByRole('button', { name: 'Alterar situação' }).click();
    await expect(page.locator('.ticket-header').getByText('Resolvido')).toBeVisible();
  }
  await expect(page.getByRole('tab', { name: /^Trabalho de hoje/ }).locator('.count')).toHaveText('0');
  await expect(queue).toContainText('Nenhum chamado nesta fila.');

  // The customer sees the public reply, never the note about the extension.
  const customer = await browser.newPage();
  await signIn(customer, ACCOUNTS.otherContact);
  await customer.getByRole('tab', { name: /^Todos os chamados/ }).click();
  await customer.getByRole('tabpanel').getByRole('link', { name: 'Troca de titularidade' }).click();
  await expect(customer.getByRole('list', { name: 'Conversa' })).toBeVisible();
  await expect(customer.getByRole('list', { name: 'Conversa' })).not.toContainText('Liguei para o cliente');
  await customer.goBack();
  await customer.getByRole('tab', { name: /^Todos os chamados/ }).click();
  await customer.getByRole('tabpanel').getByRole('link', { name: 'Agendar instalação na filial' }).click();
  await expect(customer.getByRole('list', { name: 'Conversa' })).toContainText('Remarcamos a visita para a próxima semana.');
  await expect(customer.getByText(/Nota interna/)).toHaveCount(0);
  await customer.close();
});
