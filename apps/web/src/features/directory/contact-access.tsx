import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useMe } from '../../lib/session.js';
import { useContactAction } from './directory-api.js';

/** Portal access of a contact: invite (an e-mailed link to "Criar sua senha"); admins deactivate or reactivate. */
export function ContactAccess({ contactId, active }: { contactId: number; active: boolean }) {
  const { t } = useConsoleI18n();
  const me = useMe();
  const action = useContactAction(contactId);
  return (
    <div className="card" aria-label={t('contact.access')}>
      <p>{t(active ? 'contact.active' : 'contact.inactive')}</p>
      {active && (
        <button type="button" onClick={() => action.mutate('invitation')} disabled={action.isPending}>
          {t('contact.invite')}
        </button>
      )}{' '}
      {me.data?.role === 'admin' && (
        <button type="button" onClick={() => action.mutate(active ? 'deactivate' : 'reactivate')} disabled={action.isPending}>
          {t(active ? 'team.deactivate' : 'team.reactivate')}
        </button>
      )}
      {action.error && <ErrorMessage error={action.error} />}
      {action.isSuccess && <p role="status">{t(action.variables === 'invitation' ? 'contact.invited' : 'admin.saved')}</p>}
    </div>
  );
}
