import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireFolderLock, FolderLockedError, type FolderLock, type LockHolder } from './lock';

const held: FolderLock[] = [];
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
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
    await new Promise((r) => setTimeout(r, 80));
    expect(JSON.parse(fs.readFileSync(first.file, 'utf8')).heartbeatAt).not.toBe(before);
    first.release();
    expect(fs.existsSync(first.file)).toBe(false);
    expect(() => lock(dir, { purpose: 'next' })).not.toThrow();
  });

  it('notices when another process has taken the lock over, and stops beating', async () => {
    const dir = tempDir();
    const onLost = vi.fn();
    const mine = lock(dir, { purpose: 'stalled', heartbeatMs: 20, onLost });
    writeHolder(dir, { owner: 'the-taker', purpose: 'the taker' });
    await new Promise((r) => setTimeout(r, 80));
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost.mock.calls[0]![0]).toMatchObject({ owner: 'the-taker' });
    mine.release(); // must not delete the taker's lock
    expect(JSON.parse(fs.readFileSync(mine.file, 'utf8')).owner).toBe('the-taker');
  });
});
