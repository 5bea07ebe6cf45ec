// The queries of queries/team.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/team.js';

export type * from '../../queries/team.js';

export const findAgentByEmail = read(sqlite.findAgentByEmail, notOnPostgresYet('findAgentByEmail'));
export const getTeamMember = read(sqlite.getTeamMember, notOnPostgresYet('getTeamMember'));
export const listTeam = read(sqlite.listTeam, notOnPostgresYet('listTeam'));
export const insertAgent = write(sqlite.insertAgent, notOnPostgresYet('insertAgent'));
export const updateTeamMember = write(sqlite.updateTeamMember, notOnPostgresYet('updateTeamMember'));
export const countActiveAdmins = read(sqlite.countActiveAdmins, notOnPostgresYet('countActiveAdmins'));
