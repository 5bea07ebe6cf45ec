import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoSidewaysScroll, PHONE, signInOnPhone } from '../support/phone.js';

test.use({ viewport: PHONE });

const MANAGER = 'gerente@example.com';

test('the company manager follows the company’s tickets by requester, and reads them without acting', async ({ page }) => {
  await signInOnPhone(page, MANAGER);
  await page.getByRole('link', { name: 'Chamados da empresa' }).click();
  await expect(page.getByRole('heading', { name: 'Chamados da empresa' })).toBeVisible();
  const cards = page.locator('tbody tr');
  await expect(cards.first()).toContainText('Carla Souza');
  await expectNoSidewaysScroll(page, 'company tickets');
  await expectNoAxeViolations(page, 'company tickets');

  await page.getByLabel('Solicitante').selectOption({ label: 'Marina Gestora' });
  await expect(page.getByText('Nenhum chamado aqui.')).toBeVisible();
  await page.getByLabel('Solicitante').selectOption({ label: 'Carla Souza' });
  await expect(cards.first()).toContainText('Carla Souza');

  await cards.first().getByRole('link').click();
  await expect(page.getByRole('note').filter({ hasText: 'Chamado aberto por Carla Souza' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Conversa' })).toBeVisible();
  await expect(page.getByLabel('Sua mensagem')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Confirmar solução' })).toHaveCount(0);
});
