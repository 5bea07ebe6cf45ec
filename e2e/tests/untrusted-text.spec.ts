import type { Page } from '@playwright/test';
import { ACCOUNTS, daysFromToday, signIn } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';

/**
 * Messages are untrusted (ASVS 1.2, 3.2): HTML, script and control characters typed by a customer or an
 * agent are shown as text on both pages, and nothing they contain ever runs.
 */
const PAYLOAD = [
  `<img src=x onerror="window.__pwned('img')">`,
  `<script>window.__pwned('script')</script>`,
  `<svg onload="window.__pwned('svg')"></svg>`,
  `"><iframe src="javascript:parent.__pwned('iframe')"></iframe>`,
  `<a href="javascript:window.__pwned('link')">clique aqui</a>`,
  `{{constructor.constructor('window.__pwned("template")')()}}`,
  `texto\u202eodireve ao contrário`,
].join('\n');

/** Records any payload that runs (through a binding the page can call) and any dialog it opens. */
async function watchForScripts(page: Page): Promise<string[]> {
  const ran: string[] = [];
  await page.exposeFunction('__pwned', (what: string) => ran.push(what));
  page.on('dialog', (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return ran;
}

async function expectShownAsText(page: Page, who: string) {
  const thread = page.getByRole('list', { name: 'Conversa' });
  for (const line of PAYLOAD.split('\n')) await expect(thread, who).toContainText(line);
  // Nothing of the payload became markup.
  await expect(thread.locator('img, script, svg, iframe, a[href^="javascript"]')).toHaveCount(0);
}

test('HTML and script in messages are shown as text to the customer and to the agent, and never run', async ({ browser, page, contact, makeTicket }) => {
  const { subject } = makeTicket({ status: 'open' });
  const customerRan = await watchForScripts(page);
  await signIn(page, contact.email);
  await page.getByRole('tab', { name: /^Todos os chamados/ }).click();
  await page.getByRole('tabpanel').getByRole('link', { name: subject }).click();
  const customerUrl = page.url();
  await page.getByLabel('Sua mensagem').fill(PAYLOAD);
  await page.getByRole('button', { name: 'Responder' }).click();
  await expect(page.getByRole('status')).toHaveText('Resposta enviada.');
  await expectShownAsText(page, 'customer page, own message');

  const agent = await browser.newPage();
  const agentRan = await watchForScripts(agent);
  await signIn(agent, ACCOUNTS.agent);
  await agent.goto(customerUrl.replace('/painel/chamados/', '/console/chamados/'));
  await expectShownAsText(agent, 'agent page, customer message');
  await agent.getByLabel('Resposta pública').check();
  await agent.getByLabel('Mensagem', { exact: true }).fill(`Resposta: ${PAYLOAD}`);
  // A public reply waits on the customer by default, which needs the date agreed with them.
  await agent.getByLabel('Data de resolução devida após responder').fill(daysFromToday(3));
  await agent.getByRole('button', { name: 'Enviar' }).click();
  await expect(agent.getByRole('status')).toHaveText('Mensagem registrada.');
  await agent.getByLabel('Nota interna').check();
  await agent.getByLabel('Mensagem', { exact: true }).fill(PAYLOAD);
  await agent.getByRole('button', { name: 'Enviar' }).click();
  await expect(agent.getByRole('status')).toHaveText('Mensagem registrada.');
  await expectShownAsText(agent, 'agent page, own messages');

  await page.reload();
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Resposta: <img src=x');
  await expectShownAsText(page, 'customer page, agent reply');
  expect(customerRan).toEqual([]);
  expect(agentRan).toEqual([]);
  await agent.close();
});
