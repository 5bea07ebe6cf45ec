import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';
import { useNotificationPreferences, useSaveNotificationPreferences } from './notifications-api.js';

/** Which notifications the agent also gets by e-mail (each kind on/off). */
export function NotificationPreferencesPage() {
  const { t } = useConsoleI18n();
  const prefs = useNotificationPreferences();
  if (prefs.isPending) return <p role="status">{t('list.loading')}</p>;
  if (prefs.error) return <ErrorMessage error={prefs.error} />;
  return <PreferencesForm kinds={[...prefs.data.kinds]} initial={[...prefs.data.emailKinds]} />;
}

function PreferencesForm({ kinds, initial }: { kinds: string[]; initial: string[] }) {
  const { t } = useConsoleI18n();
  const save = useSaveNotificationPreferences();
  const [chosen, setChosen] = useState(new Set(initial));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate([...chosen]);
  };
  return (
    <section aria-labelledby="prefs-title">
      <h1 id="prefs-title">{t('notifications.preferences')}</h1>
      <form onSubmit={onSubmit} className="card">
        <fieldset>
          <legend>{t('notifications.preferencesIntro')}</legend>
          {kinds.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(kind)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(kind);
                  else next.delete(kind);
                  setChosen(next);
                }}
              />{' '}
              {t(`notifications.kind.${kind}` as ConsoleMessageKey)}
            </label>
          ))}
        </fieldset>
        {save.error && <ErrorMessage error={save.error} />}
        {save.isSuccess && <p role="status">{t('notifications.saved')}</p>}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('notifications.save')}
        </button>
      </form>
    </section>
  );
}
