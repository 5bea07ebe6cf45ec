import { expect, test } from '@playwright/test';
import { ACCOUNTS } from '../support/accounts.js';

test('"Esqueci minha senha" gives the same answer for a known and an unknown e-mail', async ({ page }) => {
  for (const email of [ACCOUNTS.otherAgent, 'ninguem@example.com']) {
    await page.goto('/entrar');
    await page.getByRole('link', { name: 'Esqueci minha senha' }).click();
    await expect(page.getByRole('heading', { name: 'Redefinir senha' })).toBeVisible();
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Se houver uma conta com este e-mail, enviamos um link para criar uma nova senha. Ele vale por 1 hora.',
    );
  }
});

test('a used, expired or made-up link says so in pt-BR and offers no form', async ({ page }) => {
  await page.goto(`/redefinir-senha/${'A'.repeat(43)}`);
  await expect(page.getByRole('alert')).toHaveText('Este link não vale mais: ele já foi usado ou expirou. Peça um novo.');
  await expect(page.getByLabel('Nova senha', { exact: true })).toHaveCount(0);
});
