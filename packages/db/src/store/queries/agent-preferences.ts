// The queries of queries/agent-preferences.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/agent-preferences.js';
import * as pg from '../../pg/queries/agent-preferences.js';

export type * from '../../queries/agent-preferences.js';

export const getAgentLanguage = read(sqlite.getAgentLanguage, pg.getAgentLanguagePg);
export const saveAgentLanguage = write(sqlite.saveAgentLanguage, pg.saveAgentLanguagePg);
