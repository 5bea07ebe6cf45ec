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
    const wait = this.extra.retryAfterSeconds;
    // A throttled user is told how long to wait, in minutes (ASVS 6.3.5 without an account-existence leak).
    const message = wait ? `Muitas tentativas. Aguarde ${waitText(wait)} e tente novamente.` : API_ERROR_MESSAGES_PT[this.code];
    return { code: this.code, message, ...this.extra };
  }
}

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return code in API_ERRORS;
}

function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minuto' : `${minutes} minutos`;
}
