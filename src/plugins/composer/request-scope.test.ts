import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModuleHandle } from '../../sdk/types.js';
import { openEmbeddedStore } from '../../store/embedded/embedded-store.js';
import type { DocumentStore } from '../../store/types.js';
import { countingStore, testModuleHandle } from '../handle/module-handle.test-support.js';
import { createPermissionRegistry } from '../handle/permission-registry.js';
import { createModuleContextFactory } from './create-module-context-factory.js';
import { endRequestScope } from './request-scope.js';

let dataDir: string;
let store: DocumentStore;
const reads = vi.fn();

function moduleBase(): ModuleHandle {
  return testModuleHandle(
    countingStore(store, (...args) => reads(...args)),
    ['blocks'],
  );
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-scope-'));
  store = await openEmbeddedStore({ dataDir });
  await store.collection('blocks').insertMany([{ farmId: 'f1', name: 'north' }]);
  reads.mockClear();
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('endRequestScope', () => {
  it('makes every module context of the request forget its loaders’ reads; within the request they are remembered', async () => {
    const contextOf = createModuleContextFactory(moduleBase(), createPermissionRegistry());
    const request = { user: null };
    const { module } = contextOf(request);
    expect(contextOf(request).module).toBe(module);
    await module.loader('blocks', 'farmId').load('f1');
    await module.loader('blocks', 'farmId').load('f1');
    expect(reads).toHaveBeenCalledTimes(1);

    endRequestScope(request);
    // Anything that still holds the handle (a late promise, a stream) reads afresh: nothing is lost.
    expect(await module.loader('blocks', 'farmId').load('f1')).toEqual([expect.objectContaining({ name: 'north' })]);
    expect(reads).toHaveBeenCalledTimes(2);
    endRequestScope(request);
    endRequestScope(undefined);
    endRequestScope({});
  });

  it('leaves nothing a module can see on the request context', () => {
    const contextOf = createModuleContextFactory(moduleBase(), createPermissionRegistry());
    const request = { user: null };
    contextOf(request);
    expect(Object.keys(request)).toEqual(['user']);
    expect(JSON.stringify(request)).toBe('{"user":null}');
    expect({ ...request }).toEqual({ user: null });
  });
});
