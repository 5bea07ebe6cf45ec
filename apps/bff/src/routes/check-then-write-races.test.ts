import { checkThenWriteRaces } from '../testing/race-scenarios.js';
import { createTestApp } from '../testing/test-app.js';

// On SQLite a check read outside the write's transaction sees committed data only, so a write queued
// by another request in the same turn slips in between (group commit).
checkThenWriteRaces('SQLite', () => createTestApp());
