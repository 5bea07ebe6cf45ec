/** The moment test data is made at, unless a test says otherwise (a Monday afternoon in São Paulo). */
export const TEST_NOW = Date.UTC(2026, 10, 23, 15, 0, 0);

/**
 * argon2id (m=19456, t=2, p=1, the BFF's parameters) of DEMO_PASSWORD, computed once and kept: hashing
 * on every test's setup cost more than most tests. apps/bff's password test checks it still verifies.
 */
export const TEST_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$OBaWMmjoqLoHNnnK1PQQ0A$6/JE3Ac8dPhK4SyjcKOM2QiW2gtgJEV0+fLESx+68nA';
