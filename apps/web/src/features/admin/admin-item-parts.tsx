import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';

/** The on/off switches of an admin item (department, subject), labelled by their `admin.<flag>` text. */
export function FlagChecks<Flag extends string>(props: { flags: readonly Flag[]; values: Record<Flag, boolean>; onChange: (flag: Flag, on: boolean) => void }) {
  const { t } = useConsoleI18n();
  return props.flags.map((flag) => (
    <label key={flag} className="check">
      <input type="checkbox" checked={props.values[flag]} onChange={(e) => props.onChange(flag, e.target.checked)} />
      {t(`admin.${flag}` as ConsoleMessageKey)}
    </label>
  ));
}

/**
 * The end of an admin item's form: the save error not already shown beside a field, "Salvo", and the
 * Adicionar/Salvar button.
 */
export function SaveFooter(props: { isNew: boolean; error: Error | null; errorShownOnField: boolean; saved: boolean; pending: boolean }) {
  const { t } = useConsoleI18n();
  return (
    <>
      {props.error && !props.errorShownOnField && <ErrorMessage error={props.error} />}
      {props.saved && <p role="status">{t('admin.saved')}</p>}
      <button type="submit" className="primary" disabled={props.pending}>
        {props.isNew ? t('admin.add') : t('admin.save')}
      </button>
    </>
  );
}

/**
 * The state of one admin item's form: its fields (copied from `initial`, so the item's extra columns
 * are not sent back), the save's per-field errors, and the submit handler.
 */
export function useAdminItemForm<Input>(
  id: number | null,
  fields: Input,
  save: { mutate: (variables: { id: number | null; input: Input }) => void; error: Error | null },
) {
  const uid = useId();
  const [form, setForm] = useState<Input>(fields);
  const errors = fieldErrorsOf(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id, input: form });
  };
  return { uid, form, setForm, errors, onSubmit };
}
