import { Worker } from 'node:worker_threads';
import type { LockHolder } from './lock';

/**
 * The folder lock's heartbeat, on a worker thread of its own. The main event loop can be blocked for tens of seconds
 * (parsing a large CSV, a long PGlite query); a heartbeat on that loop went stale, and a second server took the
 * folder over while the first still ran (docs/data-contract.md §8). The worker beats as long as the process lives.
 *
 * Main thread and worker share one state word, so that `stop` can wait out a beat in flight: otherwise a beat's
 * rename could put the lock file back after release deleted it.
 */
const IDLE = 0;
const BEATING = 1;
const STOPPED = 2;

// Inline (`eval`) rather than a file of its own, so that Next's server bundle needs no extra entry point.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { file, holder, heartbeatMs, state } = workerData;
const word = new Int32Array(state);
const timer = setInterval(() => {
  if (Atomics.compareExchange(word, 0, ${IDLE}, ${BEATING}) !== ${IDLE}) return clearInterval(timer);
  try {
    let current = null;
    try {
      current = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {}
    if (current?.owner !== holder.owner) {
      clearInterval(timer);
      parentPort.postMessage(current);
      return;
    }
    const tmp = file + '.' + holder.owner + '.tmp';
    fs.writeFileSync(tmp, JSON.stringify({ ...holder, heartbeatAt: new Date().toISOString() }), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // A failed write (a full disk) is tried again on the next beat; if writes keep failing, the lock goes stale.
  } finally {
    Atomics.store(word, 0, ${IDLE});
    Atomics.notify(word, 0);
  }
}, heartbeatMs);
`;

/**
 * Starts beating `holder` into `file` every `heartbeatMs`. When the file names another owner (or is gone), the beat
 * stops and `onLost` runs on the main thread with what the file holds. Returns `stop`, which is synchronous (it runs
 * in `process.on('exit')`) and returns only once no beat can write again. The worker never keeps the process alive.
 */
export function startHeartbeat(
  file: string,
  holder: LockHolder,
  heartbeatMs: number,
  onLost: (current: LockHolder | null) => void,
): () => void {
  const state = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, holder, heartbeatMs, state: state.buffer } });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    while (Atomics.compareExchange(state, 0, IDLE, STOPPED) === BEATING) Atomics.wait(state, 0, BEATING, 100);
    void worker.terminate();
  };
  worker.on('message', (current: LockHolder | null) => {
    if (stopped) return;
    stop();
    onLost(current);
  });
  worker.on('error', (error) => console.error(`The heartbeat of the lock ${file} failed: ${error.message}`));
  // After the listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();
  return stop;
}
