import { ACCOUNTS, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

test('merging a duplicate: its messages move, it closes with a link to the other ticket, and the customer sees it', async ({ browser, page, contact, makeTicket }) => {
  const target = makeTicket({ status: 'open', subject: `Internet lenta ${Date.now()}` });
  const duplicate = makeTicket({ status: 'open', subject: `Internet lenta de novo ${Date.now()}` });
  const duplicateFirstMessage = `Olá, preciso de ajuda: ${duplicate.subject.toLowerCase()}.`;

  await signIn(page, ACCOUNTS.agent);
  await page.goto(`/console/chamados/${duplicate.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(duplicate.subject);
  const merge = page.getByRole('form', { name: 'Unir a outro chamado' });
  await merge.getByLabel('Chamado que continua').selectOption({ label: `#${target.id} ${target.subject}` });
  await merge.getByRole('button', { name: 'Unir chamados' }).click();

  // The duplicate is concluded and says where the conversation went on.
  await expect(page.locator('.ticket-header').getByText('Concluído')).toBeVisible();
  const notice = page.locator('.notice', { hasText: 'Este chamado foi unido ao chamado' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('list', { name: 'Conversa' })).not.toContainText(duplicateFirstMessage);
  await notice.getByRole('link', { name: `#${target.id}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(target.subject);
  // Its messages are now in the other ticket, with a public line telling the customer.
  const targetThread = page.getByRole('list', { name: 'Conversa' });
  await expect(targetThread).toContainText(duplicateFirstMessage);
  await expect(targetThread).toContainText(`Unimos a este chamado o seu chamado #${duplicate.id}`);

  // The customer sees the duplicate concluded, with a link to the ticket that continues, and the messages there.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, contact.email);
  await customer.goto(`/painel/chamados/${duplicate.id}`);
  await expect(customer.getByRole('heading', { level: 1 })).toContainText(duplicate.subject);
  await expect(customer.locator('.ticket-header').getByText('Concluído')).toBeVisible();
  await expect(customer.getByRole('list', { name: 'Conversa' })).toContainText(`Este chamado foi unido ao chamado #${target.id}`);
  await expect(customer.getByRole('list', { name: 'Conversa' })).not.toContainText(duplicateFirstMessage);
  // It is not reopened by writing there: the conversation goes on in the other ticket.
  await expect(customer.getByRole('button', { name: 'Responder' })).toHaveCount(0);
  await customer.getByRole('note').getByRole('link', { name: `#${target.id}` }).click();
  await expect(customer.getByRole('heading', { level: 1 })).toContainText(target.subject);
  await expect(customer.getByRole('list', { name: 'Conversa' })).toContainText(duplicateFirstMessage);
  await expect(customer.getByRole('list', { name: 'Conversa' })).toContainText(`Unimos a este chamado o seu chamado #${duplicate.id}`);
  await customerContext.close();
});
