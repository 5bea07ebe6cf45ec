import { readFileSync } from 'node:fs';
import { ACCOUNTS, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

test('Relatórios: ratings chart with its table, per agent, volume; a period; CSV that Excel pt-BR opens', async ({ page, makeTicket }) => {
  makeTicket({ status: 'open' }); // opened within the default period (the last 30 days), in Suporte técnico
  await signIn(page, ACCOUNTS.agent);
  await page.getByRole('link', { name: 'Relatórios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relatórios' })).toBeVisible();

  // The chart is drawn by the chart library; the same numbers are in an accessible table beside it.
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  const distribution = page.getByRole('table', { name: 'Distribuição das notas' });
  await expect(distribution.getByRole('row')).toHaveCount(6); // header + 1 to 5 stars
  await expect(page.getByRole('table', { name: 'Tendência semanal' })).toBeVisible();
  const agents = page.getByRole('table', { name: 'Por agente' });
  await expect(agents).toContainText('Ana Atendente');
  await expect(agents.getByRole('columnheader', { name: 'Mediana da primeira resposta (min)' })).toBeVisible();
  const byDepartment = page.getByRole('table', { name: 'Por departamento' });
  await expect(byDepartment).toContainText('Suporte técnico');
  await expect(page.getByRole('table', { name: 'Por origem' })).toBeVisible();

  // The volume as CSV: UTF-8 with BOM and ';' between columns, so Excel in pt-BR opens it as columns.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportar CSV (Excel)' }).nth(2).click()]);
  expect(download.suggestedFilename()).toMatch(/^atende-volume-\d{4}-\d{2}-\d{2}-a-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('Tipo;Nome;Chamados');
  expect(text).toMatch(/\r\nDepartamento;Suporte técnico;\d+\r\n/);

  // A period long before any ticket: nothing in it.
  const period = page.getByRole('form', { name: 'Período' });
  await period.getByLabel('De').fill('2001-01-01');
  await period.getByLabel('Até').fill('2001-01-31');
  await period.getByRole('button', { name: 'Ver período' }).click();
  await expect(page).toHaveURL(/de=2001-01-01&ate=2001-01-31/);
  await expect(page.getByText('0 chamado(s) abertos no período.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Por departamento' })).not.toContainText('Suporte técnico');
});
