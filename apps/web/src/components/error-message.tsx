import { isApiError } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n/i18n.js';

/** Shows an API refusal: the server writes it in the language this page asked for (Accept-Language). */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  let text = t('error.generic');
  if (isApiError(error)) text = error.body.message;
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
