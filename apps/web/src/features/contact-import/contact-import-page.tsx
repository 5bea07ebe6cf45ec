import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/select-field.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { fileToBase64, usePreviewImport, useRunImport, type ImportMapping } from './contact-import-api.js';

const FIELDS = ['name', 'email', 'phone', 'company'] as const;
type Choice = Record<(typeof FIELDS)[number], string>;

/**
 * Importar contatos (CSV): choose the file (UTF-8 or Windows-1252, `;` or `,`), check the columns,
 * simulate (per-row errors, nothing written), then import. Invitations only when the box is ticked.
 */
export function ContactImportPage() {
  const { t } = useConsoleI18n();
  const preview = usePreviewImport();
  const run = useRunImport();
  const [file, setFile] = useState<string | null>(null);
  const [choice, setChoice] = useState<Choice>({ name: '', email: '', phone: '', company: '' });
  const [invite, setInvite] = useState(false);

  const onFile = async (selected: File | undefined) => {
    run.reset();
    if (!selected) return;
    const base64 = await fileToBase64(selected);
    setFile(base64);
    preview.mutate(base64, {
      onSuccess: (data) => {
        const s = data.suggestedMapping;
        const str = (v: number | null | undefined) => (v === undefined || v === null ? '' : String(v));
        setChoice({ name: str(s.name), email: str(s.email), phone: str(s.phone), company: str(s.company) });
      },
    });
  };
  const mapping = (): ImportMapping | null =>
    choice.name && choice.email
      ? { name: Number(choice.name), email: Number(choice.email), phone: choice.phone ? Number(choice.phone) : null, company: choice.company ? Number(choice.company) : null }
      : null;
  const submit = (dryRun: boolean) => {
    const m = mapping();
    if (file && m) run.mutate({ fileBase64: file, mapping: m, dryRun, invite });
  };
  const columns = (preview.data?.headers ?? []).map((h, i) => ({ id: i, name: h || `#${i + 1}` }));

  return (
    <>
      <h2>{t('import.title')}</h2>
      <div className="card">
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
          <p className="hint">{t('import.hint')}</p>
        </div>
        {preview.error && <ErrorMessage error={preview.error} />}
        {preview.data && (
          <>
            <p role="status">{t('import.detected', { rows: String(preview.data.rowCount), encoding: preview.data.encoding, delimiter: preview.data.delimiter })}</p>
            <fieldset>
              <legend>{t('import.mapping')}</legend>
              {FIELDS.map((field) => (
                <SelectField
                  key={field}
                  id={`import-map-${field}`}
                  label={t(`import.field.${field}`)}
                  value={choice[field]}
                  onChange={(value) => setChoice({ ...choice, [field]: value })}
                  options={columns}
                  placeholder={t('import.notInFile')}
                />
              ))}
            </fieldset>
            <label className="check">
              <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} /> {t('import.invite')}
            </label>
            <p>
              <button type="button" onClick={() => submit(true)} disabled={run.isPending || !mapping()}>
                {t('import.dryRun')}
              </button>{' '}
              <button type="button" className="primary" onClick={() => submit(false)} disabled={run.isPending || !mapping()}>
                {t('import.run')}
              </button>
            </p>
          </>
        )}
        {run.error && <ErrorMessage error={run.error} />}
        {run.data && <ImportReport report={run.data} />}
      </div>
    </>
  );
}

function ImportReport({ report }: { report: { dryRun: boolean; total: number; valid: number; errorCount: number; created: number; updated: number; invited: number; errors: { line: number; field: string; message: string }[] } }) {
  const { t } = useConsoleI18n();
  return (
    <section aria-label={t('import.report')}>
      <p role="status">
        {report.dryRun
          ? t('import.dryRunResult', { total: String(report.total), valid: String(report.valid), errors: String(report.errorCount) })
          : t('import.result', { created: String(report.created), updated: String(report.updated), invited: String(report.invited), errors: String(report.errorCount) })}
      </p>
      {report.errors.length > 0 && (
        <table className="tickets" aria-label={t('import.errors')}>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.line}-${e.field}`}>
                <td>{e.line}</td>
                <td>{t(`import.field.${e.field as (typeof FIELDS)[number]}`)}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
