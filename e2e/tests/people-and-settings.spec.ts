import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

test('Novo contato: a phone typed the Brazilian way gets the right WhatsApp link; the contact can be invited', async ({ page }) => {
  await signIn(page, ACCOUNTS.agent);
  await page.goto('/console/clientes');
  await page.getByRole('link', { name: 'Novo contato' }).click();
  const form = page.getByRole('form', { name: 'Novo contato' });
  await form.getByLabel('Nome').fill('Renata Dias');
  await form.getByLabel('E-mail', { exact: true }).fill('renata@academia.example');
  await form.getByLabel('Telefone').fill('(51) 99999-1234');
  await form.getByLabel('Empresa').selectOption({ label: 'Academia Boa Forma' });
  await form.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renata Dias' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', 'https://wa.me/5551999991234');
  await page.getByRole('button', { name: 'Convidar para o portal' }).click();
  await expect(page.getByText('Convite enviado por e-mail.')).toBeVisible();
});

test('Configurações: the year’s national holidays are one click away; a special window must start before it ends', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/console/admin/configuracoes');
  const clock = page.getByRole('form', { name: 'Fuso horário, expediente e feriados' });
  const year = new Date().getFullYear();
  await clock.getByRole('button', { name: `Adicionar feriados nacionais de ${year}` }).click();
  await expect(clock.getByLabel(/^Feriados/)).toHaveValue(new RegExp(`${year}-12-25`));
  await clock.getByRole('button', { name: 'Salvar' }).click();
  await expect(clock.getByRole('status')).toHaveText('Alterações salvas.');

  const automation = page.getByRole('form', { name: 'Automações' });
  await automation.getByLabel(/^Horários especiais/).fill('13:00-12:00');
  await automation.getByRole('button', { name: 'Salvar' }).click();
  await expect(automation.getByText('O início deve ser antes do fim.')).toBeVisible();

  await page.goto('/console/auditoria');
  await expect(page.getByRole('table').getByText(`holidays: [] → ["${year}-01-01"`, { exact: false }).first()).toBeVisible();
});
