// The queries of queries/canned-replies.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/canned-replies.js';
import * as pg from '../../pg/queries/canned-replies.js';

export type * from '../../queries/canned-replies.js';

export const listCannedReplies = read(sqlite.listCannedReplies, pg.listCannedRepliesPg);
export const getCannedReply = read(sqlite.getCannedReply, pg.getCannedReplyPg);
export const createCannedReply = write(sqlite.createCannedReply, pg.createCannedReplyPg);
export const deleteCannedReply = write(sqlite.deleteCannedReply, pg.deleteCannedReplyPg);
