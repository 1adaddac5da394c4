import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireFolderLock, FolderLockedError, type FolderLock, type LockHolder } from './lock';

const held: FolderLock[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-lock-'));
}

function lock(dir: string, options: Parameters<typeof acquireFolderLock>[1]): FolderLock {
  const acquired = acquireFolderLock(dir, options);
  held.push(acquired);
  return acquired;
}

function writeHolder(dir: string, holder: Partial<LockHolder>): void {
  const base: LockHolder = {
    owner: 'someone-else',
    pid: process.pid,
    host: 'another-host',
    startedAt: new Date().toISOString(),
    heartbeatAt: new Date().toISOString(),
    purpose: 'another server',
  };
  fs.writeFileSync(path.join(dir, 'stacklens.lock'), JSON.stringify({ ...base, ...holder }));
}

/** A process's start as the kernel tells it (boot id, then field 22 of /proc/<pid>/stat), read independently of the lock. */
function kernelProcessStart(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return `${fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}/${afterName[19]}`;
}

interface Holder {
  child: ChildProcess;
  /** Resolves when the holder prints `line`. */
  printed(line: string): Promise<void>;
  exited: Promise<number | null>;
}

/** Starts lib/testing/lock-holder.ts in its own process. */
function startHolder(dir: string, staleMs: number, blockMs: number, then: 'release' | 'end' | 'wait'): Holder {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('lib', 'testing', 'lock-holder.ts'), dir, String(staleMs), String(blockMs), then],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let out = '';
  let err = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) if (out.split('\n').includes(w.line)) w.resolve();
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    printed: (line) =>
      new Promise<void>((resolve, reject) => {
        if (out.split('\n').includes(line)) return resolve();
        waiters.push({ line, resolve });
        void exited.then((code) => reject(new Error(`holder exited (${code}) before "${line}": ${err}`)));
      }),
    exited,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('acquireFolderLock', () => {
  it('writes pid, host, start time and heartbeat, readable only by the owner', () => {
    const dir = tempDir();
    const { file } = lock(dir, { purpose: 'the test' });
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    expect(holder).toMatchObject({ pid: process.pid, host: os.hostname(), purpose: 'the test' });
    expect(Date.parse(holder.heartbeatAt)).not.toBeNaN();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a second holder with an error that names the first', () => {
    const dir = tempDir();
    lock(dir, { purpose: 'the Stacklens server' });
    let error: unknown;
    try {
      acquireFolderLock(dir, { purpose: 'the CLI' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FolderLockedError);
    expect((error as Error).message).toMatch(
      new RegExp(`in use by the Stacklens server \\(pid ${process.pid} on ${os.hostname()}`),
    );
  });

  it('refuses a live lock held on another host', () => {
    const dir = tempDir();
    writeHolder(dir, {});
    expect(() => acquireFolderLock(dir, { purpose: 'the CLI' })).toThrow(/another server \(pid \d+ on another-host/);
  });

  it('takes over a lock whose heartbeat is stale', () => {
    const dir = tempDir();
    writeHolder(dir, { heartbeatAt: new Date(Date.now() - 31_000).toISOString() });
    const { file } = lock(dir, { purpose: 'the new server', staleMs: 30_000 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).purpose).toBe('the new server');
  });

  it('takes over at once a lock of a dead process on this host', () => {
    const dir = tempDir();
    writeHolder(dir, { host: os.hostname(), pid: 2 ** 22 + 12345 });
    expect(() => lock(dir, { purpose: 'after a crash' })).not.toThrow();
  });

  it('treats an unreadable lock file as free', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'stacklens.lock'), '{"half-writ');
    expect(() => lock(dir, { purpose: 'after a torn write' })).not.toThrow();
  });

  it('beats its heartbeat, and release frees the folder', async () => {
    const dir = tempDir();
    const first = lock(dir, { purpose: 'beating', staleMs: 300, heartbeatMs: 20 });
    const before = JSON.parse(fs.readFileSync(first.file, 'utf8')).heartbeatAt;
    await vi.waitFor(() => expect(JSON.parse(fs.readFileSync(first.file, 'utf8')).heartbeatAt).not.toBe(before));
    first.release();
    expect(fs.existsSync(first.file)).toBe(false);
    expect(() => lock(dir, { purpose: 'next' })).not.toThrow();
  });

  it('notices when another process has taken the lock over, and stops beating', async () => {
    const dir = tempDir();
    const onLost = vi.fn();
    const mine = lock(dir, { purpose: 'stalled', heartbeatMs: 20, onLost });
    writeHolder(dir, { owner: 'the-taker', purpose: 'the taker' });
    await vi.waitFor(() => expect(onLost).toHaveBeenCalled());
    await sleep(80); // several more beats: it stopped after the first that saw the taker
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost.mock.calls[0]![0]).toMatchObject({ owner: 'the-taker' });
    mine.release(); // must not delete the taker's lock
    expect(JSON.parse(fs.readFileSync(mine.file, 'utf8')).owner).toBe('the-taker');
  });

  it('takes over at once a lock of this pid that a process started at another time holds (a container restart)', () => {
    const dir = tempDir();
    // Fresh heartbeat, live pid (ours), this host: only the recorded process start tells it is a previous process.
    writeHolder(dir, { host: os.hostname(), pid: process.pid, processStart: '00000000-0000-0000-0000-000000000000/1' });
    const { file } = lock(dir, { purpose: 'after a restart' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).purpose).toBe('after a restart');
  });

  it('refuses a lock of this live pid whose recorded process start matches', () => {
    const dir = tempDir();
    writeHolder(dir, { host: os.hostname(), pid: process.pid, processStart: kernelProcessStart(process.pid) });
    expect(() => acquireFolderLock(dir, { purpose: 'the CLI' })).toThrow(FolderLockedError);
  });

  it('records the holding process start, and refuses others while that process lives', async () => {
    const dir = tempDir();
    const holder = startHolder(dir, 30_000, 0, 'wait');
    await holder.printed('locked');
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'stacklens.lock'), 'utf8')) as LockHolder;
    expect(recorded.pid).toBe(holder.child.pid);
    expect(recorded.processStart).toBe(kernelProcessStart(holder.child.pid!));
    expect(() => acquireFolderLock(dir, { purpose: 'the CLI' })).toThrow(FolderLockedError);
  });

  it('keeps the lock while the holder blocks its event loop for longer than the stale threshold', async () => {
    const dir = tempDir();
    const staleMs = 3_000; // beats every second
    const holder = startHolder(dir, staleMs, 9_000, 'release');
    await holder.printed('locked');
    await sleep(2 * staleMs); // the holder's main thread is still busy
    expect(() => lock(dir, { purpose: 'a second server', staleMs })).toThrow(FolderLockedError);
    expect(await holder.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'stacklens.lock'))).toBe(false);
  });

  it('a holder whose lock was taken over exits instead of writing on', async () => {
    const dir = tempDir();
    const holder = startHolder(dir, 1_500, 0, 'wait'); // beats every 0.5 s
    await holder.printed('unblocked');
    writeHolder(dir, { owner: 'the-taker', purpose: 'the taker' });
    expect(await holder.exited).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'stacklens.lock'), 'utf8')).owner).toBe('the-taker');
  });

  it('does not keep its process alive: a holder that ends without releasing exits and frees the folder', async () => {
    const dir = tempDir();
    const holder = startHolder(dir, 30_000, 0, 'end');
    expect(await holder.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'stacklens.lock'))).toBe(false);
  });
});
