// The queries of queries/agent-api-tokens.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/agent-api-tokens.js';

export type * from '../../queries/agent-api-tokens.js';

export const insertAgentApiToken = write(sqlite.insertAgentApiToken, notOnPostgresYet('insertAgentApiToken'));
export const revokeAgentApiToken = write(sqlite.revokeAgentApiToken, notOnPostgresYet('revokeAgentApiToken'));
export const agentForApiToken = read(sqlite.agentForApiToken, notOnPostgresYet('agentForApiToken'));
export const listAgentApiTokens = read(sqlite.listAgentApiTokens, notOnPostgresYet('listAgentApiTokens'));
export const ownsAgentApiToken = read(sqlite.ownsAgentApiToken, notOnPostgresYet('ownsAgentApiToken'));
