// The queries of queries/team.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/team.js';
import * as pg from '../../pg/queries/team.js';

export type * from '../../queries/team.js';

export const findAgentByEmail = read(sqlite.findAgentByEmail, pg.findAgentByEmailPg);
export const getTeamMember = read(sqlite.getTeamMember, pg.getTeamMemberPg);
export const listTeam = read(sqlite.listTeam, pg.listTeamPg);
export const insertAgent = write(sqlite.insertAgent, pg.insertAgentPg);
export const updateTeamMember = write(sqlite.updateTeamMember, pg.updateTeamMemberPg);
export const countActiveAdmins = read(sqlite.countActiveAdmins, pg.countActiveAdminsPg);
