import { createHash } from 'node:crypto';
import { createAsyncMutex } from '../../store/async-mutex.js';
import { isDuplicateKeyError } from '../../store/store-errors.js';
import type { DocumentStore } from '../../store/types.js';
import { canonicalJson } from './canonical-json.js';

export const AUDIT_LOG_COLLECTION = 'audit_log';
const GENESIS = '0'.repeat(64);

/** One audited act: who did what to which module, and how it ended. Never holds secrets. */
export interface AuditEntry {
  _id: string;
  /** 1, 2, 3… in append order; unique, so two instances cannot both append entry n. */
  seq: number;
  at: Date;
  /** Email of the signed-in user, or 'system'. */
  actor: string;
  /** e.g. `module.enable`, `module.install`. */
  action: string;
  module: string | null;
  /** `SUCCEEDED`, `NO_OP`, or `FAILED:<CODE>`. */
  outcome: string;
  details: Record<string, unknown> | null;
  /** Hash of the previous entry (zeros for the first). */
  prevHash: string;
  /** sha256 over prevHash and this entry's fields: altering any entry breaks every later link. */
  hash: string;
  [field: string]: unknown;
}

export type NewAuditEntry = Pick<AuditEntry, 'actor' | 'action' | 'module' | 'outcome' | 'details'> & { at?: Date };

export interface AuditChainReport {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, when not ok. */
  brokenAt?: { seq: number; reason: string };
}

export interface AuditLogRepository {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first; `beforeSeq` pages further back. */
  list(options?: { limit?: number; module?: string; beforeSeq?: number }): Promise<AuditEntry[]>;
  /** Recomputes the chain from the first entry. */
  verify(): Promise<AuditChainReport>;
  ensureIndexes(): Promise<void>;
}

type HashedFields = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'module' | 'outcome' | 'details'>;

function entryHash(prevHash: string, entry: HashedFields): string {
  const { seq, at, actor, action, module, outcome, details } = entry;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ seq, at: at.toISOString(), actor, action, module, outcome, details }))
    .digest('hex');
}

/**
 * The append-only, hash-chained audit log (`audit_log`). There is no update or delete; each entry
 * carries the previous entry's hash, so editing or removing one is detected by `verify()`.
 */
export function createAuditLogRepository(store: DocumentStore): AuditLogRepository {
  const entries = store.collection<AuditEntry>(AUDIT_LOG_COLLECTION);
  const appending = createAsyncMutex();

  async function appendOnce({ at, ...fields }: NewAuditEntry): Promise<AuditEntry> {
    const last = await entries.findOne({}, { sort: { seq: -1 } });
    const body = { ...fields, seq: (last?.seq ?? 0) + 1, at: at ?? new Date() };
    const prevHash = last?.hash ?? GENESIS;
    return entries.insertOne({ ...body, prevHash, hash: entryHash(prevHash, body) });
  }

  return {
    append: (entry) =>
      appending.run(async () => {
        // Another instance may take the same seq first (unique index): read the tail again.
        for (let attempt = 0; ; attempt++) {
          try {
            return await appendOnce(entry);
          } catch (error) {
            if (!isDuplicateKeyError(error) || attempt >= 20) throw error;
          }
        }
      }),
    list: ({ limit = 50, module, beforeSeq } = {}) =>
      entries.find({ ...(module ? { module } : {}), ...(beforeSeq ? { seq: { $lt: beforeSeq } } : {}) }, { sort: { seq: -1 }, limit }),
    async verify() {
      const all = await entries.find({}, { sort: { seq: 1 } });
      let prevHash = GENESIS;
      for (const [index, entry] of all.entries()) {
        const { _id, hash, prevHash: linked, ...body } = entry;
        if (entry.seq !== index + 1)
          return {
            ok: false,
            entries: all.length,
            brokenAt: { seq: entry.seq, reason: `expected entry ${index + 1}: an entry was removed` },
          };
        if (linked !== prevHash)
          return { ok: false, entries: all.length, brokenAt: { seq: entry.seq, reason: 'link to the previous entry does not match' } };
        if (entryHash(prevHash, body as HashedFields) !== hash) {
          return { ok: false, entries: all.length, brokenAt: { seq: entry.seq, reason: 'entry content was altered' } };
        }
        prevHash = hash;
      }
      return { ok: true, entries: all.length };
    },
    ensureIndexes: () => entries.createIndex({ fields: { seq: 1 }, unique: true }),
  };
}
