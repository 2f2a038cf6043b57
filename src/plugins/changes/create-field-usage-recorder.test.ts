import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import type { DocumentStore } from '../../store/types.js';
import { createFieldUsageRecorder } from './create-field-usage-recorder.js';
import { createFieldUsageRepository, FIELD_USAGE_COLLECTION, type FieldUsageRepository } from './field-usage-repository.js';

const DAY = 86_400_000;

describe('field usage recorder', () => {
  let dir: string;
  let store: DocumentStore;
  let clock: number;
  const warnings: unknown[] = [];
  const recorderOn = (repository: FieldUsageRepository) =>
    createFieldUsageRecorder({
      repository,
      retentionDays: 30,
      logger: { warn: (entry: unknown) => warnings.push(entry) },
      now: () => clock,
    });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'a64-usage-'));
    store = await openStore({ dataDir: dir, mongodbUrl: undefined, mongodbDb: 'a64' });
    clock = Date.parse('2026-03-01T10:00:00Z');
    warnings.length = 0;
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts in memory, writes one document per coordinate and day on flush, and sums across days', async () => {
    const recorder = recorderOn(createFieldUsageRepository(store));
    recorder.record(['Query.farms', 'Farm.name']);
    recorder.record(['Query.farms']);
    expect(await store.collection(FIELD_USAGE_COLLECTION).countDocuments({})).toBe(0);
    expect((await recorder.usage()).get('Query.farms')?.count).toBe(2);
    await recorder.flush();
    expect(await store.collection(FIELD_USAGE_COLLECTION).countDocuments({})).toBe(2);
    clock += DAY;
    recorder.record(['Query.farms']);
    await recorder.flush();
    const usage = await recorder.usage();
    expect(usage.get('Query.farms')).toEqual({ coordinate: 'Query.farms', count: 3, lastUsedAt: new Date(clock) });
    expect(usage.get('Farm.name')?.count).toBe(1);
  });

  it('forgets days past the retention window', async () => {
    const recorder = recorderOn(createFieldUsageRepository(store));
    recorder.record(['Query.old']);
    await recorder.flush();
    clock += 30 * DAY;
    recorder.record(['Query.new']);
    await recorder.flush();
    const usage = await recorder.usage();
    expect([...usage.keys()]).toEqual(['Query.new']);
    expect(await store.collection(FIELD_USAGE_COLLECTION).countDocuments({ coordinate: 'Query.old' })).toBe(0);
  });

  it('keeps the counts of a failed flush for the next one', async () => {
    const real = createFieldUsageRepository(store);
    let fail = true;
    const flaky: FieldUsageRepository = {
      ...real,
      add: (day, entries) => (fail ? Promise.reject(new Error('store down')) : real.add(day, entries)),
    };
    const recorder = recorderOn(flaky);
    recorder.record(['Query.farms']);
    await recorder.flush();
    expect(warnings).toHaveLength(1);
    recorder.record(['Query.farms']);
    fail = false;
    await recorder.flush();
    expect((await real.since('2026-01-01')).map((e) => [e.coordinate, e.count])).toEqual([['Query.farms', 2]]);
  });
});
