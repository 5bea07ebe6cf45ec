// The queries of queries/ratings.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/ratings.js';
import * as pg from '../../pg/queries/ratings.js';

export type * from '../../queries/ratings.js';

export const getRating = read(sqlite.getRating, pg.getRatingPg);
export const addRatingComment = write(sqlite.addRatingComment, pg.addRatingCommentPg);
export const ticketRatings = read(sqlite.ticketRatings, pg.ticketRatingsPg);
export const listRatings = read(sqlite.listRatings, pg.listRatingsPg);
