import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import type { DocumentStore } from '../../store/types.js';
import { AUDIT_LOG_COLLECTION, type AuditLogRepository, createAuditLogRepository } from './audit-log-repository.js';

describe('hash-chained audit log', () => {
  let dir: string;
  let store: DocumentStore;
  let audit: AuditLogRepository;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'a64-audit-'));
    store = await openStore({ dataDir: dir });
    audit = createAuditLogRepository(store);
    await audit.ensureIndexes();
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const act = (n: number) => ({
    actor: 'root@example.test',
    action: 'module.enable',
    module: `m${n % 3}`,
    outcome: 'SUCCEEDED',
    details: { n, nested: { b: 1, a: 2 } },
  });

  it('chains entries appended concurrently and verifies', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, n) => audit.append(act(n))));
    const report = await audit.verify();
    expect(report).toEqual({ ok: true, entries: 30 });
    const newest = await audit.list({ limit: 5 });
    expect(newest.map((entry) => entry.seq)).toEqual([30, 29, 28, 27, 26]);
    const older = await audit.list({ limit: 5, beforeSeq: 26 });
    expect(older[0]?.seq).toBe(25);
    expect((await audit.list({ module: 'm1', limit: 100 })).every((entry) => entry.module === 'm1')).toBe(true);
  });

  it('detects an altered, removed or reordered entry', async () => {
    for (let n = 0; n < 5; n++) await audit.append(act(n));
    const raw = store.collection(AUDIT_LOG_COLLECTION);
    await raw.updateOne({ seq: 3 }, { $set: { outcome: 'FAILED:FORBIDDEN' } });
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: { seq: 3, reason: 'entry content was altered' } });
    await raw.updateOne({ seq: 3 }, { $set: { outcome: 'SUCCEEDED' } });
    expect((await audit.verify()).ok).toBe(true);
    await raw.deleteOne({ seq: 2 });
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: { seq: 3 } });
  });
});
