// Runs on its own thread (its own event loop): holds the database's write lock, sends one
// request to the app and waits for the answer, and only then lets the lock go. If the app
// answered only after writing, it could not have answered before this release.
/* global fetch */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { dbPath, url, headers, body } = workerData;
const db = new Database(dbPath);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
try {
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  const issuesWhileLocked = db.prepare('SELECT count(*) AS n FROM issues').get().n;
  parentPort.postMessage({ status: res.status, text, issuesWhileLocked });
} finally {
  db.exec('COMMIT');
  db.close();
}
