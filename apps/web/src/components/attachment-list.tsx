import { useState } from 'react';
import { useI18n } from '../lib/i18n/i18n.js';
import { attachmentUrl, thumbnailUrl } from '../lib/upload-files.js';

export interface AttachmentItem {
  id: number;
  filename: string;
  mime: string;
  size: number;
}

/** Images a browser shows and the server serves inline (checked by content): shown as thumbnails. */
const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A message's files: thumbnails for images (open full size), download links for the rest. */
export function AttachmentList({ ticketId, attachments }: { ticketId: number; attachments: readonly AttachmentItem[] }) {
  const { t } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('attachments.ofMessage')}>
      {attachments.map((file) => (
        <li key={file.id}>
          {THUMBNAIL_TYPES.has(file.mime) ? (
            <ImageThumbnail ticketId={ticketId} file={file} />
          ) : (
            <a href={attachmentUrl(ticketId, file.id)} download={file.filename}>
              {file.filename}
            </a>
          )}{' '}
          <span className="muted">({formatSize(file.size)})</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The server's small thumbnail, linking to the full image. An image the server could not read (no
 * thumbnail) shows as its name, a link to the file like any other.
 */
function ImageThumbnail({ ticketId, file }: { ticketId: number; file: AttachmentItem }) {
  const [failed, setFailed] = useState(false);
  return (
    <a href={attachmentUrl(ticketId, file.id)} target="_blank" rel="noopener noreferrer">
      {failed ? file.filename : <img className="thumbnail" src={thumbnailUrl(ticketId, file.id)} alt={file.filename} loading="lazy" width={120} height={90} onError={() => setFailed(true)} />}
    </a>
  );
}
