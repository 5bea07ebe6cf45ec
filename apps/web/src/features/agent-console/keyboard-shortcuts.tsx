import { useEffect, useRef, useState } from 'react';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';

/** Typing in a field is typing, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts of the console (Freshdesk/Zammad style). Ignored while typing in a field or with
 * a modifier held, so they never eat text or browser shortcuts. `?` opens the list (ShortcutHelp).
 */
export function useShortcuts(handlers: Partial<Record<'j' | 'k' | 'r' | 'n' | '?', () => void>>) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const handler = latest.current[event.key as keyof typeof handlers];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

const SHORTCUTS: [string, ConsoleMessageKey][] = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['r', 'shortcuts.reply'],
  ['n', 'shortcuts.note'],
  ['Ctrl+Enter', 'shortcuts.send'],
  ['/', 'shortcuts.canned'],
  ['?', 'shortcuts.help'],
];

/** The `?` dialog listing every shortcut, plus a visible button for those who do not know `?`. */
export function ShortcutHelp({ extra = {} }: { extra?: Partial<Record<'j' | 'k' | 'r' | 'n', () => void>> }) {
  const { t } = useConsoleI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const show = () => {
    dialog.current?.showModal();
    setOpen(true);
  };
  useShortcuts({ ...extra, '?': show });
  return (
    <>
      <button type="button" className="shortcut-button" onClick={show} aria-haspopup="dialog" aria-expanded={open}>
        {t('shortcuts.open')}
      </button>
      <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={() => setOpen(false)} className="shortcut-dialog">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        {/* A description list, not a table: the page's ticket table stays the only table rows on screen. */}
        <dl className="shortcut-list">
          {SHORTCUTS.map(([key, label]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit">{t('shortcuts.close')}</button>
        </form>
      </dialog>
    </>
  );
}

const QUEUE_IDS_KEY = 'atende.queueIds';

/** The queue the agent last looked at, so j/k on a ticket page go to its next/previous ticket. */
export function rememberQueue(ids: number[]): void {
  try {
    sessionStorage.setItem(QUEUE_IDS_KEY, JSON.stringify(ids));
  } catch {
    // Storage refused (private mode): j/k on the ticket page just do nothing.
  }
}

export function neighbourInQueue(current: number, step: 1 | -1): number | null {
  try {
    const ids = JSON.parse(sessionStorage.getItem(QUEUE_IDS_KEY) ?? '[]') as number[];
    const at = ids.indexOf(current);
    if (at === -1) return null;
    return ids[at + step] ?? null;
  } catch {
    return null;
  }
}
