import { useCallback, useEffect, useState } from 'react';
import { useI18n, type Locale } from './i18n/i18n.js';
import { useAgentPreferences, usePreferences, useSaveAgentPreferences, useSavePreferences } from './preferences.js';

/**
 * The account's language (issue 15), for contacts and agents alike: applied when the account's saved
 * language loads, saved when the person picks another. Returns what the language select calls.
 *
 * A language chosen before the account's saved one arrived wins over it, and is saved once it does: the
 * choice is neither undone by the late answer nor lost. Kept per account: another person signing in on
 * this tab starts from their own saved language.
 */
export function useAccountLocale(account: { kind: 'contact' | 'agent'; id: number } | null | undefined) {
  const { setLocale } = useI18n();
  const contact = usePreferences(account?.kind === 'contact');
  const agent = useAgentPreferences(account?.kind === 'agent');
  const { mutate: saveContact } = useSavePreferences();
  const { mutate: saveAgent } = useSaveAgentPreferences();
  const accountKey = account ? `${account.kind}:${account.id}` : null;
  const [chosen, setChosen] = useState<{ accountKey: string; locale: Locale } | null>(null);
  const chosenHere = chosen && chosen.accountKey === accountKey ? chosen.locale : null;
  const contactPreferences = account?.kind === 'contact' ? contact.data : undefined;
  const saved = account?.kind === 'agent' ? agent.data?.language : contactPreferences?.language;

  useEffect(() => {
    if (!saved) return;
    if (!chosenHere || chosenHere === saved) return setLocale(saved);
    // A contact's preferences are saved whole (the e-mail choices ride along unchanged).
    if (contactPreferences) saveContact({ ...contactPreferences, language: chosenHere });
    else saveAgent({ language: chosenHere });
  }, [saved, chosenHere, contactPreferences, saveContact, saveAgent, setLocale]);

  return useCallback(
    (next: Locale) => {
      setLocale(next);
      if (accountKey) setChosen({ accountKey, locale: next });
    },
    [accountKey, setLocale],
  );
}
