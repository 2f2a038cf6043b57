import type { Server } from 'node:http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthService } from '../src/auth/index.js';
import { createLogger } from '../src/logging/index.js';
import { close, listen } from '../src/platform/listen.js';
import { createSchemaHolder, type SchemaHolder } from '../src/plugins/composer/schema-holder.js';
import { createHttpServer } from '../src/server/create-http-server.js';
import { createYogaServer } from '../src/server/create-yoga-server.js';
import { createGraphqlRequestHandler } from '../src/server/fast-path/create-graphql-request-handler.js';
import { gql } from './support/graphql-client.js';

/** Generation n answers n from every field; `slow` waits so requests straddle swaps. */
function schemaOfGeneration(n: number) {
  const value = () => n;
  return makeExecutableSchema({
    typeDefs: 'type Query { a: Int! slow: Int! b: Int! }',
    resolvers: { Query: { a: value, b: value, slow: () => new Promise((resolve) => setTimeout(() => resolve(n), 3)) } },
  });
}

describe('live schema swap', () => {
  let server: Server;
  let url: string;
  let holder: SchemaHolder;

  beforeAll(async () => {
    holder = createSchemaHolder(schemaOfGeneration(1));
    // No request in this test sends a token, so the auth service is never consulted.
    const logger = createLogger({ level: 'silent' });
    const yoga = createYogaServer({ schemaHolder: holder, auth: {} as AuthService, logger });
    // The production handler: plain JSON POSTs take the fast path, the rest yoga's adapter.
    const graphql = createGraphqlRequestHandler(yoga, { graphqlEndpoint: '/graphql', logger });
    server = createHttpServer({ graphql, graphqlEndpoint: '/graphql', limits: { maxBodyBytes: 1 << 20 } });
    url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  });
  afterAll(() => close(server));

  it('serves every request start to end on one schema while 20 swaps happen under 50 clients', async () => {
    let swapping = true;
    const swaps = (async () => {
      for (let generation = 2; generation <= 21; generation++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        holder.swap(schemaOfGeneration(generation));
      }
      swapping = false;
    })();
    const seen = new Set<number>();
    const failures: unknown[] = [];
    const client = async () => {
      while (swapping) {
        const response = await gql<{ a: number; slow: number; b: number }>(url, '{ a slow b }');
        if (response.status !== 200 || response.errors || !response.data) failures.push(response);
        else if (response.data.a !== response.data.slow || response.data.b !== response.data.a) failures.push(response.data);
        else seen.add(response.data.a);
      }
    };
    await Promise.all([swaps, ...Array.from({ length: 50 }, client)]);
    expect(failures).toEqual([]);
    expect(holder.current().version).toBe(21);
    expect(seen.size).toBeGreaterThan(5);
  });

  it("never runs a replaced schema's resolvers for a query compiled before the swap", async () => {
    const before = await gql<{ a: number }>(url, '{ a b }');
    holder.swap(schemaOfGeneration(100));
    const after = await gql<{ a: number; b: number }>(url, '{ a b }');
    expect(before.data?.a).not.toBe(100);
    expect(after.data).toEqual({ a: 100, b: 100 });
  });
});
