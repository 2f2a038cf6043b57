import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { openStore } from '../../store/open-store.js';
import type { DocumentStore } from '../../store/types.js';
import { createOperationLock } from './operation-lock.js';

describe('operation lock', () => {
  let dir: string;
  let store: DocumentStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'a64-lock-'));
    store = await openStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('allows one operation per module across instances sharing the store', async () => {
    // Two lock objects over one store stand for two platform instances sharing a database.
    const instanceA = createOperationLock(store);
    const instanceB = createOperationLock(store);
    const lease = await instanceA.acquire('farm_manager', 'op-1', 'INSTALL');
    const refused = await instanceB.acquire('farm_manager', 'op-2', 'DISABLE').catch((error) => error);
    expect(isPlatformError(refused, 'OPERATION_IN_PROGRESS')).toBe(true);
    expect(refused.message).toContain('install');
    const other = await instanceB.acquire('inventory', 'op-3', 'ENABLE');
    await other.release();
    await lease.release();
    const again = await instanceB.acquire('farm_manager', 'op-4', 'UPGRADE');
    await again.release();
  });

  it('lets only one of many simultaneous acquirers win', async () => {
    const lock = createOperationLock(store);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => lock.acquire('inventory', `op-${i}`, 'ENABLE')));
    const won = results.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    await (won[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
  });

  it('takes over a lease its crashed holder never renewed', async () => {
    await store
      .collection('module_locks')
      .insertOne({ _id: 'farm_manager', operationId: 'dead', kind: 'INSTALL', owner: 'gone:1', expiresAt: new Date(Date.now() - 1000) });
    const lease = await createOperationLock(store).acquire('farm_manager', 'op-new', 'INSTALL');
    expect(await store.collection('module_locks').findOne({ _id: 'farm_manager' })).toMatchObject({ operationId: 'op-new' });
    await lease.release();
    expect(await store.collection('module_locks').countDocuments({})).toBe(0);
  });
});
