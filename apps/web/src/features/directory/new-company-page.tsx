import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { TextField } from '../../components/text-field.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { useCreateCompany } from './directory-api.js';

/** Clientes → Nova empresa: Nome, CNPJ/CPF, Telefone. */
export function NewCompanyPage() {
  const { t } = useConsoleI18n();
  const navigate = useNavigate();
  const create = useCreateCompany();
  const [form, setForm] = useState({ name: '', document: '', phone: '' });
  const errors = fieldErrorsOf(create.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: form.name, document: form.document.trim() || null, phone: form.phone.trim() || null },
      { onSuccess: (data) => void navigate(paths.directoryCompany(data.company.id)) },
    );
  };
  return (
    <section aria-labelledby="new-company-title">
      <p>
        <Link to={paths.directory}>{t('directory.back')}</Link>
      </p>
      <h1 id="new-company-title">{t('company.new')}</h1>
      <form onSubmit={onSubmit} className="card" aria-label={t('company.new')} noValidate>
        <TextField id="company-name" label={t('admin.name')} value={form.name} maxLength={120} onChange={(name) => setForm({ ...form, name })} error={errors.name} />
        <TextField id="company-document" label={t('company.document')} value={form.document} maxLength={40} onChange={(document) => setForm({ ...form, document })} error={errors.document} />
        <TextField id="company-phone" label={t('contact.phone')} value={form.phone} maxLength={40} onChange={(phone) => setForm({ ...form, phone })} error={errors.phone} />
        {create.error && !Object.keys(errors).length && <ErrorMessage error={create.error} />}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.save')}
        </button>
      </form>
    </section>
  );
}
