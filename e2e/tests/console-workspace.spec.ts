import type { Page } from '@playwright/test';
import { ACCOUNTS, daysFromToday, signIn } from '../support/accounts.js';
import { expect, test, type OwnTicket } from '../support/fixtures.js';

/** Opens a ticket of the journey's own (fixtures), so no demo ticket is used up. */
async function openTicket(page: Page, ticket: OwnTicket) {
  await page.goto(`/console/chamados/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ticket.subject);
}

test('two agents on one ticket: the second sees the newer values, keeps what they typed and applies it again', async ({ browser, makeTicket }) => {
  const ticket = makeTicket({ status: 'open' });
  const ana = await browser.newPage();
  const bruno = await browser.newPage();
  await signIn(ana, ACCOUNTS.agent);
  await signIn(bruno, ACCOUNTS.otherAgent);
  // Live updates would usually refresh Bruno's page before he saves; this is the case where they have
  // not arrived yet (a slow network, a dropped stream), so his page stays stale and the server's 409 decides.
  await bruno.route('**/api/events', (route) => route.abort());
  await openTicket(ana, ticket);
  await openTicket(bruno, ticket);

  // Ana saves first.
  await ana.getByLabel('Prioridade', { exact: true }).selectOption('alta');
  await ana.getByRole('button', { name: 'Salvar propriedades' }).click();
  await expect(ana.getByRole('status').filter({ hasText: 'Propriedades salvas.' })).toBeVisible();

  // Bruno's page is stale: his change is refused with 409, shown, and kept.
  await bruno.getByLabel('Prioridade', { exact: true }).selectOption('urgente');
  await bruno.getByLabel('Departamento', { exact: true }).selectOption({ label: 'Financeiro' });
  await bruno.getByRole('button', { name: 'Salvar propriedades' }).click();
  await expect(bruno.getByRole('alert')).toContainText('Este chamado foi alterado enquanto você o via');
  await expect(bruno.locator('.conflict-notice')).toContainText('Prioridade: agora Alta');
  await expect(bruno.getByLabel('Prioridade', { exact: true })).toHaveValue('urgente');
  await expect(bruno.getByLabel('Departamento', { exact: true })).toHaveValue(/\d+/);
  await expect(bruno.getByLabel('Departamento', { exact: true }).locator('option:checked')).toHaveText('Financeiro');
  await bruno.getByRole('button', { name: 'Aplicar novamente' }).click();
  await expect(bruno.getByRole('status').filter({ hasText: 'Propriedades salvas.' })).toBeVisible();
  await expect(bruno.getByRole('list', { name: 'Conversa' })).toContainText('Prioridade: Alta → Urgente');

  // Ana's page follows the ticket after a reload of its data.
  await ana.reload();
  await expect(ana.getByLabel('Prioridade', { exact: true })).toHaveValue('urgente');
  await ana.close();
  await bruno.close();
});

test('after a reply that sets "Visita presencial", Situação shows it; the technician sees address and phone', async ({ page, makeTicket }) => {
  const ticket = makeTicket({ status: 'open' });
  await signIn(page, ACCOUNTS.agent);
  await openTicket(page, ticket);
  await expect(page.getByLabel('Situação', { exact: true })).toHaveValue('open');
  await page.getByLabel('Resposta pública').check();
  await page.getByLabel('Mensagem', { exact: true }).fill('Vamos até aí religar a linha.');
  await page.getByLabel('Situação após responder').selectOption('onsite_visit');
  await page.getByLabel('Data de resolução devida após responder').fill(daysFromToday(2));
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.locator('.ticket-header').getByText('Visita presencial')).toBeVisible();
  await expect(page.getByLabel('Situação', { exact: true })).toHaveValue('onsite_visit');
  await expect(page.getByRole('button', { name: 'Alterar situação' })).toBeDisabled();
  // Onsite: where to go and whom to call.
  const visit = page.getByRole('region', { name: 'Visita presencial: endereço e telefone' });
  await expect(visit).toContainText('Rua das Flores, 80 — Centro');
  await expect(visit.getByRole('link', { name: '+55 51 97777-0000' })).toHaveAttribute('href', 'tel:+5551977770000');
});

test('canned replies: saved once, inserted with "/" and filled in; Ctrl+Enter sends', async ({ page, makeTicket }) => {
  const ticket = makeTicket({ status: 'open' });
  await signIn(page, ACCOUNTS.agent);
  await page.goto('/console/respostas');
  await page.getByLabel('Título').fill('Saudação inicial');
  await page.getByLabel('Texto').fill('Olá, {{contato.primeiro_nome}}! Sobre o chamado #{{chamado.numero}}: já estamos verificando.');
  await page.getByRole('button', { name: 'Salvar resposta pronta' }).click();
  await expect(page.getByRole('status')).toHaveText('Resposta pronta salva.');

  await openTicket(page, ticket);
  const id = ticket.id;
  const box = page.getByLabel('Mensagem', { exact: true });
  await page.getByLabel('Nota interna').check();
  await box.fill('/sauda');
  await page.getByRole('group', { name: 'Respostas prontas encontradas' }).getByRole('button', { name: 'Saudação inicial' }).click();
  await expect(box).toHaveValue(`Olá, Cliente! Sobre o chamado #${id}: já estamos verificando.`);
  await box.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Mensagem registrada.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText(`Olá, Cliente! Sobre o chamado #${id}`);
});

