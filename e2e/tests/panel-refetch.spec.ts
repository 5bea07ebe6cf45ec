/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, signIn, tabCount } from '../support/accounts.js';

const WAITING = 'Aguardando minha resposta';
const answered = (page: Page, path: string, status: number) => page.waitForResponse((r) => new URL(r.url()).pathname + new URL(r.url()).search === path && r.status() === status);

/**
 * Issue 18: the panel refetches (the window regains focus, a live event arrives) and the server answers
 * 304 when nothing changed; the page keeps showing the same tickets. A change made by an agent still
 * shows at once: a cached answer is never a wrong one.
 */
test('a refetch that finds nothing new is a 304 and the panel stays as it was; an agent’s change still shows', async ({ page, browser }) => {
  // The page's clock, moved by hand: the panel's answers count as fresh for 10 s.
  await page.clock.install();
  await signIn(page, ACCOUNTS.contact);
  const links = page.getByRole('tabpanel').getByRole('link');
  await expect(links.first()).toBeVisible();
  const subjects = await links.allTextContents();
  const waiting = await tabCount(page, WAITING);

  // A minute later the customer comes back to the window: both answers are revalidated.
  const list304 = answered(page, '/api/customer/tickets?tab=awaiting_my_reply', 304);
  const counts304 = answered(page, '/api/customer/tickets/counts', 304);
  await page.clock.fastForward(60_000);
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await Promise.all([list304, counts304]);
  await expect(links).toHaveText(subjects);
  expect(await tabCount(page, WAITING)).toBe(waiting);

  // An agent asks the customer something on a ticket that was awaiting return: it moves to this tab.
  await page.getByRole('tab', { name: /^Aguardando retorno/ }).click();
  const moving = page.getByRole('tabpanel').getByRole('link').first();
  const subject = (await moving.textContent())!;
  const ticketId = Number(/chamados\/(\d+)/.exec((await moving.getAttribute('href'))!)![1]);
  await page.getByRole('tab', { name: new RegExp(`^${WAITING}`) }).click();
  await expect(links).toHaveText(subjects);

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, ACCOUNTS.agent);
  const status = await agent.evaluate(async (id) => {
    const { ticket } = (await (await fetch(`/api/agent/tickets/${id}`)).json()) as { ticket: { version: number } };
    const dueDate = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const response = await fetch(`/api/agent/tickets/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Pode me enviar uma foto da etiqueta do aparelho?', visibility: 'public', dueDate, expectedVersion: ticket.version }),
    });
    return response.status;
  }, ticketId);
  expect(status).toBe(201);
  await expect(links.filter({ hasText: subject })).toHaveCount(1);
  await expect.poll(() => tabCount(page, WAITING)).toBe(waiting + 1);
  await agentContext.close();
});
