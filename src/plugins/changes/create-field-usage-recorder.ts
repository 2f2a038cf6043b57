import type { Logger } from '../../logging/index.js';
import { type FieldUsageEntry, type FieldUsageRepository, usageDay } from './field-usage-repository.js';

export interface FieldUsageRecorderOptions {
  repository: FieldUsageRepository;
  /** Usage older than this many days is forgotten (`USAGE_RETENTION_DAYS`, default 30). */
  retentionDays: number;
  logger: Pick<Logger, 'warn'>;
  /** Injected in tests; default `Date.now`. */
  now?: () => number;
}

/** Counts in memory, written to the store by `flush` (periodically), never once per request. */
export interface FieldUsageRecorder {
  /** Counts one use of each coordinate. Synchronous and allocation-light: it runs on every request. */
  record(coordinates: readonly string[]): void;
  /** Writes the pending counts and drops days past the retention window. */
  flush(): Promise<void>;
  /** Usage within the retention window, by coordinate, pending counts included. */
  usage(): Promise<Map<string, FieldUsageEntry>>;
  /** Flushes every `intervalMs` until the returned disposer runs (which flushes once more). */
  start(intervalMs: number): () => Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * The in-memory side of field usage. A failed flush keeps its counts for the next one (logged
 * once per failure, never thrown at a request).
 *
 * @example const recorder = createFieldUsageRecorder({ repository, retentionDays: 30, logger }); const stop = recorder.start(60_000);
 */
export function createFieldUsageRecorder(options: FieldUsageRecorderOptions): FieldUsageRecorder {
  const now = options.now ?? Date.now;
  let pending = new Map<string, { count: number; last: number }>();
  let flushing: Promise<void> = Promise.resolve();
  const firstKeptDay = () => usageDay(new Date(now() - (options.retentionDays - 1) * DAY_MS));

  async function write(): Promise<void> {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const entries = [...batch].map(([coordinate, { count, last }]) => ({ coordinate, count, lastUsedAt: new Date(last) }));
    try {
      await options.repository.add(usageDay(new Date(now())), entries);
      await options.repository.prune(firstKeptDay());
    } catch (error) {
      for (const [coordinate, entry] of batch) {
        const newer = pending.get(coordinate);
        pending.set(coordinate, newer ? { count: newer.count + entry.count, last: Math.max(newer.last, entry.last) } : entry);
      }
      options.logger.warn({ err: error }, 'could not write field usage; keeping the counts for the next flush');
    }
  }

  const recorder: FieldUsageRecorder = {
    record(coordinates) {
      const at = now();
      for (const coordinate of coordinates) {
        const entry = pending.get(coordinate);
        if (entry) {
          entry.count++;
          entry.last = at;
        } else pending.set(coordinate, { count: 1, last: at });
      }
    },
    flush() {
      // One flush at a time, in order: a timer flush and a planner's flush never interleave.
      flushing = flushing.then(write);
      return flushing;
    },
    async usage() {
      const stored = await options.repository.since(firstKeptDay());
      const merged = new Map(stored.map((entry) => [entry.coordinate, { ...entry }]));
      for (const [coordinate, { count, last }] of pending) {
        const entry = merged.get(coordinate);
        const lastUsedAt = new Date(last);
        if (!entry) merged.set(coordinate, { coordinate, count, lastUsedAt });
        else {
          entry.count += count;
          if (!entry.lastUsedAt || lastUsedAt > entry.lastUsedAt) entry.lastUsedAt = lastUsedAt;
        }
      }
      return merged;
    },
    start(intervalMs) {
      const timer = setInterval(() => void recorder.flush(), intervalMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await recorder.flush();
      };
    },
  };
  return recorder;
}
