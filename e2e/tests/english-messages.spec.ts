import { expect, test } from '@playwright/test';
import { ACCOUNTS } from '../support/accounts.js';
import { PHONE, signInOnPhone } from '../support/phone.js';

test.use({ viewport: PHONE });

test('in English, the server’s field messages are in English too', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Customer panel' })).toBeVisible();
  await page.goto('/painel?aba=awaiting_return');
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await page.getByRole('button', { name: 'Reply' }).click();
  await expect(page.getByText('Write your message.')).toBeVisible();
  await expect(page.getByText('Escreva sua mensagem.')).toHaveCount(0);
});
