/**
 * The first screen's API answers, sent inside the page by the BFF (apps/bff/src/http/first-answers.ts)
 * when a signed-in customer opens the panel: the first GET of each of those paths is answered from
 * here instead of the network, once, so the panel shows as soon as the scripts run. Anything else,
 * and any later GET of the same path, goes to the server as usual.
 */
export interface FirstAnswer {
  body: string;
  etag?: string;
}

let pending: Map<string, FirstAnswer> | null = null;

function readFromPage(): Map<string, FirstAnswer> {
  const element = globalThis.document?.getElementById('first-answers');
  if (!element) return new Map();
  element.remove();
  try {
    return new Map(Object.entries(JSON.parse(element.textContent ?? '{}') as Record<string, FirstAnswer>));
  } catch {
    return new Map(); // an unreadable block costs the round trip it was meant to save, nothing more
  }
}

/** The path and query of a request URL, as the BFF keys its answers ("/api/customer/tickets?tab=all"). */
function keyOf(url: string): string {
  const parsed = new URL(url, 'http://page.invalid');
  return parsed.pathname + parsed.search;
}

/** The page's answer for this GET, handed out once; undefined when the page brought none for it. */
export function takeFirstAnswer(url: string): FirstAnswer | undefined {
  pending ??= readFromPage();
  const key = keyOf(url);
  const answer = pending.get(key);
  pending.delete(key);
  return answer;
}

/** Someone signed in or out: the page's answers were another person's view. */
export function forgetFirstAnswers(): void {
  pending = new Map();
}
