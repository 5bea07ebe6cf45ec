/**
 * makeTicketsDue in its own process (`make-due-child.ts <database file> <count> <now> <round>`), so the
 * bench's write never holds the load generator's event loop: pass-under-load.ts makes each cohort due
 * while the panel's load keeps running. Prints how many tickets changed.
 */
import { makeTicketsDue } from './automations.js';

const [databaseFile, count, now, round] = process.argv.slice(2);
if (!databaseFile || [count, now, round].some((n) => !Number.isFinite(Number(n)))) throw new Error('usage: make-due-child.ts <database file> <count> <now> <round>');
process.stdout.write(`${makeTicketsDue(databaseFile, Number(count), Number(now), Number(round))}\n`);
