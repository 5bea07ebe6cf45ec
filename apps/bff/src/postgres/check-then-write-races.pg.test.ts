import { checkThenWriteRaces } from '../testing/race-scenarios.js';
import { createPgTestApp } from '../testing/pg-test-app.js';

// On PostgreSQL the two requests run on two pooled connections at the same time.
checkThenWriteRaces('PostgreSQL', () => createPgTestApp());
