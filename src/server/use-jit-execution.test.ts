import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it, vi } from 'vitest';
import { DateTimeScalar } from './resolvers/scalars.js';
import { useJitExecution } from './use-jit-execution.js';

async function post(yoga: { fetch: ReturnType<typeof createYoga>['fetch'] }, query: string) {
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
  it('ends the request scope once the compiled query has its result', async () => {
    const ends: unknown[] = [];
    const scope = await import('../plugins/composer/request-scope.js');
    const spy = vi.spyOn(scope, 'endRequestScope').mockImplementation((context) => {
      ends.push(context);
    });
    try {
      const schema = makeExecutableSchema({
        typeDefs: 'type Query { slow: Int! }',
        resolvers: { Query: { slow: async () => 7 } },
      });
      const yoga = createYoga({
        schema,
        plugins: [useJitExecution()],
        logging: false,
        context: (): Record<string, unknown> => ({ marker: 'this request' }),
      });
      expect(await post(yoga, '{ slow }')).toEqual({ data: { slow: 7 } });
      expect(ends).toEqual([expect.objectContaining({ marker: 'this request' })]);
    } finally {
      spy.mockRestore();
    }
  });
});
