import { type execute, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it, vi } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { fromField, READS_FIELD } from '../../sdk/from-field.js';
import { composeSchema } from './compose-schema.js';
import { sharedGraphql } from './shared-graphql.js';

const core = {
  document: parse('type Query { hello: String! } type Mutation { noop: Boolean }'),
  resolvers: { Query: { hello: () => 'core' } },
};

/** A module with `types` object types of 8 fields each, and a Query field per type. */
function syntheticModule(name: string, types = 10) {
  const sdl: string[] = [];
  const resolvers: Record<string, Record<string, () => unknown>> = { Query: {} };
  for (let t = 0; t < types; t++) {
    const type = `${name}_T${t}`;
    sdl.push(`type ${type} { ${Array.from({ length: 8 }, (_, f) => `f${f}: String`).join(' ')} }`);
    sdl.push(`extend type Query { ${name}_q${t}: ${type} }`);
    resolvers.Query![`${name}_q${t}`] = () => ({ f0: `${name}-${t}` });
    resolvers[type] = { f1: () => 'computed' };
  }
  return { name, document: parse(sdl.join('\n')), resolvers };
}

function run(schema: ReturnType<typeof composeSchema>, query: string) {
  return sharedGraphql.execute({ schema, document: parse(query) }) as ReturnType<typeof execute>;
}

describe('composeSchema', () => {
  it('merges core and modules into one executable schema', async () => {
    const schema = composeSchema({ core, modules: [syntheticModule('a', 2), syntheticModule('b', 1)] });
    const result = await run(schema, '{ hello a_q1 { f0 f1 } b_q0 { f0 } }');
    expect(result).toEqual({ data: { hello: 'core', a_q1: { f0: 'a-1', f1: 'computed' }, b_q0: { f0: 'b-0' } } });
  });

  it('keeps fromField reads given as { resolve }: graphql-js calls them, a compiled query reads the field instead', async () => {
    // A stand-in for fromField('_id') that counts its calls; fromField itself is tested below.
    const readId = vi.fn((parent: { _id: string }) => parent._id);
    Object.defineProperty(readId, READS_FIELD, { value: '_id' });
    const rows = [
      { _id: 'r1', name: 'one' },
      { _id: 'r2', name: 'two' },
    ];
    const module = {
      name: 'rows',
      document: parse('type Row { id: ID! name: String! key: ID! } extend type Query { rows: [Row!]! }'),
      // As wrapModuleResolvers hands them over: `{ resolve }`, which graphql-tools keeps unbound.
      resolvers: { Query: { rows: () => rows }, Row: { id: { resolve: readId }, key: { resolve: fromField('_id') } } },
    };
    const schema = composeSchema({ core, modules: [module] });
    const expected = {
      data: {
        rows: [
          { id: 'r1', key: 'r1', name: 'one' },
          { id: 'r2', key: 'r2', name: 'two' },
        ],
      },
    };
    const query = '{ rows { id key name } }';
    expect(await run(schema, query)).toEqual(expected);
    expect(readId).toHaveBeenCalledTimes(2);
    readId.mockClear();
    const compiled = compileQuery(schema, parse(query));
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit did not compile the query');
    expect(await compiled.query(undefined, {}, {})).toEqual(expected);
    expect(readId).not.toHaveBeenCalled();
  });

  it('refuses conflicts and unknown type references with SCHEMA_CONFLICT', () => {
    const clash = { name: 'clash', document: parse('extend type Query { a_q0: Int }'), resolvers: {} };
    const unknown = { name: 'dangling', document: parse('extend type Query { weather: Weather }'), resolvers: {} };
    for (const modules of [[syntheticModule('a', 1), clash], [unknown]]) {
      try {
        composeSchema({ core, modules });
        expect.unreachable();
      } catch (error) {
        expect(isPlatformError(error, 'SCHEMA_CONFLICT')).toBe(true);
        expect((error as Error).message).toMatch(/Query\.a_q0 defined by a and clash|Unknown type: "Weather"/);
      }
    }
  });

  it('composes 50 modules of 10 types into one schema (its cost is measured by npm run bench)', async () => {
    const modules = Array.from({ length: 50 }, (_, i) => syntheticModule(`m${i}`));
    const schema = composeSchema({ core, modules });
    expect(Object.keys(schema.getQueryType()!.getFields())).toHaveLength(1 + 50 * 10);
    expect(await run(schema, '{ m49_q9 { f0 } }')).toEqual({ data: { m49_q9: { f0: 'm49-9' } } });
  });
});
