import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { KeyCodec } from './key-codec';
import { rowKey, type MirrorPort } from './mirror-port';

type Journal = Map<string, { table: string; value: unknown }>;

/** Thrown by every transaction after a write to the mirror failed: the store must be reopened. */
export class MirrorBrokenError extends Error {
  constructor(cause: unknown) {
    super(
      `Dalel could not write to the browser's extension storage (${cause instanceof Error ? cause.message : String(cause)}); nothing of the last change was kept. Close and reopen Dalel's pages.`,
    );
    this.name = 'MirrorBrokenError';
    this.cause = cause;
  }
}

/**
 * The mirror's writer: the journal of each read-write transaction (row key → new value, or
 * `null` for a deleted row), written to the port in one atomic call once the in-memory
 * transaction has committed, strictly in commit order. The transaction is reported complete to
 * Dexie — and so to the repository that awaits it — only after its write, and every earlier one,
 * has landed: a sealed capture and its custody event are on disk together when Dalel says so.
 */
export class MirrorWriter {
  private tail: Promise<void> = Promise.resolve();
  broken: MirrorBrokenError | null = null;
  readonly keys = new KeyCodec();

  constructor(
    private readonly port: MirrorPort,
    private readonly onBroken: (error: MirrorBrokenError) => void,
  ) {}

  /** Queues a journal; resolves when it (and everything before it) is stored. */
  write(journal: Journal): Promise<void> {
    const next = this.tail.then(async () => {
      if (this.broken) throw this.broken;
      if (journal.size === 0) return;
      const entries: Record<string, unknown> = {};
      for (const [key, { table, value }] of journal)
        entries[key] =
          table === 'keys' && value
            ? await this.keys.encode(value as Record<string, unknown>)
            : value;
      try {
        await this.port.write(entries);
      } catch (error) {
        this.broken = new MirrorBrokenError(error);
        this.onBroken(this.broken);
        throw this.broken;
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Waits for every queued write. */
  settled(): Promise<void> {
    return this.tail;
  }
}

type Handler = ((event: Event) => void) | null;

/**
 * Wraps a read-write transaction so Dexie's `oncomplete` runs only after the journal is written;
 * if the write fails, Dexie's `onabort` runs instead, with the write's error, and the caller's
 * transaction rejects. Everything else is the real transaction.
 */
function deferredCompletion(
  real: DBCoreTransaction & IDBTransaction,
  persist: () => Promise<void>,
): DBCoreTransaction {
  let onComplete: Handler = null;
  let onAbort: Handler = null;
  let failure: unknown = null;
  real.oncomplete = (event) => {
    persist().then(
      () => onComplete?.(event),
      (error: unknown) => {
        failure = error;
        onAbort?.(event);
      },
    );
  };
  real.onabort = (event) => onAbort?.(event);
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'error' && failure) return failure;
      if (prop === 'oncomplete') return onComplete;
      if (prop === 'onabort') return onAbort;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
    set(target, prop, value) {
      if (prop === 'oncomplete') onComplete = value as Handler;
      else if (prop === 'onabort') onAbort = value as Handler;
      else Reflect.set(target, prop, value, target);
      return true;
    },
  });
}

/**
 * The Dexie DBCore middleware under everything else (below the encryption middleware, so what it
 * mirrors is exactly what IndexedDB would have stored: ciphertext under the lock). It records
 * every mutation of a read-write transaction in that transaction's journal.
 */
export function mirrorMiddleware(writer: MirrorWriter): Middleware<DBCore> {
  const journals = new WeakMap<object, Journal>();
  return {
    stack: 'dbcore',
    name: 'DalelMirror',
    level: -20,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          if (writer.broken) throw writer.broken;
          const real = down.transaction(stores, mode, options) as DBCoreTransaction &
            IDBTransaction;
          if (mode !== 'readwrite') return real;
          const journal: Journal = new Map();
          const wrapped = deferredCompletion(real, () => writer.write(journal));
          journals.set(wrapped, journal);
          return wrapped;
        },
        table(name): DBCoreTable {
          const table = down.table(name);
          const primaryKey = table.schema.primaryKey;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const journal = journals.get(req.trans);
              if (!journal) return table.mutate(req);
              let deleted: unknown[] = [];
              if (req.type === 'deleteRange')
                deleted = await table
                  .query({
                    trans: req.trans,
                    query: { index: primaryKey, range: req.range },
                    values: false,
                  })
                  .then((r) => r.result);
              const res = await table.mutate(req);
              const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
              if (req.type === 'add' || req.type === 'put') {
                req.values.forEach((value, i) => {
                  if (failed.has(i)) return;
                  const key = req.keys?.[i] ?? res.results?.[i] ?? primaryKey.extractKey!(value);
                  journal.set(rowKey(name, key), { table: name, value: structuredClone(value) });
                });
              } else {
                const keys = req.type === 'delete' ? req.keys : deleted;
                for (const key of keys)
                  journal.set(rowKey(name, key), { table: name, value: null });
              }
              return res;
            },
          };
        },
      };
    },
  };
}
