import { FIELD_MESSAGES_EN, newTicketInput, type NewTicketInput, type UploadedFile } from '@atende/contracts';
import { AttachmentPicker } from '../../components/attachment-picker.js';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextareaField } from '../../components/textarea-field.js';
import { isApiError } from '../../lib/api-client.js';
import { draftKey, useDraft } from '../../lib/drafts.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useMe } from '../../lib/session.js';
import { usePortalSwitches } from '../../lib/portal-switches.js';
import { useFileTicket, useNewTicketOptions } from './new-ticket-api.js';

type Field = 'departmentId' | 'subjectId' | 'subject' | 'body';
const FIELDS: Field[] = ['departmentId', 'subjectId', 'subject', 'body'];
type Draft = Record<Field, string>;
const EMPTY_DRAFT: Draft = { departmentId: '', subjectId: '', subject: '', body: '' };
const isEmptyDraft = (d: Draft) => FIELDS.every((f) => d[f] === '');

/** "Novo atendimento" from the Painel do Cliente: origin portal. */
export function NewTicketPage() {
  return <NewTicketScreen origin="portal" titleKey="newTicket.title" />;
}

/** The Central do Assinante page: origin hotsite. */
export function CentralDoAssinantePage() {
  return <NewTicketScreen origin="hotsite" titleKey="newTicket.hotsiteTitle" />;
}

function NewTicketScreen({ origin, titleKey }: { origin: NewTicketInput['origin']; titleKey: 'newTicket.title' | 'newTicket.hotsiteTitle' }) {
  const { t } = useI18n();
  const switches = usePortalSwitches();
  return (
    <section aria-labelledby="new-ticket-title">
      <h1 id="new-ticket-title">{t(titleKey)}</h1>
      {switches.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : switches.error ? (
        <ErrorMessage error={switches.error} />
      ) : switches.data.customersOpenTickets ? (
        <NewTicketForm origin={origin} landOnTicket={switches.data.customersSeeTickets} />
      ) : (
        <p className="notice">{t('newTicket.disabled')}</p>
      )}
    </section>
  );
}

/** `?referencia=N` (from a closed ticket that cannot be reopened) prefills the description. */
function useReference(): string {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const reference = search.get('referencia');
  return reference && /^[1-9]\d{0,15}$/.test(reference) ? t('newTicket.reference', { id: reference }) : '';
}

function NewTicketForm({ origin, landOnTicket }: { origin: NewTicketInput['origin']; landOnTicket: boolean }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const options = useNewTicketOptions();
  const file = useFileTicket();
  const reference = useReference();
  // The form is a draft kept in this browser until the ticket is filed (one per origin).
  const [saved, setDraft, clearDraft] = useDraft(draftKey(useMe().data?.id, `new-ticket.${origin}`), EMPTY_DRAFT, isEmptyDraft);
  const draft = isEmptyDraft(saved) && reference ? { ...saved, subject: reference } : saved;
  const { departmentId, subjectId, subject, body } = draft;
  const set = (field: Field) => (value: string) => setDraft({ ...draft, [field]: value });
  const setDepartmentId = set('departmentId');
  const setSubject = set('subject');
  const setBody = set('body');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  // One key per form: a double click or a retry of this same form returns the ticket already created.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [sentId, setSentId] = useState<number | null>(null);

  if (options.isPending) return <p role="status">{t('list.loading')}</p>;
  if (options.error) return <ErrorMessage error={options.error} />;
  if (sentId !== null) return <p role="status" className="notice">{t('newTicket.sent', { id: sentId })}</p>;
  const { departments, subjects } = options.data;
  if (departments.length === 0 || subjects.length === 0) return <p className="notice">{t('newTicket.noOptions')}</p>;

  const serverFields = isApiError(file.error) ? (file.error.body.fields ?? {}) : {};
  const errorOf = (field: Field): string | undefined => clientErrors[field] ?? serverFields[field];

  const onSubjectChange = (value: string) => {
    // The subject's default department is a good guess when none is chosen yet.
    const defaultDepartment = subjects.find((s) => String(s.id) === value)?.defaultDepartmentId;
    const guess = !departmentId && defaultDepartment && departments.some((d) => d.id === defaultDepartment) ? String(defaultDepartment) : departmentId;
    setDraft({ ...draft, subjectId: value, departmentId: guess });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file.isPending) return;
    const parsed = newTicketInput.safeParse({
      departmentId: departmentId ? Number(departmentId) : undefined,
      subjectId: subjectId ? Number(subjectId) : undefined,
      subject,
      body,
      origin,
      idempotencyKey,
      ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}),
    });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        // The schema's messages are pt-BR; English mode shows the server's English for the same text.
        if (FIELDS.includes(field)) errors[field] ??= locale === 'en' ? (FIELD_MESSAGES_EN[issue.message] ?? issue.message) : issue.message;
      }
      setClientErrors(errors);
      const first = FIELDS.find((f) => errors[f]);
      if (first) document.getElementById(`new-ticket-${first}`)?.focus();
      return;
    }
    setClientErrors({});
    file.mutate(parsed.data, {
      onSuccess: (data) => {
        clearDraft();
        if (landOnTicket) navigate(paths.customerTicket(data.ticket.id), { replace: true });
        else setSentId(data.ticket.id);
      },
    });
  };

  return (
    <form onSubmit={onSubmit} className="card new-ticket" noValidate>
      <p>{t('newTicket.intro')}</p>
      <SelectField
        id="new-ticket-departmentId"
        label={t('newTicket.department')}
        value={departmentId}
        onChange={setDepartmentId}
        options={departments}
        placeholder={t('newTicket.choose')}
        error={errorOf('departmentId')}
        required
      />
      <SelectField
        id="new-ticket-subjectId"
        label={t('newTicket.subject')}
        value={subjectId}
        onChange={onSubjectChange}
        options={subjects}
        placeholder={t('newTicket.choose')}
        error={errorOf('subjectId')}
        required
      />
      <TextField
        id="new-ticket-subject"
        label={t('newTicket.description')}
        value={subject}
        onChange={setSubject}
        maxLength={200}
        error={errorOf('subject')}
        required
      />
      <TextareaField id="new-ticket-body" label={t('newTicket.message')} rows={6} value={body} onChange={setBody} error={errorOf('body')} required />
      <AttachmentPicker id="new-ticket-files" files={files} onChange={setFiles} error={serverFields.attachmentIds} />
      {file.error && Object.keys(serverFields).length === 0 && <ErrorMessage error={file.error} />}
      <button type="submit" className="primary" aria-disabled={file.isPending || undefined}>
        {file.isPending ? t('newTicket.sending') : t('newTicket.submit')}
      </button>
    </form>
  );
}
