import type { ConsoleMessageKey } from './console-keys.js';
import { consolePtBR } from './console.pt-BR.js';
import { registerConsoleMessages, useI18n, type Translate } from './i18n.js';

// Every console page reaches its texts through this module, so importing it is what loads them:
// they come with the console's chunks, never with the customer's first load.
registerConsoleMessages(consolePtBR);

type ConsoleI18n = Omit<ReturnType<typeof useI18n>, 't'> & { t: Translate<ConsoleMessageKey> };

/** useI18n for the agent console: its `t` also knows the console's texts. */
export function useConsoleI18n(): ConsoleI18n {
  return useI18n() as ConsoleI18n;
}
