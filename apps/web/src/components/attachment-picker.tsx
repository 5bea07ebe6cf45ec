import type { UploadedFile } from '@atende/contracts';
import { useState, type ChangeEvent } from 'react';
import { isApiError } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n/i18n.js';
import { uploadFiles } from '../lib/upload-files.js';
import { formatSize } from './attachment-list.js';

/**
 * The **Anexos** field: files are uploaded as soon as they are chosen (streamed to the server and checked
 * there by content); the form then sends their ids with the message. A refused file shows the server's
 * message under the field and nothing is kept.
 */
export function AttachmentPicker({ id, files, onChange, error }: { id: string; files: UploadedFile[]; onChange: (files: UploadedFile[]) => void; error?: string | undefined }) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    if (chosen.length === 0) return;
    setUploading(true);
    setUploadError(null);
    try {
      onChange([...files, ...(await uploadFiles(chosen))]);
    } catch (e) {
      setUploadError(isApiError(e) ? (e.body.fields?.files ?? e.body.message) : t('attachments.failed'));
    } finally {
      setUploading(false);
      input.value = '';
    }
  };
  const message = uploadError ?? error;
  return (
    <div className="field attachments-field">
      <label htmlFor={id}>{t('attachments.label')}</label>
      <input id={id} type="file" multiple onChange={(e) => void onPick(e)} disabled={uploading} aria-describedby={message ? `${id}-error` : undefined} aria-invalid={message ? true : undefined} />
      {uploading && <p role="status">{t('attachments.uploading')}</p>}
      {files.length > 0 && (
        <ul className="attachment-chosen" aria-label={t('attachments.chosen')}>
          {files.map((file) => (
            <li key={file.id}>
              {file.filename} <span className="muted">({formatSize(file.size)})</span>{' '}
              <button type="button" className="link-button" onClick={() => onChange(files.filter((f) => f.id !== file.id))}>
                {t('attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
