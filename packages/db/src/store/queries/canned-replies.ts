// The queries of queries/canned-replies.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/canned-replies.js';

export type * from '../../queries/canned-replies.js';

export const listCannedReplies = read(sqlite.listCannedReplies, notOnPostgresYet('listCannedReplies'));
export const getCannedReply = read(sqlite.getCannedReply, notOnPostgresYet('getCannedReply'));
export const createCannedReply = write(sqlite.createCannedReply, notOnPostgresYet('createCannedReply'));
export const deleteCannedReply = write(sqlite.deleteCannedReply, notOnPostgresYet('deleteCannedReply'));
