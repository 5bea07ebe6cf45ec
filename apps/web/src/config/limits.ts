/** Same limit as contracts' RATING_COMMENT_MAX_LENGTH (not imported: it would pull zod into the bundle). */
export const RATING_COMMENT_MAX = 2000;
