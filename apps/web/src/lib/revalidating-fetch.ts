import { forgetFirstAnswers, takeFirstAnswer } from './first-answers.js';

/**
 * The fetch behind the typed client (api-client.ts): conditional GETs without the browser's HTTP cache
 * (issue 18). The BFF marks its authenticated answers `Cache-Control: no-store`, so the browser keeps
 * none of them; answers that carry an ETag (the panel's counts and tab pages) are kept here instead, in
 * this tab's memory, and the next GET of the same URL sends their tag. A 304 is handed to the caller
 * as the kept 200, so react-query and `unwrap` never see the difference.
 *
 * Bounded (the oldest answer goes first) and forgotten whenever the signed-in person changes
 * (forgetKeptAnswers, called by forgetSignedInData in session.ts). The server honours a tag only for
 * the contact it was made for, so even a leftover entry could not show one person another's panel.
 */
const MAX_KEPT = 64;
const kept = new Map<string, { etag: string; body: string; contentType: string }>();

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

export async function revalidatingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (method !== 'GET') return fetch(input, init);
  const url = urlOf(input);
  const last = kept.get(url);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (last) headers.set('If-None-Match', last.etag);
  // The first screen's answers came inside the page (first-answers.ts): kept as if just fetched.
  const first = takeFirstAnswer(url);
  const response = first
    ? new Response(first.body, { status: 200, headers: { 'Content-Type': 'application/json', ...(first.etag ? { ETag: first.etag } : {}) } })
    : await fetch(input, { ...init, headers });
  if (response.status === 304 && last) {
    kept.delete(url);
    kept.set(url, last); // most recently used last
    return new Response(last.body, { status: 200, headers: { 'Content-Type': last.contentType, ETag: last.etag } });
  }
  kept.delete(url);
  const etag = response.headers.get('ETag');
  if (response.ok && etag) {
    kept.set(url, { etag, body: await response.clone().text(), contentType: response.headers.get('Content-Type') ?? 'application/json' });
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  }
  return response;
}

/** Drops every kept answer: someone signed in or out. */
export function forgetKeptAnswers(): void {
  kept.clear();
  forgetFirstAnswers();
}
