import { Worker } from 'node:worker_threads';
import type { PGlite, Results } from '@electric-sql/pglite';

/**
 * Embedded PGlite on a worker thread of its own. PGlite runs Postgres compiled to WebAssembly on the thread that
 * owns it, so on the server's own thread a 1-second query held every other request for that second, and a page's
 * loading shell could not be sent before its slowest query was done (bench/README.md). On its own thread the
 * database works while the server parses, renders and answers other requests; queries still run one at a time, in
 * the order they arrive, as before.
 *
 * The main thread holds a client with the part of PGlite's interface that Drizzle's PGlite driver uses: `query`
 * (with `rowMode` and the result types to leave as text) and `transaction`, whose callback runs here while the
 * worker holds the transaction open. Results and errors cross the thread boundary by structured clone; an error
 * keeps its Postgres fields (`code`, `constraint`, `detail`, …), which callers test.
 */

type Request =
  | { op: 'query'; sql: string; params: unknown[]; rowMode: 'array' | 'object'; asText: number[]; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> };

// Inline (`eval`) rather than a file of its own, so that Next's server bundle needs no extra entry point. The
// worker resolves '@electric-sql/pglite' from the working directory, the project's, as the server and the CLI run.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require('@electric-sql/pglite');
const pg = new PGlite(workerData.dataDir);
const txs = new Map();
const ROLLBACK = Symbol('rollback');
const keepText = (value) => value;
const reply = (id, value) => parentPort.postMessage({ id, ok: true, value });
const fail = (id, error) => {
  const fields = {};
  for (const [key, value] of Object.entries(error ?? {})) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  parentPort.postMessage({ id, ok: false, error: { ...fields, name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
};
const handlers = {
  query: ({ sql, params, rowMode, asText, tx }) => {
    const client = tx === undefined ? pg : txs.get(tx)?.client;
    if (!client) throw new Error('The transaction ' + tx + ' is not open');
    const parsers = Object.fromEntries(asText.map((type) => [type, keepText]));
    return client.query(sql, params, { rowMode, parsers });
  },
  begin: (_, id) =>
    new Promise((began, failed) => {
      let open = false;
      const ended = pg.transaction(
        (client) =>
          new Promise((commit, rollback) => {
            open = true;
            txs.set(id, { client, commit, rollback, ended });
            began(id);
          }),
      );
      ended.catch((error) => (open ? undefined : failed(error)));
    }),
  end: async ({ tx, commit }) => {
    const open = txs.get(tx);
    if (!open) throw new Error('The transaction ' + tx + ' is not open');
    txs.delete(tx);
    if (commit) open.commit();
    else open.rollback(ROLLBACK);
    try {
      await open.ended;
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return null;
  },
  close: () => pg.close().then(() => null),
};
pg.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, message: String(error?.message ?? error) }),
);
parentPort.on('message', ({ id, request }) => {
  Promise.resolve()
    .then(() => handlers[request.op](request, id))
    .then((value) => reply(id, value), (error) => fail(id, error));
});
`;

/** The part of a PGlite transaction Drizzle uses. */
export interface PgliteThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Drizzle passes identity parsers for the types it reads as text (dates, timestamps, intervals, numeric[]). */
  parsers?: Record<number, (value: string, type: number) => unknown>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Made when the request was sent, so a failure points at the code that asked. */
  error: Error;
}

export class PgliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Why the thread stopped, once it has: every later request fails with it. */
  #stopped: Error | undefined;
  readonly ready: Promise<void>;

  /** `dataDir`: the folder of the database's files; none, in memory. */
  constructor(dataDir: string | undefined) {
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { dataDir } });
    this.ready = new Promise((resolve, reject) => {
      const onReady = (message: { ready?: boolean; message?: string }) => {
        if (!('ready' in message)) return;
        this.#worker.off('message', onReady);
        if (message.ready) resolve();
        else reject(new Error(`The embedded database did not start: ${message.message}`));
        this.#updateRef();
      };
      this.#worker.on('message', onReady);
      this.#worker.once('error', reject);
    });
    this.#worker.on('message', (reply: Reply | { ready: boolean }) => {
      if ('id' in reply) this.#settle(reply);
    });
    this.#worker.on('error', (error) => this.#stop(new Error(`The embedded database's thread failed: ${error.message}`)));
    this.#worker.on('exit', () => this.#stop(new Error("The embedded database's thread has stopped.")));
  }

  query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<T>> {
    return this.#send({ op: 'query', sql, params, ...queryMode(options) }) as Promise<Results<T>>;
  }

  /** Runs `work` inside one transaction, committed when it returns and rolled back when it throws. */
  async transaction<T>(work: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
    const tx = (await this.#send({ op: 'begin' })) as number;
    const client: PgliteThreadTransaction = {
      query: <R>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
        this.#send({ op: 'query', tx, sql, params, ...queryMode(options) }) as Promise<Results<R>>,
    };
    let result: T;
    try {
      result = await work(client);
    } catch (error) {
      await this.#send({ op: 'end', tx, commit: false }).catch(() => undefined);
      throw error;
    }
    // A commit can fail (a deferred constraint or trigger): then the transaction's caller sees that error.
    await this.#send({ op: 'end', tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (!this.#stopped) await this.#send({ op: 'close' });
    await this.#worker.terminate();
  }

  /** The client Drizzle's PGlite driver takes: it calls only `query` and `transaction`. */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }

  #send(request: Request): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, error: new Error() });
      this.#updateRef();
      this.#worker.postMessage({ id, request });
    });
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    this.#updateRef();
    if (reply.ok) return pending.resolve(reply.value);
    const { message, name, ...fields } = reply.error;
    pending.error.message = String(message);
    pending.error.name = String(name);
    pending.reject(Object.assign(pending.error, fields));
  }

  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const pending of this.#pending.values()) pending.reject(reason);
    this.#pending.clear();
  }

  /** The thread keeps the process alive only while a request waits on it, as a socket would. */
  #updateRef(): void {
    if (this.#pending.size > 0) this.#worker.ref();
    else this.#worker.unref();
  }
}

/** The row mode and the result types to leave as text, from Drizzle's query options. */
function queryMode(options: QueryOptions): { rowMode: 'array' | 'object'; asText: number[] } {
  const asText = Object.entries(options.parsers ?? {}).map(([type, parse]) => {
    // Only "leave it as text" crosses the thread; any other parser would silently be lost, so it is refused.
    if (parse('2024-01-01', Number(type)) !== '2024-01-01') throw new Error(`Unsupported parser for type ${type}`);
    return Number(type);
  });
  return { rowMode: options.rowMode ?? 'object', asText };
}
