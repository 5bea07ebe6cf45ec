// The queries of queries/agent-preferences.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/agent-preferences.js';

export type * from '../../queries/agent-preferences.js';

export const getAgentLanguage = read(sqlite.getAgentLanguage, notOnPostgresYet('getAgentLanguage'));
export const saveAgentLanguage = write(sqlite.saveAgentLanguage, notOnPostgresYet('saveAgentLanguage'));
