import { useCallback, useState } from 'react';

/**
 * Unsent text kept in this browser (localStorage) until it is sent: a reply or a "Não foi resolvido"
 * reason per ticket, the new-ticket form per origin. Keys carry the account, so two people sharing a
 * device never see each other's drafts; "Sair" deletes this browser's drafts (a shared computer).
 */
const PREFIX = 'atende.draft.';

export function draftKey(accountId: number | undefined, what: string): string | null {
  return accountId === undefined ? null : `${PREFIX}${accountId}.${what}`;
}

function read<T>(key: string | null, fallback: T): T {
  if (!key) return fallback;
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

function write(key: string | null, value: unknown, empty: boolean): void {
  if (!key) return;
  try {
    if (empty) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full or disabled storage only loses the safety net, never the typing itself.
  }
}

/** A value that survives reloads, expired sessions and closed tabs; `clear` once it was sent. */
export function useDraft<T>(key: string | null, empty: T, isEmpty: (value: T) => boolean) {
  const [value, setValue] = useState<T>(() => read(key, empty));
  const update = useCallback(
    (next: T) => {
      setValue(next);
      write(key, next, isEmpty(next));
    },
    [key, isEmpty],
  );
  const clear = useCallback(() => {
    setValue(empty);
    write(key, null, true);
  }, [key, empty]);
  return [value, update, clear] as const;
}

const isBlank = (text: string) => text === '';

/** A text draft (reply, reason). */
export function useTextDraft(key: string | null) {
  return useDraft<string>(key, '', isBlank);
}

/** Deletes every draft kept in this browser (on sign-out). */
export function clearAllDrafts(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing kept, nothing to delete.
  }
}
