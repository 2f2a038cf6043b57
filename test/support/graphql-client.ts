import { type GraphQLResponse, postGraphQL } from '../../src/sdk/testkit/post-graphql.js';

export type { GraphQLResponse };

/** POSTs one GraphQL operation to `url` (the /graphql endpoint), with an optional bearer token. */
export const gql = postGraphQL;

/** The first error's code, for terse assertions. */
export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}
