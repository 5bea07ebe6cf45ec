import { customerTabOfLink } from '@atende/domain';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './app-env.js';

/** The panel's address in the SPA (apps/web/src/config/paths.ts `paths.panel`), and a ticket's under it. */
const PANEL_PATH = '/painel';
const TICKET_PATH = /^\/painel\/chamados\/(\d{1,12})$/;

/**
 * The API answers a page's first screen asks for as the app starts. Keys are the exact paths the SPA's
 * client asks.
 * - The panel (the web's prefetchPanel): who is signed in, what the portal allows, the company, the
 *   contact's preferences, and, unless the link is a search, the tab counts and the tab the link opens.
 * - A ticket's page, the link in every ticket e-mail: who is signed in, the portal, the preferences and
 *   the ticket. Without them a phone waited for the scripts, then who is signed in, then the page's
 *   chunk, then the ticket: three round trips after the page.
 */
export function firstScreenRequests(pathname: string, search: URLSearchParams): string[] {
  const ticket = TICKET_PATH.exec(pathname);
  if (ticket) return ['/api/auth/me', '/api/customer/portal', '/api/customer/preferences', `/api/customer/tickets/${ticket[1]}`];
  if (pathname !== PANEL_PATH) return [];
  const requests = ['/api/auth/me', '/api/customer/portal', '/api/customer/company', '/api/customer/preferences'];
  if (search.get('busca')?.trim()) return requests;
  return [...requests, '/api/customer/tickets/counts', `/api/customer/tickets?tab=${customerTabOfLink(search.get('aba'))}`];
}

/**
 * The web module a page's first screen renders when the router loads it lazily (its key in the web
 * build's manifest): the ticket page. The panel's first screen is in the entry chunk itself.
 */
export function firstScreenModule(pathname: string): string | null {
  return TICKET_PATH.test(pathname) ? 'src/features/customer-ticket/customer-ticket-page.tsx' : null;
}

/** One kept answer: its JSON text and, for answers the SPA revalidates, its ETag. */
export interface FirstAnswer {
  body: string;
  etag?: string;
}

/**
 * The first screen's answers for this page, asked of the app itself with the visitor's own cookie,
 * language and connection, so each one passes through the same session, role and data code as when
 * the SPA asks. Null unless the visitor is a signed-in contact and every answer was a 200: then the
 * page is the shared index.html and the SPA asks as before. Sent inside the page, they spare a phone
 * the round trip after the scripts load (a first screen that waited for HTML, scripts, then answers).
 */
export async function firstAnswersFor(app: Hono<AppEnv>, c: Context<AppEnv>): Promise<Record<string, FirstAnswer> | null> {
  const url = new URL(c.req.url);
  const requests = firstScreenRequests(url.pathname, url.searchParams);
  const cookie = c.req.header('cookie');
  if (requests.length === 0 || !cookie) return null;
  const headers: Record<string, string> = { cookie };
  const language = c.req.header('accept-language');
  if (language) headers['accept-language'] = language;
  const answers: Record<string, FirstAnswer> = {};
  for (const path of requests) {
    const response = await app.request(path, { headers }, c.env);
    // A visitor who is not a signed-in contact (signed out, an agent) gets the shared page.
    if (response.status !== 200) return null;
    const etag = response.headers.get('etag');
    answers[path] = { body: await response.text(), ...(etag ? { etag } : {}) };
  }
  return answers;
}

/**
 * The answers as a JSON data block for index.html. A data block is never run (the CSP's script-src is
 * untouched), and every "<" is escaped, so a ticket subject such as "</script><script>…" stays text.
 */
export function firstAnswersElement(answers: Record<string, FirstAnswer>): string {
  const json = JSON.stringify(answers).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="first-answers">${json}</script>`;
}
