// The queries of queries/agent-api-tokens.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/agent-api-tokens.js';
import * as pg from '../../pg/queries/agent-api-tokens.js';

export type * from '../../queries/agent-api-tokens.js';

export const insertAgentApiToken = write(sqlite.insertAgentApiToken, pg.insertAgentApiTokenPg);
export const revokeAgentApiToken = write(sqlite.revokeAgentApiToken, pg.revokeAgentApiTokenPg);
export const agentForApiToken = read(sqlite.agentForApiToken, pg.agentForApiTokenPg);
export const listAgentApiTokens = read(sqlite.listAgentApiTokens, pg.listAgentApiTokensPg);
export const ownsAgentApiToken = read(sqlite.ownsAgentApiToken, pg.ownsAgentApiTokenPg);
