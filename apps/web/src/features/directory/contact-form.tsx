import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextareaField } from '../../components/textarea-field.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { useCompanies, useSaveContact } from './directory-api.js';

export interface ContactFormValues {
  name: string;
  email: string;
  phone: string;
  companyId: string;
  /** One address a line. */
  extraEmails: string;
}

export const EMPTY_CONTACT: ContactFormValues = { name: '', email: '', phone: '', companyId: '', extraEmails: '' };

/** Novo contato and the contact's edit form: Nome, E-mail, Telefone, Empresa, other e-mails. */
export function ContactForm(props: { contactId: number | null; initial: ContactFormValues; title: string; onSaved?: (id: number) => void }) {
  const { t } = useConsoleI18n();
  const companies = useCompanies();
  const save = useSaveContact(props.contactId);
  const [form, setForm] = useState(props.initial);
  const errors = fieldErrorsOf(save.error);
  const extraError = Object.entries(errors).find(([field]) => field.startsWith('extraEmails'))?.[1];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        name: form.name,
        email: form.email,
        phone: form.phone.trim() || null,
        companyId: form.companyId ? Number(form.companyId) : null,
        extraEmails: form.extraEmails.split(/[\n,;]/).map((e) => e.trim()).filter(Boolean),
      },
      { onSuccess: (data) => props.onSaved?.(data.contact.id) },
    );
  };
  return (
    <form onSubmit={onSubmit} className="card" aria-label={props.title} noValidate>
      <h2>{props.title}</h2>
      <TextField id="contact-name" label={t('admin.name')} value={form.name} maxLength={120} onChange={(name) => setForm({ ...form, name })} error={errors.name} />
      <TextField id="contact-email" label={t('directory.email')} value={form.email} maxLength={254} onChange={(email) => setForm({ ...form, email })} error={errors.email} />
      <TextField id="contact-phone" label={t('contact.phone')} value={form.phone} maxLength={40} onChange={(phone) => setForm({ ...form, phone })} error={errors.phone} />
      <SelectField
        id="contact-company"
        label={t('directory.company')}
        value={form.companyId}
        onChange={(companyId) => setForm({ ...form, companyId })}
        options={companies.data ?? []}
        placeholder={t('contact.noCompany')}
        error={errors.companyId}
      />
      <TextareaField id="contact-extra-emails" label={t('contact.extraEmails')} value={form.extraEmails} onChange={(extraEmails) => setForm({ ...form, extraEmails })} error={extraError} />
      {save.error && !Object.keys(errors).length && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
