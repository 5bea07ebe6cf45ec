import type { ApiErrorBody } from '@atende/contracts';
import type { ApiType } from '@atende/bff/app';
import { hc } from 'hono/client';
import { initialLocale } from './i18n/i18n.js';
import { revalidatingFetch } from './revalidating-fetch.js';

/** The typed BFF client: request and response types come from the BFF's routes, never copied by hand. */
export const api = hc<ApiType>('/api', {
  init: { credentials: 'same-origin' },
  // GETs answered with an ETag are revalidated: a 304 comes back as the kept answer.
  fetch: revalidatingFetch,
  // The server writes its messages (errors, field messages) in the language chosen here (issue 15).
  headers: () => ({ 'Accept-Language': initialLocale() }),
});

/** An API refusal: a stable `code`, the server's message and per-field messages in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

/** Resolves a typed response to its JSON body, or throws ApiError with the server's code and message. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  response: Promise<R>,
): Promise<Awaited<ReturnType<R['json']>>> {
  const res = await response;
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(res.status, body ?? { code: 'internal_error', message: 'Erro inesperado.' });
  }
  return (await res.json()) as Awaited<ReturnType<R['json']>>;
}

export function isApiError(error: unknown, code?: ApiErrorBody['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.body.code === code);
}
