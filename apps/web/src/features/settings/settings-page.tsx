import { ErrorMessage } from '../../components/error-message.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { AutomationForm } from './automation-form.js';
import { CompanyClockForm } from './company-clock-form.js';
import { useAutomationSettings, useCompanyClock } from './settings-api.js';

/** Configurações: the company's clock and holidays, and the automation policy (admins). */
export function SettingsPage() {
  const { t } = useI18n();
  const clock = useCompanyClock();
  const automation = useAutomationSettings();
  if (clock.isPending || automation.isPending) return <p role="status">{t('list.loading')}</p>;
  if (clock.error) return <ErrorMessage error={clock.error} />;
  if (automation.error) return <ErrorMessage error={automation.error} />;
  return (
    <>
      <CompanyClockForm initial={clock.data} year={new Date().getFullYear()} />
      <AutomationForm initial={automation.data} />
    </>
  );
}

export { SettingsPage as Component };
