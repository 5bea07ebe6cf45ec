/**
 * The largest id or version either engine stores: PostgreSQL's `integer` columns (SQLite's are wider).
 * Every id and version a request carries is checked against it, so a number past it is a clear
 * "invalid" answer on both engines instead of a database error on one.
 */
export const MAX_DB_INT = 2_147_483_647;
