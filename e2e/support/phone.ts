import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { PASSWORD } from './accounts.js';

/** The phone most of our customers hold (issue 15): 390 × 844, and the narrow 360 × 800. */
export const PHONE = { width: 390, height: 844 } as const;
export const NARROW_PHONE = { width: 360, height: 800 } as const;

/** Signs in through the form on a phone, where "Sair" sits inside the Menu. */
export async function signInOnPhone(page: Page, email: string, path = '/entrar'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveCount(0);
}

/** What a phone user notices first: the page never scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  // A string: this package type-checks without the DOM library.
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth, `${what} is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
}

/** axe with the WCAG 2.2 AA rules, which include colour contrast and 24 px tap targets. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}
