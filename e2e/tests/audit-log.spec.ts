import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

test('an admin reads the audit log: a refused sign-in and the sign-ins show, newest first', async ({ page }) => {
  await page.goto('/entrar');
  await page.getByLabel('E-mail').fill(ACCOUNTS.otherAgent);
  await page.getByLabel('Senha').fill('senha-errada');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('alert')).toHaveText('E-mail ou senha incorretos.');

  await signIn(page, ACCOUNTS.admin);
  await page.getByRole('link', { name: 'Auditoria' }).click();
  const table = page.getByRole('table', { name: 'Registro de auditoria' });
  await expect(table.locator('tbody tr').first()).toContainText('Entrada');
  await expect(table.locator('tbody tr').first()).toContainText(ACCOUNTS.admin);
  await expect(table.locator('tbody tr', { hasText: ACCOUNTS.otherAgent }).filter({ hasText: 'Entrada recusada' }).first()).toBeVisible();
});

test('an agent has no audit link and the page refuses them', async ({ page }) => {
  await signIn(page, ACCOUNTS.agent);
  await expect(page.getByRole('link', { name: 'Auditoria' })).toHaveCount(0);
  await page.goto('/console/auditoria');
  await expect(page.getByRole('alert')).toHaveText('Você não tem permissão para esta ação.');
});
