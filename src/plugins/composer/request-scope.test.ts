import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModuleHandle } from '../../sdk/types.js';
import { openEmbeddedStore } from '../../store/embedded/embedded-store.js';
import type { DocumentStore } from '../../store/types.js';
import { createModuleHandle } from '../handle/create-module-handle.js';
import { createPermissionRegistry } from '../handle/permission-registry.js';
import { createModuleContextFactory } from './create-module-context-factory.js';
import { endRequestScope } from './request-scope.js';

let dataDir: string;
let store: DocumentStore;
const finds = vi.fn();

const manifest = {
  module_name: 'farmish',
  display_name: 'Farmish',
  version: '1.0.0',
  description: 'test',
  author: 'test',
  entry: 'index.js',
  dependencies: {},
  database_collections: ['blocks'],
  permissions: [],
  license_required: false,
};

/** The module's store, counting the finds its loaders make. */
function countingFinds(inner: DocumentStore): DocumentStore {
  return {
    ...inner,
    kind: inner.kind,
    collection(name) {
      const collection = inner.collection(name);
      return Object.assign(Object.create(collection), {
        find: (...args: Parameters<typeof collection.find>) => {
          finds(name);
          return collection.find(...args);
        },
      });
    },
  } as DocumentStore;
}

function moduleBase(): ModuleHandle {
  return createModuleHandle({
    manifest: manifest as never,
    store: countingFinds(store),
    logger: { child: () => ({}) } as never,
    services: {},
  }).handle;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-scope-'));
  store = await openEmbeddedStore({ dataDir });
  await store.collection('blocks').insertMany([{ farmId: 'f1', name: 'north' }]);
  finds.mockClear();
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
    expect(finds).toHaveBeenCalledTimes(1);

    endRequestScope(request);
    // Anything that still holds the handle (a late promise, a stream) reads afresh: nothing is lost.
    expect(await module.loader('blocks', 'farmId').load('f1')).toEqual([expect.objectContaining({ name: 'north' })]);
    expect(finds).toHaveBeenCalledTimes(2);
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
