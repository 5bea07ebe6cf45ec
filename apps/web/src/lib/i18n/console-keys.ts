import type { ConsoleOnlyKey } from './console.pt-BR.js';
import type { MessageKey } from './pt-BR.js';

/** Any key a console page may show: the shared texts (pt-BR.ts) and the console's own (console.pt-BR.ts). */
export type ConsoleMessageKey = MessageKey | ConsoleOnlyKey;
