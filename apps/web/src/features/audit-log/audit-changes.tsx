import { useConsoleI18n } from '../../lib/i18n/console.js';

const show = (value: unknown) => (value === undefined || value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * What a change changed: each field whose value differs between `before` and `after`, as
 * "field: old → new" (a creation shows the new values only). Entries without before/after show nothing.
 */
export function AuditChanges({ details }: { details: unknown }) {
  const { t } = useConsoleI18n();
  if (!details || typeof details !== 'object' || !('after' in details)) return <>—</>;
  const { before, after } = details as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => show(before?.[k]) !== show(after?.[k]));
  if (keys.length === 0) return <>{t('audit.noChange')}</>;
  return (
    <ul className="plain-list">
      {keys.map((k) => (
        <li key={k}>
          {k}: {before ? `${show(before[k])} → ` : ''}
          {show(after?.[k])}
        </li>
      ))}
    </ul>
  );
}
