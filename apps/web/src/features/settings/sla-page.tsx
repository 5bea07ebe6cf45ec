import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { Field } from '../../components/field.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useSaveSlaSettings, useSlaSettings, type Priority, type SlaSettings } from './settings-api.js';

const PRIORITIES: readonly Priority[] = ['urgente', 'alta', 'media', 'baixa'];
const KINDS = ['firstResponseHours', 'nextResponseHours'] as const;
type Kind = (typeof KINDS)[number];
type Texts = Record<Kind, Record<Priority, string>>;

/** Hours as the admin reads them: "1,5" in pt-BR. */
const toText = (hours: number, locale: string) => hours.toLocaleString(locale, { maximumFractionDigits: 2, useGrouping: false });
/** What was typed, as hours; anything that is not a number goes as null so the server says "Informe as horas.". */
function toHours(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/** Prazos de resposta (SLA): first- and next-response targets per priority, in business hours (admins). */
export function SlaPage() {
  const { t } = useConsoleI18n();
  const settings = useSlaSettings();
  if (settings.isPending) return <p role="status">{t('list.loading')}</p>;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  return <SlaForm initial={settings.data} />;
}

function SlaForm({ initial }: { initial: SlaSettings }) {
  const { t, locale } = useConsoleI18n();
  const save = useSaveSlaSettings();
  const [texts, setTexts] = useState<Texts>(() => ({
    firstResponseHours: Object.fromEntries(PRIORITIES.map((p) => [p, toText(initial.firstResponseHours[p], locale)])) as Record<Priority, string>,
    nextResponseHours: Object.fromEntries(PRIORITIES.map((p) => [p, toText(initial.nextResponseHours[p], locale)])) as Record<Priority, string>,
  }));
  const errors = fieldErrorsOf(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const table = (kind: Kind) => Object.fromEntries(PRIORITIES.map((p) => [p, toHours(texts[kind][p])])) as Record<Priority, number>;
    save.mutate({ firstResponseHours: table('firstResponseHours'), nextResponseHours: table('nextResponseHours') });
  };
  return (
    <form onSubmit={onSubmit} className="card sla-form" aria-labelledby="sla-title" noValidate>
      <h2 id="sla-title">{t('sla.title')}</h2>
      <p className="hint">{t('sla.intro')}</p>
      {KINDS.map((kind) => (
        <fieldset key={kind}>
          <legend>{t(kind === 'firstResponseHours' ? 'sla.firstResponse' : 'sla.nextResponse')}</legend>
          {PRIORITIES.map((p) => {
            const id = `sla-${kind}-${p}`;
            return (
              <Field key={p} id={id} label={t('sla.hoursFor', { priority: t(`priority.${p}`) })} error={errors[`${kind}.${p}`]}>
                {(aria) => (
                  <input
                    id={id}
                    inputMode="decimal"
                    value={texts[kind][p]}
                    onChange={(e) => setTexts({ ...texts, [kind]: { ...texts[kind], [p]: e.target.value } })}
                    {...aria}
                  />
                )}
              </Field>
            );
          })}
        </fieldset>
      ))}
      {save.error && !Object.keys(errors).length && <ErrorMessage error={save.error} />}
      {save.error && Object.keys(errors).length > 0 && <p role="alert" className="error">{t('sla.fixFields')}</p>}
      {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
