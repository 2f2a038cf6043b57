import { createServer } from 'node:http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import Fastify from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import mercurius from 'mercurius';
import { close, listen } from '../../src/platform/listen.js';

/** A server the list-heavy section measures next to the platform: its URL and how to stop it. */
export interface PeerServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The platform's live SDL as a static schema whose `farms` resolver hands back, from memory, the
 * answer the platform gave for the same query text; every other field uses the default resolver.
 */
export function schemaAnsweringFromMemory(sdl: string, answers: Map<string, unknown>): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: sdl,
    resolvers: {
      Query: {
        farms: (_root: unknown, _args: unknown, _ctx: unknown, info: { operation: { loc?: { source: { body: string } } } }) =>
          answers.get(info.operation.loc?.source.body ?? ''),
      },
    },
  });
}

/** graphql-yoga on node:http: the platform's work minus the platform (no auth, store, module context, JIT). */
export async function startBareYoga(schema: GraphQLSchema): Promise<PeerServer> {
  const server = createServer(createYoga({ schema, logging: false, graphiql: false }));
  const url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  return { url, stop: () => close(server) };
}

/** fastify + mercurius with graphql-jit from the first request (`jit: 1`), the same schema and answers. */
export async function startMercurius(schema: GraphQLSchema): Promise<PeerServer> {
  const app = Fastify({ logger: false });
  await app.register(mercurius, { schema, jit: 1, graphiql: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${address}/graphql`, stop: () => app.close() };
}

/**
 * The ceiling: node:http answering every POST with a precomputed body (it still reads the request
 * body, as a GraphQL server must). Nothing can serve the same bytes faster on this machine.
 */
export async function startRawCeiling(answer: string): Promise<PeerServer> {
  const body = Buffer.from(answer);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
  });
  const url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  return { url, stop: () => close(server) };
}
