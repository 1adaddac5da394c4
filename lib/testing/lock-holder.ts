/**
 * A folder-lock holder in its own process, for db/lock.test.ts. It takes the lock on `dir`, prints "locked", blocks
 * its event loop with a busy loop for `blockMs`, prints "unblocked", then:
 * `release` releases and ends; `end` ends without releasing (the exit must not hang on the lock);
 * `wait` keeps running until killed, or until it notices its lock was taken over.
 *
 * Usage: node --import tsx lib/testing/lock-holder.ts <dir> <staleMs> <blockMs> <release|end|wait>
 */
import { acquireFolderLock } from '../../db/lock';

const [dir, staleMs, blockMs, then] = process.argv.slice(2);
const lock = acquireFolderLock(dir!, { purpose: 'the test holder', staleMs: Number(staleMs) });
console.log('locked');
const until = Date.now() + Number(blockMs);
while (Date.now() < until) {
  // busy: nothing else on this event loop runs
}
console.log('unblocked');
if (then === 'release') lock.release();
if (then === 'wait') setTimeout(() => undefined, 120_000);
