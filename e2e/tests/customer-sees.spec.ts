import { expect, test } from '@playwright/test';
import { ACCOUNTS } from '../support/accounts.js';
import { PHONE, signInOnPhone } from '../support/phone.js';

test.use({ viewport: PHONE });

test('a resolved ticket says until when the customer may answer before it is concluded', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.goto('/painel?aba=awaiting_approval');
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await expect(page.getByRole('note').filter({ hasText: 'Se você não responder até' })).toHaveText(
    /^Se você não responder até \d{2}\/\d{2}, o atendimento será concluído\.$/,
  );
});

test('a scheduled visit shows its date on the ticket', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.otherContact);
  await page.goto('/painel?aba=all');
  await page.getByRole('link', { name: 'Agendar instalação na filial' }).click();
  const visit = page.locator('.facts dt', { hasText: 'Visita agendada' }).locator('xpath=following-sibling::dd[1]');
  await expect(visit).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
});

test('a rated ticket shows the customer’s own rating', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  // An old ticket, past the first page of "Todos os chamados": the search finds it.
  await page.goto('/painel?busca=firmware');
  await page.getByRole('link', { name: 'Atualização do firmware da esteira' }).click();
  const mine = page.getByRole('region', { name: 'Sua avaliação' });
  await expect(mine).toContainText(/\d estrelas?/);
});

test('the customer searches their tickets from the panel, accents ignored, and opens the result', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.getByRole('searchbox', { name: 'Buscar nos meus chamados' }).fill('recepcao');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Resultado da busca por “recepcao”' })).toBeVisible();
  await page.getByRole('link', { name: 'Catraca travada aberta na recepção' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Catraca travada aberta na recepção');
  await page.goBack();
  await page.getByRole('button', { name: 'Limpar busca' }).click();
  await expect(page.getByRole('tab', { name: /^Aguardando minha resposta/ })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Buscar nos meus chamados' }).fill('Fatura com valor errado');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(page.getByText('Nenhum chamado encontrado.')).toBeVisible();
});
