import { getSlaSettings, saveSlaSettings } from '@atende/db';
import { ACCOUNTS, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

test('an admin sets a response target (SLA): bad input is refused by field, a good value is kept and shown', async ({ page, db }) => {
  // Every journey shares the server: the targets other journeys' tickets are due by come back afterwards.
  const original = getSlaSettings(db);
  try {
    await signIn(page, ACCOUNTS.admin);
    await page.goto('/console/admin/configuracoes');
    await page.getByRole('navigation', { name: 'Seções da administração' }).getByRole('link', { name: 'Prazos de resposta (SLA)' }).click();
    const first = page.getByRole('group', { name: 'Primeira resposta' });
    const next = page.getByRole('group', { name: 'Próxima resposta' });
    await expect(first.getByLabel('Urgente (horas úteis)')).toHaveValue('1');
    await expect(first.getByLabel('Média (horas úteis)')).toHaveValue('8');

    // Nothing below 15 minutes, nothing empty: each field says what is wrong, and nothing is saved.
    await first.getByLabel('Média (horas úteis)').fill('0');
    await next.getByLabel('Alta (horas úteis)').fill('');
    await page.getByRole('button', { name: 'Salvar' }).click();
    await expect(first.getByText('No mínimo 15 minutos.')).toBeVisible();
    await expect(next.getByText('Informe as horas.')).toBeVisible();
    await expect(first.getByLabel('Média (horas úteis)')).toHaveAttribute('aria-invalid', 'true');
    expect(getSlaSettings(db).firstResponseHours.media).toBe(original.firstResponseHours.media);

    await first.getByLabel('Média (horas úteis)').fill('2,5');
    await next.getByLabel('Alta (horas úteis)').fill('4');
    await page.getByRole('button', { name: 'Salvar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Alterações salvas.' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('group', { name: 'Primeira resposta' }).getByLabel('Média (horas úteis)')).toHaveValue('2,5');
    expect(getSlaSettings(db).firstResponseHours.media).toBe(2.5);

    // Saved with an audit line, like every setting.
    await page.goto('/console/auditoria');
    const latest = page.getByRole('table', { name: 'Registro de auditoria' }).locator('tbody tr').first();
    await expect(latest).toContainText('Configurações alteradas');
    await expect(latest).toContainText('"media":2.5');
  } finally {
    saveSlaSettings(db, original);
  }
});

test('an agent who is not an admin cannot reach the SLA settings', async ({ page }) => {
  await signIn(page, ACCOUNTS.agent);
  await page.goto('/console/admin/prazos');
  await expect(page.getByRole('alert')).toHaveText('Apenas administradores acessam esta área.');
  await expect(page.getByLabel('Média (horas úteis)')).toHaveCount(0);
  expect((await page.request.get('/api/admin/sla-settings')).status()).toBe(403);
});
