import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

test('a contact signs in and lands on the Painel do Cliente', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  await expect(page).toHaveURL(/\/painel/);
  await expect(page.getByRole('heading', { name: 'Painel do Cliente' })).toBeVisible();
  await expect(page.getByRole('tablist')).toBeVisible();
});

for (const email of [ACCOUNTS.agent, ACCOUNTS.admin]) {
  test(`${email} signs in at the same page and sees the agent home`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/console/);
    await expect(page.getByRole('heading', { name: 'Chamados' })).toBeVisible();
    await expect(page.locator('tbody tr')).toHaveCount(25);
  });
}

test('a wrong password gets a clear pt-BR message and no session', async ({ page }) => {
  await page.goto('/entrar');
  await page.getByLabel('E-mail').fill(ACCOUNTS.contact);
  await page.getByLabel('Senha').fill('senha-errada');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('alert')).toHaveText('E-mail ou senha incorretos.');
  await page.goto('/painel');
  await expect(page).toHaveURL(/\/entrar/);
});

test('signing out ends the session: the panel asks to sign in again', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  const cookiesBefore = await page.context().cookies();
  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page).toHaveURL(/\/entrar/);
  // Even the old cookie, replayed, no longer opens the panel: the server deleted the session.
  await page.context().addCookies(cookiesBefore);
  const response = await page.request.get('/api/customer/tickets/counts');
  expect(response.status()).toBe(401);
  await page.goto('/painel');
  await expect(page).toHaveURL(/\/entrar/);
});

test('the portal speaks English when chosen', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('tab', { name: /^Awaiting my reply/ })).toBeVisible();
  await page.getByLabel('Language').selectOption('pt-BR');
  await expect(page.getByRole('tab', { name: /^Aguardando minha resposta/ })).toBeVisible();
});
