import type { DepartmentInput } from '@atende/contracts';
import { ErrorMessage } from '../../components/error-message.js';
import { TextField } from '../../components/text-field.js';
import { FlagChecks, SaveFooter, useAdminItemForm } from './admin-item-parts.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useDepartments, useSaveDepartment } from './admin-api.js';

type Flag = 'active' | 'servesTickets' | 'servesExternal';
const FLAGS: Flag[] = ['active', 'servesTickets', 'servesExternal'];
const EMPTY: DepartmentInput = { name: '', active: true, servesTickets: true, servesExternal: false };

/** Departments (seed 003): only active ones that "presta atendimento" and "externo" reach the portal. */
export function AdminDepartmentsPage() {
  const { t } = useConsoleI18n();
  const query = useDepartments();
  if (query.isPending) return <p role="status">{t('list.loading')}</p>;
  if (query.error) return <ErrorMessage error={query.error} />;
  return (
    <>
      <h2>{t('admin.departments')}</h2>
      {query.data.map((d) => (
        <DepartmentForm key={d.id} id={d.id} initial={d} />
      ))}
      <h2>{t('admin.new')}</h2>
      <DepartmentForm key={`new-${query.data.length}`} id={null} initial={EMPTY} />
    </>
  );
}

function DepartmentForm({ id, initial }: { id: number | null; initial: DepartmentInput }) {
  const { t } = useConsoleI18n();
  const save = useSaveDepartment();
  const { uid, form, setForm, errors, onSubmit } = useAdminItemForm<DepartmentInput>(id, {
    name: initial.name,
    active: initial.active,
    servesTickets: initial.servesTickets,
    servesExternal: initial.servesExternal,
  }, save);
  return (
    <form onSubmit={onSubmit} className="card admin-item" aria-label={id === null ? t('admin.new') : initial.name} noValidate>
      <TextField id={`${uid}-name`} label={t('admin.name')} value={form.name} maxLength={100} onChange={(name) => setForm({ ...form, name })} error={errors.name} />
      <FlagChecks flags={FLAGS} values={form} onChange={(flag, on) => setForm({ ...form, [flag]: on })} />
      <SaveFooter isNew={id === null} error={save.error} errorShownOnField={Boolean(errors.name)} saved={save.isSuccess} pending={save.isPending} />
    </form>
  );
}
