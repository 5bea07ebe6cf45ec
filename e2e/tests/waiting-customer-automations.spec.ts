import { execFileSync } from 'node:child_process';
import { ACCOUNTS, daysFromToday, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

/**
 * Runs `pnpm automations:run --now <ISO>` against the e2e server's database: the operator's way to
 * advance the automations' clock. Named so it runs after the other journeys (it closes demo tickets).
 */
function runAutomations(at: Date) {
  return execFileSync('pnpm', ['automations:run', '--now', at.toISOString()], {
    cwd: '..',
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, NODE_ENV: 'test', PORT: process.env.E2E_PORT ?? '3100' },
    encoding: 'utf8',
  });
}

const DAY = 24 * 60 * 60 * 1000;

test('an agent asks the customer; reminders and the auto-close reach the mailbox and history; the customer follows a star link', async ({ browser, page, contact, makeTicket }) => {
  test.setTimeout(120_000);
  const { subject } = makeTicket({ status: 'open' });
  await signIn(page, ACCOUNTS.agent);
  await page.locator('tbody tr', { hasText: subject }).getByRole('link').click();
  const ticketUrl = page.url();
  await page.getByLabel('Resposta pública').check();
  await page.getByLabel('Mensagem', { exact: true }).fill('Qual é o modelo da câmera?');
  // A public reply waits on the customer by default; the date agreed with them is required.
  await expect(page.getByLabel('Situação após responder')).toHaveValue('waiting_customer');
  await page.getByLabel('Data de resolução devida após responder').fill(daysFromToday(3));
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('status')).toHaveText('Mensagem registrada.');
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Qual é o modelo da câmera?');
  await expect(page.locator('.ticket-header').getByText('Aguardando cliente')).toBeVisible();
  const askedAt = Date.now();

  // The customer's page says when it will close and why.
  const customer = await browser.newPage();
  await signIn(customer, contact.email);
  await customer.goto(ticketUrl.replace('/console/chamados/', '/painel/chamados/'));
  await expect(customer.getByRole('note')).toHaveText('Aguardando sua resposta: será encerrado em 10 dias se não houver resposta.');

  // Five days later: the first reminder.
  runAutomations(new Date(askedAt + 5 * DAY + 60_000));
  await page.reload();
  const history = page.getByRole('list').filter({ hasText: 'Lembrete 1 de inatividade enviado ao cliente' });
  await expect(history).toBeVisible();
  await expect(history).toContainText('E-mail enviado: Aguardamos sua resposta');

  // Seven and ten days: second reminder, then the ticket closes by itself.
  runAutomations(new Date(askedAt + 7 * DAY + 60_000));
  runAutomations(new Date(askedAt + 10 * DAY + 60_000));
  await page.reload();
  await expect(page.locator('.ticket-header').getByText('Concluído')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Encerrado automaticamente por falta de resposta do cliente' })).toBeVisible();

  // The customer's timeline says it in plain words.
  await customer.reload();
  const automatic = customer.getByRole('region', { name: 'Ações automáticas' });
  await expect(automatic).toContainText('Lembrete enviado por e-mail: aguardamos sua resposta.');
  await expect(automatic).toContainText('Encerrado automaticamente por falta de resposta.');

  // The admin's mailbox holds the e-mails; the closing one has five star links.
  const admin = await browser.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.getByRole('link', { name: 'E-mails' }).click();
  const ticketNumber = ticketUrl.split('/').at(-1)!;
  const reminders = admin.getByRole('article').filter({ hasText: `Aguardamos sua resposta: #${ticketNumber}` });
  await expect(reminders).toHaveCount(2);
  const closing = admin.getByRole('article').filter({ hasText: `Atendimento encerrado por falta de resposta: #${ticketNumber}` });
  await expect(closing).toHaveCount(1);
  const stars = closing.getByRole('link', { name: /\/avaliar\// });
  await expect(stars).toHaveCount(5);
  const fiveStars = await stars.nth(4).getAttribute('href');
  expect(fiveStars).toMatch(/\/avaliar\/[\w.-]+\?nota=5$/);

  // The customer follows the star link from the e-mail: the page preselects the stars, and only
  // pressing "Enviar avaliação" records them; then it takes a comment.
  await customer.goto(fiveStars!);
  await expect(customer).toHaveURL(/\/avaliar\/[\w.-]+\?nota=5$/);
  await expect(customer.getByRole('heading', { name: 'Avaliação do atendimento' })).toBeVisible();
  await expect(customer.getByRole('radio', { name: '5 estrelas' })).toBeChecked();
  await customer.getByRole('button', { name: 'Enviar avaliação' }).click();
  await expect(customer.getByRole('status')).toHaveText('Avaliação registrada. Obrigado!');
  await customer.getByLabel('Comentário').fill('Resolvi sozinho, obrigado pelos lembretes.');
  await customer.getByRole('button', { name: 'Enviar comentário' }).click();
  await expect(customer.getByRole('note')).toHaveText('Este atendimento já foi avaliado. Obrigado!');

  // The agent sees the rating on the ticket.
  await page.reload();
  const ratings = page.getByRole('region', { name: 'Avaliações' });
  await expect(ratings).toContainText('5 estrelas');
  await expect(ratings).toContainText('Resolvi sozinho, obrigado pelos lembretes.');
  await customer.close();
  await admin.close();
});
