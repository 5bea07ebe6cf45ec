import { isApiError } from '../lib/api-client.js';
import { EN_ERROR_MESSAGES } from '../lib/i18n/error-messages.js';
import { useI18n } from '../lib/i18n/i18n.js';

/** Shows an API refusal in the user's language: the server's pt-BR message, or its English by code. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  let text = t('error.generic');
  if (isApiError(error)) text = (locale === 'en' ? EN_ERROR_MESSAGES[error.body.code] : undefined) ?? error.body.message;
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
