import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

/** Issue 5: agents filter the queue by company, reached from the company's page in Clientes. */
test('an agent sees one company’s tickets in the queue and clears the filter', async ({ page }) => {
  await signIn(page, ACCOUNTS.agent);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByLabel('Buscar empresa ou contato (nome ou e-mail)').fill('NetSul');
  await page.getByRole('list', { name: 'Empresas' }).getByRole('link', { name: 'Mercado NetSul' }).click();
  await page.getByRole('link', { name: 'Ver chamados na fila' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Chamados da empresa Mercado NetSul.' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.queue-list')).toHaveAttribute('aria-busy', 'false');
  for (const row of await rows.all()) await expect(row).toContainText('Otávio Lima');
  await expect(page.locator('tbody')).not.toContainText('Carla Souza');

  await page.getByRole('button', { name: 'Ver todas as empresas' }).click();
  await expect(page.locator('tbody')).toContainText('Carla Souza');
});
