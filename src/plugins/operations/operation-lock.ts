import { EventEmitter, once } from 'node:events';
import { hostname } from 'node:os';
import { isPlatformError, platformError } from '../../errors/index.js';
import { isDuplicateKeyError } from '../../store/store-errors.js';
import type { DocumentStore } from '../../store/types.js';
import type { OperationKind } from './types.js';

interface LockDocument {
  _id: string;
  operationId: string;
  kind: OperationKind;
  owner: string;
  expiresAt: Date;
  [field: string]: unknown;
}

export interface LockLease {
  /** Releases the lock (only if this lease still holds it). */
  release(): Promise<void>;
}

export interface AcquireOptions {
  /**
   * Wait for the running operation to end instead of refusing (the platform's own operations,
   * e.g. a license-driven disable). Default false: refused with OPERATION_IN_PROGRESS.
   */
  wait?: boolean;
  /** With `wait`: called once when the module is busy, with what holds it (to tell subscribers). */
  onWait?: (reason: string) => void;
}

export interface OperationLock {
  /** Takes the per-module lock, or throws OPERATION_IN_PROGRESS naming the running operation (unless `wait`). */
  acquire(module: string, operationId: string, kind: OperationKind, options?: AcquireOptions): Promise<LockLease>;
}

const OWNER = `${hostname()}:${process.pid}`;

/**
 * One operation per module at a time, across every instance sharing the store: the lock is a
 * document whose `_id` is the module name (unique by construction). A lease expires unless its
 * holder renews it, so a crashed instance cannot block a module forever.
 */
export function createOperationLock(store: DocumentStore, options: { leaseMs?: number; retryMs?: number } = {}): OperationLock {
  const locks = store.collection<LockDocument>('module_locks');
  const leaseMs = options.leaseMs ?? 60_000;
  // A waiter retries when this instance releases the module, or after retryMs (the holder may be another instance).
  const retryMs = options.retryMs ?? 1_000;
  const released = new EventEmitter().setMaxListeners(0);

  async function takeWaiting(module: string, operationId: string, kind: OperationKind, onWait?: (reason: string) => void): Promise<void> {
    let told = false;
    for (;;) {
      const next = once(released, module, { signal: AbortSignal.timeout(retryMs) }).catch(() => {});
      try {
        await take(module, operationId, kind);
        return;
      } catch (error) {
        if (!isPlatformError(error, 'OPERATION_IN_PROGRESS')) throw error;
        if (!told) onWait?.(error.message);
        told = true;
      }
      await next;
    }
  }

  async function take(module: string, operationId: string, kind: OperationKind): Promise<void> {
    const doc = { _id: module, operationId, kind, owner: OWNER, expiresAt: new Date(Date.now() + leaseMs) };
    try {
      await locks.insertOne(doc);
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Held: take it over only if the lease ran out (its holder crashed or hung).
    const stale = await locks.findOneAndUpdate(
      { _id: module, expiresAt: { $lt: new Date() } },
      { $set: { operationId, kind, owner: OWNER, expiresAt: doc.expiresAt } },
      { returnDocument: 'after' },
    );
    if (stale) return;
    const holder = await locks.findOne({ _id: module });
    throw platformError(
      'OPERATION_IN_PROGRESS',
      `Module ${module} is busy with ${holder?.kind.toLowerCase() ?? 'another operation'} (operation ${holder?.operationId ?? '?'}); try again when it finishes.`,
    );
  }

  return {
    async acquire(module, operationId, kind, acquireOptions = {}) {
      await (acquireOptions.wait ? takeWaiting(module, operationId, kind, acquireOptions.onWait) : take(module, operationId, kind));
      const renew = setInterval(() => {
        void locks.updateOne({ _id: module, operationId }, { $set: { expiresAt: new Date(Date.now() + leaseMs) } }).catch(() => {});
      }, leaseMs / 3);
      renew.unref();
      return {
        async release() {
          clearInterval(renew);
          await locks.deleteOne({ _id: module, operationId });
          released.emit(module);
        },
      };
    },
  };
}
