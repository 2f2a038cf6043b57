import type { GraphQLParams } from 'graphql-yoga';
import { z } from 'zod';

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// What yoga's own parameter check accepts, and nothing more: the shape of a single operation.
const graphqlParamsSchema = z.strictObject({
  query: z.string(),
  variables: z.custom<Record<string, unknown>>(isJsonObject).nullish(),
  operationName: z.string().nullish(),
  extensions: z.custom<Record<string, unknown>>(isJsonObject).nullish(),
});

/**
 * The GraphQL parameters of a JSON body, or undefined when the body is not exactly one well-formed
 * operation (bad JSON, a batch, a missing query, an unknown key): yoga then answers it, with its
 * own error for each of those cases.
 */
export function parseGraphqlParams(body: Buffer): GraphQLParams | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = graphqlParamsSchema.safeParse(json);
  return parsed.success ? (parsed.data as GraphQLParams) : undefined;
}
