// Runs in a worker thread (plain JavaScript: workers do not inherit the TypeScript loader).
// Its own connection copies committed WAL pages into the database file with PASSIVE checkpoints,
// which never wait for or block the server's readers and writer.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = FULL');

/** `requestId` ties the answer to a `checkpointNow()` call; timer ticks carry none. */
function checkpoint(requestId) {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpointed', walPages: result.log, copiedPages: result.checkpointed, requestId });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error), requestId });
  }
}

// everyMs = null: driven by hand only (tests), so nothing runs between two statements of the caller.
const timer = workerData.everyMs === null ? undefined : setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
  } else if (message?.type === 'checkpoint') {
    checkpoint(message.requestId);
  }
});
