import type { DocumentStore } from '../../store/types.js';

/** Platform collection (the `module_` prefix is reserved): one document per coordinate and UTC day. */
export const FIELD_USAGE_COLLECTION = 'module_field_usage';

interface UsageDayDocument {
  _id: string;
  coordinate: string;
  /** `YYYY-MM-DD` (UTC): retention drops whole days. */
  day: string;
  count: number;
  lastUsedAt: Date;
  [field: string]: unknown;
}

/** How often a schema coordinate was used, and when last. */
export interface FieldUsageEntry {
  coordinate: string;
  count: number;
  lastUsedAt: Date | null;
}

export interface FieldUsageRepository {
  /** Adds counts to `day` (one upsert per coordinate). */
  add(day: string, entries: Iterable<{ coordinate: string; count: number; lastUsedAt: Date }>): Promise<void>;
  /** Every coordinate used on `day` or later, counts summed over the days. */
  since(day: string): Promise<FieldUsageEntry[]>;
  /** Deletes the days before `day`. */
  prune(day: string): Promise<void>;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function usageDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function createFieldUsageRepository(store: DocumentStore): FieldUsageRepository {
  const days = store.collection<UsageDayDocument>(FIELD_USAGE_COLLECTION);
  return {
    async add(day, entries) {
      for (const { coordinate, count, lastUsedAt } of entries) {
        await days.updateOne(
          { _id: `${day}|${coordinate}` },
          { $inc: { count }, $set: { lastUsedAt }, $setOnInsert: { coordinate, day } },
          { upsert: true },
        );
      }
    },
    async since(day) {
      const totals = new Map<string, FieldUsageEntry>();
      for (const document of await days.find({ day: { $gte: day } })) {
        const total = totals.get(document.coordinate);
        if (!total)
          totals.set(document.coordinate, { coordinate: document.coordinate, count: document.count, lastUsedAt: document.lastUsedAt });
        else {
          total.count += document.count;
          if (!total.lastUsedAt || document.lastUsedAt > total.lastUsedAt) total.lastUsedAt = document.lastUsedAt;
        }
      }
      return [...totals.values()];
    },
    async prune(day) {
      await days.deleteMany({ day: { $lt: day } });
    },
  };
}
