import { API_ERROR_MESSAGES_PT, API_ERRORS, type ApiErrorBody, type ApiErrorCode } from '@atende/contracts';

/** The one error type routes throw; `onError` turns it into `{ code, message }` with its HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly extra: Pick<ApiErrorBody, 'fields' | 'retryAfterSeconds'> = {},
  ) {
    super(code);
  }

  get status(): (typeof API_ERRORS)[ApiErrorCode] {
    return API_ERRORS[this.code];
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: API_ERROR_MESSAGES_PT[this.code], ...this.extra };
  }
}

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return code in API_ERRORS;
}
