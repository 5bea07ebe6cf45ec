import { PASSWORD, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

// The test's own contact: a demo account whose password changed would fail every later journey that signs it in.
test('changing the password ends the other sessions and the new password signs in', async ({ browser, page, contact }) => {
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, contact.email);
  await signIn(page, contact.email);

  await page.getByRole('link', { name: 'Alterar senha' }).click();
  await page.getByLabel('Senha atual').fill(PASSWORD);
  await page.getByLabel('Nova senha', { exact: true }).fill('senha123');
  await page.getByRole('button', { name: 'Salvar senha' }).click();
  await expect(page.getByText('Esta senha é comum demais ou já apareceu em vazamentos. Escolha outra.')).toBeVisible();

  await page.getByLabel('Nova senha', { exact: true }).fill('uma frase longa de agente');
  await page.getByRole('button', { name: 'Salvar senha' }).click();
  await expect(page.getByRole('status')).toHaveText('Senha alterada. Suas outras sessões foram encerradas.');

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/entrar/);
  await elsewhere.close();
  await page.getByRole('button', { name: 'Sair' }).click();
  await signIn(page, contact.email, 'uma frase longa de agente');
});
