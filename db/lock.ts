import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHeartbeat } from './lock-heartbeat';
import { processStart } from './process-start';

/**
 * An exclusive lock on an embedded-database folder. PGlite takes no lock of its own, and two processes on one
 * folder silently lose writes (docs/data-contract.md §8), so whoever opens the folder first holds a lock file with its pid,
 * its process start, host, start time and a heartbeat (beaten by a worker thread, `lock-heartbeat.ts`). A lock whose
 * heartbeat is older than `staleMs` (a crash, a killed container) is taken over; on this host, a lock whose pid is
 * dead, or alive but started at another time (another process with the same pid), is taken over at once.
 */
export interface LockHolder {
  owner: string;
  pid: number;
  /** `processStart(pid)` of the holder; null where unknown (no /proc), absent in older lock files. */
  processStart?: string | null;
  host: string;
  startedAt: string;
  heartbeatAt: string;
  purpose: string;
}

export class FolderLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${path.dirname(lockFile)} is in use by ${holder.purpose} ` +
        `(pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}, last heartbeat ${holder.heartbeatAt}). ` +
        `Stop it first, or point DATABASE_URL at PostgreSQL to share one database between processes.`,
    );
    this.name = 'FolderLockedError';
  }
}

export interface FolderLock {
  readonly file: string;
  release(): void;
}

export interface LockOptions {
  purpose: string;
  staleMs?: number;
  heartbeatMs?: number;
  /** Called when another process has taken the lock over (our heartbeat stopped: a suspended process); the default exits. */
  onLost?: (holder: LockHolder | null) => void;
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null; // missing, or half-written by a crash: treat as free
  }
}

function writeAtomically(file: string, holder: LockHolder): void {
  const tmp = `${file}.${holder.owner}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that wrote `holder` on this host has ended, even if its pid now names another process. */
function holderIsGone(holder: LockHolder): boolean {
  if (!pidIsAlive(holder.pid)) return true;
  const live = processStart(holder.pid);
  return holder.processStart != null && live !== null && live !== holder.processStart;
}

function isStale(holder: LockHolder, now: Date, staleMs: number): boolean {
  if (holder.host === os.hostname() && holderIsGone(holder)) return true;
  const beat = Date.parse(holder.heartbeatAt);
  return Number.isNaN(beat) || now.getTime() - beat > staleMs;
}

export function acquireFolderLock(dir: string, options: LockOptions): FolderLock {
  const staleMs = options.staleMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? Math.floor(staleMs / 3);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'stacklens.lock');
  const started = new Date().toISOString();
  const mine: LockHolder = {
    owner: randomUUID(),
    pid: process.pid,
    processStart: processStart(process.pid),
    host: os.hostname(),
    startedAt: started,
    heartbeatAt: started,
    purpose: options.purpose,
  };

  try {
    fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readHolder(file);
    if (holder && !isStale(holder, new Date(), staleMs)) throw new FolderLockedError(file, holder);
    // Take over. Two processes may race here; the rename is atomic, so re-reading tells who won.
    writeAtomically(file, mine);
    const winner = readHolder(file);
    if (winner?.owner !== mine.owner) throw new FolderLockedError(file, winner ?? mine);
  }

  let released = false;
  const stopHeartbeat = startHeartbeat(file, mine, heartbeatMs, (current) => {
    released = true;
    process.off('exit', release);
    (options.onLost ?? defaultOnLost)(current);
  });

  const release = () => {
    if (released) return;
    released = true;
    stopHeartbeat();
    if (readHolder(file)?.owner === mine.owner) fs.rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { file, release };
}

function defaultOnLost(holder: LockHolder | null): void {
  // Writing on would corrupt the other process's data: stop now.
  console.error(
    `Stacklens lost the lock on its embedded database${holder ? ` to pid ${holder.pid} on ${holder.host}` : ''}; exiting.`,
  );
  process.exit(1);
}
