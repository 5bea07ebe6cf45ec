import type { SubjectInput } from '@atende/contracts';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { FlagChecks, SaveFooter, useAdminItemForm } from './admin-item-parts.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useDepartments, useSaveSubject, useSubjects } from './admin-api.js';

type Flag = 'active' | 'showOnHotsite';
const FLAGS: Flag[] = ['active', 'showOnHotsite'];
const EMPTY: SubjectInput = { name: '', active: true, showOnHotsite: false, defaultDepartmentId: null };

/** Subjects (assuntos, seed 003): "Mostrar no hotsite" decides whether customers may pick one. */
export function AdminSubjectsPage() {
  const { t } = useConsoleI18n();
  const subjects = useSubjects();
  const departments = useDepartments();
  if (subjects.isPending || departments.isPending) return <p role="status">{t('list.loading')}</p>;
  if (subjects.error || departments.error) return <ErrorMessage error={subjects.error ?? departments.error} />;
  const options = departments.data.map((d) => ({ id: d.id, name: d.name }));
  return (
    <>
      <h2>{t('admin.subjects')}</h2>
      {subjects.data.map((s) => (
        <SubjectForm key={s.id} id={s.id} initial={s} departments={options} />
      ))}
      <h2>{t('admin.new')}</h2>
      <SubjectForm key={`new-${subjects.data.length}`} id={null} initial={EMPTY} departments={options} />
    </>
  );
}

function SubjectForm({ id, initial, departments }: { id: number | null; initial: SubjectInput; departments: { id: number; name: string }[] }) {
  const { t } = useConsoleI18n();
  const save = useSaveSubject();
  const { uid, form, setForm, errors, onSubmit } = useAdminItemForm<SubjectInput>(id, {
    name: initial.name,
    active: initial.active,
    showOnHotsite: initial.showOnHotsite,
    defaultDepartmentId: initial.defaultDepartmentId,
  }, save);
  return (
    <form onSubmit={onSubmit} className="card admin-item" aria-label={id === null ? t('admin.new') : initial.name} noValidate>
      <TextField id={`${uid}-name`} label={t('admin.name')} value={form.name} maxLength={100} onChange={(name) => setForm({ ...form, name })} error={errors.name} />
      <FlagChecks flags={FLAGS} values={form} onChange={(flag, on) => setForm({ ...form, [flag]: on })} />
      <SelectField
        id={`${uid}-department`}
        label={t('admin.defaultDepartment')}
        value={form.defaultDepartmentId === null ? '' : String(form.defaultDepartmentId)}
        onChange={(value) => setForm({ ...form, defaultDepartmentId: value ? Number(value) : null })}
        options={departments}
        placeholder={t('admin.none')}
        error={errors.defaultDepartmentId}
      />
      <SaveFooter isNew={id === null} error={save.error} errorShownOnField={Boolean(errors.name || errors.defaultDepartmentId)} saved={save.isSuccess} pending={save.isPending} />
    </form>
  );
}
