import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { AutomationForm } from './automation-form.js';
import { CompanyClockForm } from './company-clock-form.js';
import { useAutomationSettings, useCompanyClock, useSignInSettings } from './settings-api.js';
import { SignInForm } from './sign-in-form.js';

/** Configurações: the company's clock and holidays, the automation policy, and sign-in by e-mail link (admins). */
export function SettingsPage() {
  const { t } = useConsoleI18n();
  const clock = useCompanyClock();
  const automation = useAutomationSettings();
  const signIn = useSignInSettings();
  if (clock.isPending || automation.isPending || signIn.isPending) return <p role="status">{t('list.loading')}</p>;
  if (clock.error) return <ErrorMessage error={clock.error} />;
  if (automation.error) return <ErrorMessage error={automation.error} />;
  if (signIn.error) return <ErrorMessage error={signIn.error} />;
  return (
    <>
      <CompanyClockForm initial={clock.data} year={new Date().getFullYear()} />
      <AutomationForm initial={automation.data} />
      <SignInForm initial={signIn.data} />
    </>
  );
}
