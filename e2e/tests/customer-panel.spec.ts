import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, TAB_LABELS, allRows, signIn, tabCount } from '../support/accounts.js';

test('each tab’s count matches the tickets it lists', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  for (const label of TAB_LABELS) {
    await page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
    await expect(page.getByRole('tab', { name: new RegExp(`^${label}`) })).toHaveAttribute('aria-selected', 'true');
    const rows = await allRows(page);
    expect(await rows.count(), label).toBe(await tabCount(page, label));
    expect(await rows.count(), label).toBeGreaterThan(0);
  }
});

test('tabs are a keyboard-operable tablist', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  const first = page.getByRole('tab', { name: /^Aguardando minha resposta/ });
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^Aguardando retorno/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /^Aguardando retorno/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /^Todos os chamados/ })).toHaveAttribute('aria-selected', 'true');
});

test('replying to a ticket awaiting my reply moves it to "Aguardando retorno"', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  const waitingBefore = await tabCount(page, 'Aguardando minha resposta');
  const returnBefore = await tabCount(page, 'Aguardando retorno');
  const link = page.getByRole('tabpanel').getByRole('link').first();
  const subject = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
  await expect(page.getByText('Aguardando cliente')).toBeVisible();
  await page.getByLabel('Sua mensagem').fill('Reiniciei o roteador e o problema continua.');
  await page.getByRole('button', { name: 'Responder' }).click();
  await expect(page.getByRole('status')).toHaveText('Resposta enviada.');
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Reiniciei o roteador e o problema continua.');
  await expect(page.locator('.ticket-header').getByText('Aberto')).toBeVisible();

  await page.getByRole('link', { name: 'Voltar ao painel' }).click();
  await expect.poll(() => tabCount(page, 'Aguardando minha resposta')).toBe(waitingBefore - 1);
  expect(await tabCount(page, 'Aguardando retorno')).toBe(returnBefore + 1);
  await page.getByRole('tab', { name: /^Aguardando retorno/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('link').first()).toHaveText(subject);
});

test('an empty reply gets a clear message and is not sent', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  await page.getByRole('tab', { name: /^Aguardando retorno/ }).click();
  await page.getByRole('tabpanel').getByRole('link').first().click();
  const messages = page.getByRole('list', { name: 'Conversa' }).getByRole('listitem');
  await expect(messages.first()).toBeVisible();
  const before = await messages.count();
  await page.getByRole('button', { name: 'Responder' }).click();
  await expect(page.getByText('Escreva sua mensagem.')).toBeVisible();
  await expect(page.getByLabel('Sua mensagem')).toHaveAttribute('aria-invalid', 'true');
  expect(await messages.count()).toBe(before);
});

test('the thread never shows internal notes to the customer', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  await page.getByRole('tab', { name: /^Todos os chamados/ }).click();
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await expect(page.getByRole('list', { name: 'Conversa' })).toBeVisible();
  await expect(page.getByText(/Nota interna/)).toHaveCount(0);
});

test('a contact cannot open another contact’s ticket', async ({ browser, page }) => {
  const other = await browser.newPage();
  await signIn(other, ACCOUNTS.otherContact);
  await other.getByRole('tab', { name: /^Todos os chamados/ }).click();
  const href = await other.getByRole('tabpanel').getByRole('link').first().getAttribute('href');
  await other.close();

  await signIn(page, ACCOUNTS.contact);
  await page.goto(href!);
  await expect(page.getByRole('heading', { name: 'Chamado não encontrado.' })).toBeVisible();
  await expect(page.getByLabel('Sua mensagem')).toHaveCount(0);
});

test('the panel has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  await expect(page.getByRole('tabpanel').locator('tbody tr').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
