import { isApiError } from './api-client.js';

/** The per-field messages of a refused save, if any. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return isApiError(error) ? (error.body.fields ?? {}) : {};
}
