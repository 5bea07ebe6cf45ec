import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { usePreferences, useSavePreferences, type Preferences } from '../../lib/preferences.js';

type Choice = Exclude<keyof Preferences, 'language'>;
const CHOICES: Choice[] = ['notifyUpdates', 'notifyReminders', 'notifyRatingRequests'];

/** "Preferências": the account's language and which ticket e-mails it gets; security e-mails always go. */
export function PreferencesPage() {
  const { t } = useI18n();
  const preferences = usePreferences();
  return (
    <section className="card narrow" aria-labelledby="preferences-title">
      <h1 id="preferences-title">{t('preferences.title')}</h1>
      {preferences.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : preferences.error ? (
        <ErrorMessage error={preferences.error} />
      ) : (
        <PreferencesForm initial={preferences.data} />
      )}
    </section>
  );
}

function PreferencesForm({ initial }: { initial: Preferences }) {
  const { t, setLocale } = useI18n();
  const save = useSavePreferences();
  const [value, setValue] = useState(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(value, { onSuccess: (saved) => setLocale(saved.language) });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="preferences-language">{t('preferences.language')}</label>
        <select id="preferences-language" value={value.language} onChange={(e) => setValue({ ...value, language: e.target.value as Preferences['language'] })}>
          <option value="pt-BR">Português (Brasil)</option>
          <option value="en">English</option>
        </select>
      </div>
      <fieldset className="preferences-mail">
        <legend>{t('preferences.mail')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className="check">
            <input type="checkbox" checked={value[choice]} onChange={(e) => setValue({ ...value, [choice]: e.target.checked })} />
            {t(`preferences.${choice}`)}
          </label>
        ))}
        <p className="hint">{t('preferences.security')}</p>
      </fieldset>
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('preferences.saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('preferences.save')}
      </button>
    </form>
  );
}
