import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it, vi } from 'vitest';
import { createModuleContextFactory } from '../plugins/composer/create-module-context-factory.js';
import { countingStore, testModuleHandle } from '../plugins/handle/module-handle.test-support.js';
import { createPermissionRegistry } from '../plugins/handle/permission-registry.js';
import type { ModuleHandle } from '../sdk/types.js';
import { openEmbeddedStore } from '../store/embedded/embedded-store.js';
import { DateTimeScalar } from './resolvers/scalars.js';
import { useJitExecution } from './use-jit-execution.js';

async function post(yoga: ReturnType<typeof createYoga>, query: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('useJitExecution', () => {
  it('runs queries with custom scalars (DateTime) compiled too, not through graphql-js', async () => {
    const executors: boolean[] = [];
    const schema = makeExecutableSchema({
      typeDefs: 'scalar DateTime type Row { at: DateTime! n: Int! } type Query { rows: [Row!]! }',
      resolvers: {
        DateTime: DateTimeScalar,
        Query: {
          rows: () => {
            // graphql-jit runs resolvers from its compiled function; graphql-js from executeField.
            executors.push(/graphql-jit/.test(new Error().stack ?? ''));
            return [{ at: '2026-11-25T06:00:00.000Z', n: 1 }];
          },
        },
      },
    });
    const yoga = createYoga({ schema, plugins: [useJitExecution()], logging: false });
    expect(await post(yoga, '{ rows { n } }')).toEqual({ data: { rows: [{ n: 1 }] } });
    expect(await post(yoga, '{ rows { at n } }')).toEqual({ data: { rows: [{ at: '2026-11-25T06:00:00.000Z', n: 1 }] } });
    expect(executors).toEqual([true, true]);
  });
});

describe('useJitExecution and the request scope', () => {
  it('ends the request scope once the compiled query has its result: a module loader reads afresh after it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-jit-scope-'));
    const store = await openEmbeddedStore({ dataDir });
    try {
      await store.collection('blocks').insertOne({ farmId: 'f1', name: 'north' });
      const reads = vi.fn();
      const contextOf = createModuleContextFactory(
        testModuleHandle(
          countingStore(store, (...args) => reads(...args)),
          ['blocks'],
        ),
        createPermissionRegistry(),
      );
      let module: ModuleHandle | undefined;
      const schema = makeExecutableSchema({
        typeDefs: 'type Query { blocks: Int! }',
        resolvers: {
          Query: {
            blocks: async (_root: unknown, _args: unknown, context: object) => {
              module = contextOf(context).module;
              await module.loader('blocks', 'farmId').load('f1');
              return (await module.loader('blocks', 'farmId').load('f1')).length;
            },
          },
        },
      });
      const yoga = createYoga({ schema, plugins: [useJitExecution()], logging: false });
      expect(await post(yoga, '{ blocks }')).toEqual({ data: { blocks: 1 } });
      expect(reads).toHaveBeenCalledTimes(1);
      await module?.loader('blocks', 'farmId').load('f1');
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