test('keyboard: ? lists the shortcuts; r focuses the reply box', async ({ page, makeTicket }) => {
  const ticket = makeTicket({ status: 'open' });
  await signIn(page, ACCOUNTS.agent);
  await openTicket(page, ticket);
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Atalhos de teclado' });
  await expect(dialog).toContainText('Próximo chamado');
  await expect(dialog).toContainText('Ctrl+Enter');
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await page.locator('body').press('r');
  await expect(page.getByLabel('Mensagem', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Resposta pública')).toBeChecked();
});

test('keyboard: j and k walk the queue the agent came from; n starts an internal note', async ({ page, makeTicket }) => {
  const tag = `teclas${Date.now().toString(36)}`;
  makeTicket({ status: 'open', subject: `Atalho ${tag} um` });
  makeTicket({ status: 'open', subject: `Atalho ${tag} dois` });
  await signIn(page, ACCOUNTS.agent);
  await page.goto(`/console?fila=all&busca=${tag}`);
  const rows = page.getByRole('tabpanel').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const first = (await rows.nth(0).getByRole('link').first().textContent())!;
  const second = (await rows.nth(1).getByRole('link').first().textContent())!;
  await rows.nth(0).getByRole('link').first().click();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toContainText(first.replace(/^#/, ''));
  await page.locator('body').press('j');
  await expect(title).toContainText(second.replace(/^#/, ''));
  await page.locator('body').press('k');
  await expect(title).toContainText(first.replace(/^#/, ''));
  await page.locator('body').press('n');
  await expect(page.getByLabel('Mensagem', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Nota interna')).toBeChecked();
  // Typing a "j" in the message box is text, not a shortcut.
  await page.keyboard.type('j');
  await expect(page.getByLabel('Mensagem', { exact: true })).toHaveValue('j');
  await expect(title).toContainText(first.replace(/^#/, ''));
});

test('queue: sorted by priority, the urgent ticket comes first; by last update, the newest', async ({ page, makeTicket }) => {
  const tag = `ordem${Date.now().toString(36)}`;
  makeTicket({ status: 'open', subject: `Fila ${tag} urgente`, priority: 'urgente' });
  makeTicket({ status: 'open', subject: `Fila ${tag} baixa`, priority: 'baixa' }); // made last: the newest update
  await signIn(page, ACCOUNTS.agent);
  await page.goto(`/console?fila=all&busca=${tag}`);
  const rows = page.getByRole('tabpanel').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`Fila ${tag} baixa`);
  await page.getByLabel('Ordenar por').selectOption('priority');
  await expect(page).toHaveURL(/ordem=priority/);
  await expect(rows.first()).toContainText(`Fila ${tag} urgente`);
  await expect(rows.first()).toContainText('Urgente');
  // The order survives a reload (it is in the address).
  await page.reload();
  await expect(page.getByRole('tabpanel').locator('tbody tr').first()).toContainText(`Fila ${tag} urgente`);
});

test('bulk: priority on selected rows, with a summary', async ({ page, makeTicket }) => {
  const tag = `lote${Date.now().toString(36)}`;
  makeTicket({ status: 'new', subject: `Pedido ${tag} um` });
  makeTicket({ status: 'new', subject: `Pedido ${tag} dois` });
  await signIn(page, ACCOUNTS.agent);
  await page.goto(`/console?fila=unassigned&busca=${tag}`);
  await expect(page.getByRole('tabpanel').locator('tbody tr')).toHaveCount(2);
  const rows = page.getByRole('tabpanel').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  const bar = page.getByRole('form', { name: 'Ação em lote' });
  await bar.getByRole('combobox', { name: 'Ação' }).selectOption('priority');
  await bar.getByRole('combobox', { name: 'Prioridade' }).selectOption('urgente');
  await bar.getByRole('button', { name: 'Aplicar aos selecionados' }).click();
  await expect(page.locator('.bulk-summary')).toContainText('2 chamado(s) alterado(s).');
});

/** Evaluated in the page (the e2e project has no DOM types): the document's width against the screen's. */
const WIDTHS = '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })';
/** Visible buttons, fields and checkboxes in main smaller than 24 px either way. */
const SMALL_TARGETS = `[...document.querySelectorAll('main button, main select, main input, main textarea')]
  .map((el) => el.getBoundingClientRect())
  .filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)).length`;

test.describe('on a phone (390 px), in another time zone', () => {
  test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Tokyo' });

  test('no console page is wider than the screen; the composer is one thumb-scroll away; dates in the company zone', async ({ page, makeTicket }) => {
    const ticket = makeTicket({ status: 'open' });
    await signIn(page, ACCOUNTS.admin);
    const pages = ['/console', '/console?fila=today', '/console/clientes', '/console/avaliacoes', '/console/respostas', '/console/relatorios', '/console/auditoria', '/console/emails', '/console/admin/portal', '/console/admin/prazos'];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('[role="status"]', { hasText: 'Carregando' })).toHaveCount(0);
      const widths = (await page.evaluate(WIDTHS)) as { scroll: number; inner: number };
      expect(widths.scroll, path).toBeLessThanOrEqual(widths.inner);
    }
    await openTicket(page, ticket);
    const widths = (await page.evaluate(WIDTHS)) as { scroll: number; inner: number };
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    // The composer starts within about one screen of scrolling.
    const box = await page.getByLabel('Mensagem', { exact: true }).boundingBox();
    const top = box!.y + ((await page.evaluate('window.scrollY')) as number);
    expect(top).toBeLessThan(2 * 844);
    // Tap targets: every button, field and checkbox is at least 24 px each way.
    const small = await page.evaluate(SMALL_TARGETS);
    expect(small).toBe(0);
    // Dates: the company's zone (São Paulo), not the browser's (Tokyo, 12 h ahead).
    const shown = await page.locator('.thread time').first().evaluate((el) => ({ text: el.textContent, iso: el.getAttribute('datetime') }));
    const expected = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'America/Sao_Paulo' }).format(new Date(shown.iso!));
    expect(shown.text).toBe(expected);
  });
});
