import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';

/** The server's refusal, with its per-field messages listed (the forms here validate on the server). */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = isApiError(error) ? Object.values(error.body.fields ?? {}) : [];
  return (
    <>
      <ErrorMessage error={error} />
      {fields.length > 0 && (
        <ul className="field-error">
          {fields.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
