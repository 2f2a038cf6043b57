import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors/index.js';
import type { GraphQLResponse } from './support/graphql-client.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

// Every code a client may see: the platform's own and yoga's request-level ones. Never
// INTERNAL_SERVER_ERROR: that would be an unexpected (masked) failure.
const KNOWN_CODES = new Set<string>([...Object.keys(ERROR_CODES), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

// Bounded: each run is one real HTTP request; the whole file stays within a few seconds.
const RUNS = 40;

/** Scalars and small structures of every JSON kind, with the strings that break parsers. */
const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '{"$gt":""}', '1e309', 'NaN', '__proto__', 'a'.repeat(3000)),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }));
/** An object with the given keys, each present or not, each any value. */
const shaped = (keys: string[]) => fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] });

function assertCoded(response: GraphQLResponse<unknown>): void {
  expect(response.status).toBeLessThan(500);
  for (const error of response.errors ?? []) {
    const code = error.extensions?.code;
    expect(KNOWN_CODES.has(String(code)), `unexpected error ${JSON.stringify(error)}`).toBe(true);
  }
}

describe('GraphQL inputs (fuzzed): always data or a coded error', () => {
  let platform: TestPlatform;
  let admin: string;
  beforeAll(async () => {
    platform = await startTestPlatform();
    admin = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  const cases: Array<{ name: string; query: string; variables: fc.Arbitrary<Record<string, unknown>> }> = [
    {
      name: 'login',
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: fc.record({ e: value, p: value }),
    },
    {
      name: 'createUser',
      query: 'mutation($e: String!, $p: String!, $r: Role!) { createUser(email: $e, password: $p, role: $r) { id } }',
      variables: fc.record({ e: value, p: value, r: fc.oneof(value, fc.constantFrom('USER', 'ADMIN', 'SUPER_ADMIN')) }),
    },
    {
      name: 'module operations',
      query:
        'mutation($n: String!, $k: String!) { a: enableModule(name: $n) { state } b: setModuleLicense(name: $n, licenseKey: $k) { state } }',
      variables: fc.record({ n: value, k: value }),
    },
    {
      name: 'installModule',
      query: 'mutation($i: InstallModuleInput!) { installModule(input: $i) { state } }',
      variables: fc.record({ i: fc.oneof(value, shaped(['name', 'version', 'licenseKey'])) }),
    },
    {
      name: 'auditLog',
      query: 'query($l: Int, $a: String, $m: String) { auditLog(limit: $l, after: $a, module: $m) { nextCursor } }',
      variables: fc.record({ l: value, a: value, m: value }, { requiredKeys: [] }),
    },
    {
      name: 'Farm Manager: createFarm',
      query: 'mutation($i: CreateFarmInput!) { createFarm(input: $i) { id } }',
      variables: fc.record({
        i: fc.oneof(
          value,
          shaped(['name', 'areaHectares', 'manager', 'active', 'notes']),
          fc.record({ name: fc.string(), areaHectares: fc.double(), location: shaped(['latitude', 'longitude']) }),
        ),
      }),
    },
    {
      name: 'Farm Manager: farms and blocks',
      query:
        'query($f: FarmFilter, $n: Int, $a: String, $id: ID!) { farms(filter: $f, first: $n, after: $a) { totalCount } farm(id: $id) { id } }',
      variables: fc.record(
        { f: fc.oneof(value, shaped(['search', 'active', 'manager'])), n: value, a: value, id: value },
        { requiredKeys: ['id'] },
      ),
    },
    {
      name: 'Farm Manager: createFarmBlock',
      query: 'mutation($i: CreateFarmBlockInput!) { createFarmBlock(input: $i) { id } }',
      variables: fc.record({ i: fc.oneof(value, shaped(['farmId', 'name', 'areaHectares', 'notes'])) }),
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, async () => {
      await fc.assert(
        fc.asyncProperty(testCase.variables, async (variables) => {
          assertCoded(await platform.gql(testCase.query, variables, admin));
        }),
        { numRuns: RUNS },
      );
    });
  }
});
