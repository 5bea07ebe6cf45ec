import { fillPlaceholders, type Placeholder, type TicketStatus } from '@atende/domain';
import type { UploadedFile } from '@atende/contracts';
import { AttachmentPicker } from '../../components/attachment-picker.js';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { usePostMessage } from './agent-api.js';
import { useCannedReplies } from './canned-replies-api.js';
import { DueDateField } from './due-date-field.js';
import { StatusSelect } from './status-form.js';

export interface ComposerHandle {
  /** Focus the message box as a public reply (`r`) or an internal note (`n`). */
  start: (visibility: 'public' | 'internal') => void;
}

/** The `/word` being typed just before the caret, if any: it opens the canned-reply menu. */
function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)\/([^\s/]*)$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : null;
}

/**
 * The composer: public reply or internal note, the status after replying, canned replies (type `/` or
 * pick one), Ctrl+Enter to send. What was typed stays after a refusal (a 409 included), so the agent
 * reads the newer messages and sends again.
 */
export const MessageForm = forwardRef<ComposerHandle, { ticketId: number; version: number; defaultVisibility: 'public' | 'internal'; placeholders: Record<Placeholder, string | number | null>; onDraftChange?: (hasText: boolean) => void }>(
  function MessageForm({ ticketId, version, defaultVisibility, placeholders, onDraftChange }, ref) {
    const { t } = useConsoleI18n();
    const post = usePostMessage(ticketId);
    const canned = useCannedReplies();
    const [body, setBody] = useState('');
    const [visibility, setVisibility] = useState<'public' | 'internal'>(defaultVisibility);
    const [nextStatus, setNextStatus] = useState<TicketStatus>('waiting_customer');
    const [dueDate, setDueDate] = useState('');
    const [files, setFiles] = useState<UploadedFile[]>([]);
    const [slash, setSlash] = useState<{ start: number; query: string } | null>(null);
    const textarea = useRef<HTMLTextAreaElement>(null);
    const form = useRef<HTMLFormElement>(null);
    const fieldError = isApiError(post.error) ? post.error.body.fields?.body : undefined;
    const filesError = isApiError(post.error) ? post.error.body.fields?.attachmentIds : undefined;

    // Every edit of the draft (typed, inserted, sent and emptied) tells the page's presence ("respondendo").
    useEffect(() => onDraftChange?.(body.trim() !== ''), [body, onDraftChange]);

    useImperativeHandle(ref, () => ({
      start: (v) => {
        setVisibility(v);
        textarea.current?.focus();
      },
    }));

    const matches = slash ? (canned.data?.items ?? []).filter((r) => r.title.toLowerCase().includes(slash.query.toLowerCase())).slice(0, 8) : [];

    const insert = (replyBody: string) => {
      const text = fillPlaceholders(replyBody, placeholders);
      const el = textarea.current;
      const caret = el?.selectionStart ?? body.length;
      const from = slash ? slash.start : caret;
      const next = body.slice(0, from) + text + body.slice(caret);
      setBody(next);
      setSlash(null);
      requestAnimationFrame(() => {
        el?.focus();
        el?.setSelectionRange(from + text.length, from + text.length);
      });
    };

    const onSubmit = (event: FormEvent) => {
      event.preventDefault();
      post.mutate(
        { body, visibility, expectedVersion: version, ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}), ...(visibility === 'public' ? { nextStatus, ...(dueDate ? { dueDate } : {}) } : {}) },
        {
          onSuccess: () => {
            setBody('');
            setDueDate('');
            setFiles([]);
          },
        },
      );
    };

    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.current?.requestSubmit();
        return;
      }
      if (slash && matches.length > 0 && event.key === 'Enter') {
        event.preventDefault();
        insert(matches[0]!.body);
      } else if (slash && event.key === 'Escape') {
        setSlash(null);
      }
    };

    return (
      <form ref={form} onSubmit={onSubmit} className="reply composer" noValidate aria-label={t('workspace.composer')}>
        <fieldset className="inline">
          <legend>{t('agent.visibility')}</legend>
          <label>
            <input type="radio" name="visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} />
            {t('agent.public')}
          </label>
          <label>
            <input type="radio" name="visibility" checked={visibility === 'internal'} onChange={() => setVisibility('internal')} />
            {t('agent.internalNote')}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="agent-message">{t('agent.message')}</label>
          <textarea
            id="agent-message"
            ref={textarea}
            rows={4}
            value={body}
            aria-describedby="agent-message-hint"
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => {
              setBody(e.target.value);
              setSlash(slashQuery(e.target.value, e.target.selectionStart));
            }}
            onKeyDown={onKeyDown}
          />
          <p id="agent-message-hint" className="hint">
            {t('workspace.composerHint')}
          </p>
          {fieldError && <p className="field-error">{fieldError}</p>}
        </div>
        {slash && (
          <div className="canned-menu" role="group" aria-label={t('canned.menu')}>
            {matches.length === 0 ? (
              <p className="empty">{t('canned.none')}</p>
            ) : (
              matches.map((r) => (
                <button key={r.id} type="button" onClick={() => insert(r.body)}>
                  {r.title}
                </button>
              ))
            )}
          </div>
        )}
        <div className="composer-row">
          <label className="inline-label">
            {t('canned.pick')}
            <select
              value=""
              onChange={(e) => {
                const reply = canned.data?.items.find((r) => r.id === Number(e.target.value));
                if (reply) insert(reply.body);
              }}
            >
              <option value="">—</option>
              {canned.data?.items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          {visibility === 'public' && (
            <label className="inline-label">
              {t('agent.nextStatus')}
              <StatusSelect id="agent-next-status" value={nextStatus} onChange={setNextStatus} />
            </label>
          )}
        </div>
        <AttachmentPicker id="agent-files" files={files} onChange={setFiles} error={filesError} />
        {visibility === 'public' && <DueDateField id="agent-reply-due" label="agent.replyDueDate" status={nextStatus} value={dueDate} onChange={setDueDate} />}
        {post.error && !fieldError && !filesError && <ErrorMessage error={post.error} />}
        {isApiError(post.error, 'conflict') && <p className="notice">{t('conflict.messageKept')}</p>}
        {post.isSuccess && <p role="status">{t('agent.sent')}</p>}
        <button type="submit" className="primary" disabled={post.isPending}>
          {t('agent.send')}
        </button>
      </form>
    );
  },
);
