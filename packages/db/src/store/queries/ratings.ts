// The queries of queries/ratings.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/ratings.js';

export type * from '../../queries/ratings.js';

export const getRating = read(sqlite.getRating, notOnPostgresYet('getRating'));
export const addRatingComment = write(sqlite.addRatingComment, notOnPostgresYet('addRatingComment'));
export const ticketRatings = read(sqlite.ticketRatings, notOnPostgresYet('ticketRatings'));
export const listRatings = read(sqlite.listRatings, notOnPostgresYet('listRatings'));
