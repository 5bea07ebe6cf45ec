import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { ACCOUNTS, signIn, tabCount } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

/** Opens the first ticket of a tab (the test's own contact has one there) and returns its id (from the address). */
async function openFirstIn(page: Page, tab: string): Promise<number> {
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return Number(/chamados\/(\d+)/.exec(page.url())![1]);
}

async function asUser(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Flips the portal's reopen switch through the admin API, as an admin would. */
async function setAllowReopen(browser: Browser, allowReopen: boolean) {
  const admin = await asUser(browser, ACCOUNTS.admin);
  const origin = new URL(admin.url()).origin;
  const current = (await (await admin.request.get('/api/admin/portal-settings')).json()).settings;
  const r = await admin.request.put('/api/admin/portal-settings', { data: { ...current, allowReopen }, headers: { origin } });
  expect(r.status()).toBe(200);
  await admin.context().close();
}

const header = (page: Page) => page.locator('.ticket-header');
/** The value of one fact in a ticket header (e.g. "Responsável"), whatever facts come before it. */
const fact = (page: Page, term: string) => page.locator('.facts dt').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

test('confirm the solution, then rate it from "Não avaliados"', async ({ page, contact, makeTicket }) => {
  makeTicket({ status: 'resolved' });
  await signIn(page, contact.email);
  const approvalBefore = await tabCount(page, 'Resolvidos aguardando minha aprovação');
  const unratedBefore = await tabCount(page, 'Não avaliados');
  const id = await openFirstIn(page, 'Resolvidos aguardando minha aprovação');
  await expect(header(page).getByText('Resolvido')).toBeVisible();
  await page.getByRole('button', { name: 'Confirmar solução' }).click();
  await expect(page.getByRole('status')).toHaveText('Solução confirmada. Obrigado!');
  await expect(header(page).getByText('Concluído')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirmar solução' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Voltar ao painel' }).click();
  await expect.poll(() => tabCount(page, 'Não avaliados')).toBe(unratedBefore + 1);
  expect(await tabCount(page, 'Resolvidos aguardando minha aprovação')).toBe(approvalBefore - 1);
  await page.getByRole('tab', { name: /^Não avaliados/ }).click();
  await page.getByRole('tabpanel').locator(`a[href$="/chamados/${id}"]`).click();

  await page.getByRole('button', { name: 'Enviar avaliação' }).click();
  await expect(page.getByText('Escolha de 1 a 5 estrelas.')).toBeVisible();
  await page.getByRole('radio', { name: '4 estrelas' }).check();
  await page.getByLabel('Comentário').fill('Resolveram no mesmo dia.');
  await page.getByRole('button', { name: 'Enviar avaliação' }).click();
  await expect(page.getByRole('status')).toHaveText('Avaliação registrada. Obrigado!');
  await expect(page.getByRole('button', { name: 'Enviar avaliação' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Voltar ao painel' }).click();
  await expect.poll(() => tabCount(page, 'Não avaliados')).toBe(unratedBefore);
});

test('"Não foi resolvido" sends the ticket back, and the agent sees it reopened with the reason', async ({ page, browser, contact, makeTicket }) => {
  makeTicket({ status: 'resolved' });
  await signIn(page, contact.email);
  const id = await openFirstIn(page, 'Resolvidos aguardando minha aprovação');
  const assignee = await fact(page, 'Responsável').textContent();
  await page.getByRole('button', { name: 'Não foi resolvido' }).click();
  await page.getByRole('button', { name: 'Enviar e reabrir' }).click();
  await expect(page.getByText('Conte o que não foi resolvido.')).toBeVisible();
  await page.getByLabel('O que não foi resolvido?').fill('A cobrança duplicada apareceu de novo na fatura.');
  await page.getByRole('button', { name: 'Enviar e reabrir' }).click();
  await expect(page.getByRole('status')).toHaveText('Chamado reaberto e devolvido ao responsável.');
  await expect(header(page).getByText('Aberto')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('A cobrança duplicada apareceu de novo na fatura.');

  const agent = await asUser(browser, ACCOUNTS.agent);
  await agent.goto(`/console/chamados/${id}`);
  await expect(header(agent).getByText('Aberto')).toBeVisible();
  await expect(fact(agent, 'Responsável')).toHaveText(assignee!);
  await expect(agent.getByRole('list', { name: 'Conversa' })).toContainText('A cobrança duplicada apareceu de novo na fatura.');
  await expect(agent.locator('.history')).toContainText('Situação: Resolvido → Aberto');
});

test('a closed ticket: refused plainly before typing when reopening is off, reopened when it is on', async ({ page, browser, contact, makeTicket }) => {
  makeTicket({ status: 'closed' });
  await setAllowReopen(browser, false);
  try {
    await signIn(page, contact.email);
    const id = await openFirstIn(page, 'Não avaliados');
    await expect(page.getByRole('note')).toContainText('Este chamado está concluído e não pode ser reaberto.');
    await expect(page.getByLabel('Sua mensagem')).toHaveCount(0);
    const newTicket = page.getByRole('link', { name: 'Novo atendimento' });
    await expect(newTicket).toHaveAttribute('href', `/painel/novo?referencia=${id}`);
  } finally {
    await setAllowReopen(browser, true);
  }
  await page.reload();
  await expect(page.getByRole('link', { name: 'Novo atendimento' })).toHaveCount(0);
  await page.getByLabel('Sua mensagem').fill('O relatório voltou a vir vazio.');
  await page.getByRole('button', { name: 'Responder' }).click();
  await expect(header(page).getByText('Aberto')).toBeVisible();
});

test('rating through the signed link: the page records it, then takes a comment; the link is then used', async ({ page, browser, contact: own, makeTicket }) => {
  makeTicket({ status: 'closed' });
  const contact = await asUser(browser, own.email);
  const unratedBefore = await tabCount(contact, 'Não avaliados');
  const id = await openFirstIn(contact, 'Não avaliados');

  await signIn(page, ACCOUNTS.agent);
  await page.goto(`/console/chamados/${id}`);
  const link = await page.getByLabel('Link de avaliação para o cliente').inputValue();
  expect(link).toContain('/avaliar/');

  // No sign-in: a fresh browser, as from the closing e-mail.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${link}?nota=4`);
  await expect(visitor.getByRole('heading', { name: 'Avaliação do atendimento' })).toBeVisible();
  await expect(visitor.getByRole('radio', { name: '4 estrelas' })).toBeChecked();
  // Following the link changed nothing: still unrated.
  await contact.goto('/painel');
  expect(await tabCount(contact, 'Não avaliados')).toBe(unratedBefore);

  await visitor.getByRole('radio', { name: '5 estrelas' }).check();
  await visitor.getByRole('button', { name: 'Enviar avaliação' }).click();
  await expect(visitor.getByRole('status')).toHaveText('Avaliação registrada. Obrigado!');
  await visitor.getByLabel('Comentário').fill('Técnico muito atencioso.');
  await visitor.getByRole('button', { name: 'Enviar comentário' }).click();
  await expect(visitor.getByRole('note')).toHaveText('Este atendimento já foi avaliado. Obrigado!');
  await contact.goto('/painel');
  await expect.poll(() => tabCount(contact, 'Não avaliados')).toBe(unratedBefore - 1);

  await visitor.goto(`${link}?nota=1`);
  await expect(visitor.getByRole('note')).toHaveText('Este atendimento já foi avaliado. Obrigado!');
  await expect(visitor.getByRole('button', { name: 'Enviar avaliação' })).toHaveCount(0);
  await visitor.goto(`${link.slice(0, -2)}xx`);
  await expect(visitor.getByRole('note')).toHaveText('Este link de avaliação não é válido. Confira se ele foi copiado por inteiro.');

  await page.getByRole('link', { name: 'Avaliações' }).click();
  const row = page.getByRole('row').filter({ hasText: `#${id}` });
  await expect(row).toContainText('5 estrelas');
  await expect(row).toContainText('Técnico muito atencioso.');
  await expect(page.getByRole('list', { name: 'Distribuição das notas' })).toContainText('5 estrelas:');
  const agentName = (await row.getByRole('cell').nth(1).textContent())!;
  const totalAll = Number(await page.getByTestId('ratings-total').textContent());
  await page.getByLabel('Atendente').selectOption({ label: agentName });
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page).toHaveURL(/agentId=\d+/);
  await expect(page.getByRole('row').filter({ hasText: `#${id}` })).toBeVisible();
  const agentCells = page.locator('tbody tr td:nth-child(2)');
  await expect.poll(() => agentCells.allTextContents()).toEqual(Array(await agentCells.count()).fill(agentName));
  expect(Number(await page.getByTestId('ratings-total').textContent())).toBeLessThan(totalAll);
});

test('two tabs: the decision that loses the race gets a clear conflict and the page shows the winner', async ({ browser, contact, makeTicket }) => {
  makeTicket({ status: 'resolved' });
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, contact.email);
  const id = await openFirstIn(first, 'Resolvidos aguardando minha aprovação');
  const second = await context.newPage();
  // Live updates would refresh this tab as soon as the first one decides; this is the tab whose update
  // has not arrived yet (a dropped stream), so the server's version check must decide.
  await second.route('**/api/events', (route) => route.abort());
  await second.goto(`/painel/chamados/${id}`);
  await expect(second.getByRole('button', { name: 'Não foi resolvido' })).toBeVisible();

  await first.getByRole('button', { name: 'Confirmar solução' }).click();
  await expect(header(first).getByText('Concluído')).toBeVisible();

  await second.getByRole('button', { name: 'Não foi resolvido' }).click();
  await second.getByLabel('O que não foi resolvido?').fill('Ainda sem IP fixo.');
  await second.getByRole('button', { name: 'Enviar e reabrir' }).click();
  await expect(second.getByRole('alert')).toHaveText('Este chamado foi alterado enquanto você o via. Mostramos a versão mais recente.');
  await expect(header(second).getByText('Concluído')).toBeVisible();
  await expect(second.getByRole('list', { name: 'Conversa' })).not.toContainText('Ainda sem IP fixo.');
  await context.close();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the decision, rating and rating-link pages have no serious accessibility violations', async ({ page, browser, contact, makeTicket }) => {
  test.slow(); // four axe analyses: most of the default budget on a loaded two-core machine
  makeTicket({ status: 'resolved' });
  makeTicket({ status: 'closed' });
  await signIn(page, contact.email);
  await openFirstIn(page, 'Resolvidos aguardando minha aprovação');
  await page.getByRole('button', { name: 'Não foi resolvido' }).click();
  await expect(page.getByLabel('O que não foi resolvido?')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/painel');
  const id = await openFirstIn(page, 'Não avaliados');
  await expect(page.getByRole('radio', { name: '1 estrela', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const agent = await asUser(browser, ACCOUNTS.agent);
  await agent.goto(`/console/chamados/${id}`);
  const link = await agent.getByLabel('Link de avaliação para o cliente').inputValue();
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${link}?nota=3`);
  await expect(visitor.getByRole('radio', { name: '3 estrelas' })).toBeChecked();
  expect(await seriousViolations(visitor)).toEqual([]);
  await agent.getByRole('link', { name: 'Avaliações' }).click();
  await expect(agent.getByRole('heading', { name: 'Avaliações', level: 1 })).toBeVisible();
  expect(await seriousViolations(agent)).toEqual([]);
});
