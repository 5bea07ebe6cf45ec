import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { useInvite, useMemberAction, useTeam, type TeamInvite } from './team-api.js';

const EMPTY: TeamInvite = { name: '', email: '', role: 'agent', departmentIds: [] };

/**
 * Equipe: who works tickets. Invite an agent or admin (an e-mailed link to "Criar sua senha"),
 * deactivate (sign-in refused, their open tickets back to the queue) and reactivate.
 */
export function TeamPage() {
  const { t } = useConsoleI18n();
  const team = useTeam();
  const action = useMemberAction();
  if (team.isPending) return <p role="status">{t('list.loading')}</p>;
  if (team.error) return <ErrorMessage error={team.error} />;
  const departmentName = new Map(team.data.departments.map((d) => [d.id, d.name]));
  return (
    <>
      <h2>{t('team.title')}</h2>
      <InviteForm departments={team.data.departments} />
      {action.error && <ErrorMessage error={action.error} />}
      {action.isSuccess && <p role="status">{t('admin.saved')}</p>}
      <table className="tickets" aria-label={t('team.title')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('directory.email')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">{t('admin.departments')}</th>
            <th scope="col">{t('team.status')}</th>
            <th scope="col">{t('team.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {team.data.members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>{t(m.role === 'admin' ? 'team.role.admin' : 'team.role.agent')}</td>
              <td>{m.departmentIds.map((id) => departmentName.get(id)).join(', ')}</td>
              <td>{t(!m.active ? 'team.status.inactive' : m.hasPassword ? 'team.status.active' : 'team.status.invited')}</td>
              <td>
                {m.active ? (
                  <>
                    {!m.hasPassword && (
                      <button type="button" onClick={() => action.mutate({ id: m.id, action: 'invitation' })} aria-label={t('team.resendFor', { name: m.name })}>
                        {t('team.resend')}
                      </button>
                    )}{' '}
                    <button type="button" onClick={() => action.mutate({ id: m.id, action: 'deactivate' })} aria-label={t('team.deactivateName', { name: m.name })}>
                      {t('team.deactivate')}
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => action.mutate({ id: m.id, action: 'reactivate' })} aria-label={t('team.reactivateName', { name: m.name })}>
                    {t('team.reactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function InviteForm({ departments }: { departments: { id: number; name: string }[] }) {
  const { t } = useConsoleI18n();
  const invite = useInvite();
  const [form, setForm] = useState<TeamInvite>(EMPTY);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = fieldErrorsOf(invite.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(form, {
      onSuccess: (data) => {
        setSentTo(data.member.email);
        setForm(EMPTY);
      },
    });
  };
  const toggle = (id: number, on: boolean) => setForm({ ...form, departmentIds: on ? [...form.departmentIds, id] : form.departmentIds.filter((d) => d !== id) });
  return (
    <form onSubmit={onSubmit} className="card admin-item" aria-label={t('team.invite')} noValidate>
      <h3>{t('team.invite')}</h3>
      <TextField id="invite-name" label={t('admin.name')} value={form.name} maxLength={120} onChange={(name) => setForm({ ...form, name })} error={errors.name} />
      <TextField id="invite-email" label={t('directory.email')} value={form.email} maxLength={254} onChange={(email) => setForm({ ...form, email })} error={errors.email} />
      <SelectField
        id="invite-role"
        label={t('team.role')}
        value={form.role}
        onChange={(role) => setForm({ ...form, role: role === 'admin' ? 'admin' : 'agent' })}
        options={[
          { id: 'agent', name: t('team.role.agent') },
          { id: 'admin', name: t('team.role.admin') },
        ]}
        placeholder={t('team.role')}
        error={errors.role}
      />
      <fieldset>
        <legend>{t('team.departmentsServed')}</legend>
        {departments.map((d) => (
          <label key={d.id} className="check">
            <input type="checkbox" checked={form.departmentIds.includes(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} /> {d.name}
          </label>
        ))}
        {errors.departmentIds && <p className="field-error">{errors.departmentIds}</p>}
      </fieldset>
      {invite.error && !Object.keys(errors).length && <ErrorMessage error={invite.error} />}
      {sentTo && !invite.error && <p role="status">{t('team.invited', { email: sentTo })}</p>}
      <button type="submit" className="primary" disabled={invite.isPending}>
        {t('team.inviteButton')}
      </button>
    </form>
  );
}
