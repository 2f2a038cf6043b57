import fc from 'fast-check';
import { buildSchema, GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitScalarSerializers } from './jit-scalar-serializers.js';

const schema = buildSchema('type Query { s: String i: Int f: Float b: Boolean id: ID }');
const BUILT_IN = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/** What serializing gives: the value, or the error's message. */
function outcome(serialize: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return { value: serialize(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const anyLeafValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.NaN, Number.POSITIVE_INFINITY, -0, '12', '1.5', 'true', ''),
  fc.bigInt(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.object(),
  fc.array(fc.integer()),
);

describe('jitScalarSerializers', () => {
  it('covers the five built-in scalars of a schema', () => {
    expect(Object.keys(jitScalarSerializers(schema)).sort()).toEqual([...BUILT_IN].sort());
  });

  it.each(BUILT_IN)('%s: the same value or the same error as graphql-js, for any value', (name) => {
    const fast = jitScalarSerializers(schema)[name]!;
    const type = schema.getType(name) as GraphQLScalarType;
    fc.assert(
      fc.property(anyLeafValue, (value) => {
        expect(outcome(fast, value)).toEqual(outcome((v) => type.serialize(v), value));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a scalar that is not graphql-js’s own to its own serializer', () => {
    const custom = new GraphQLScalarType({ name: 'String', serialize: (value) => `«${String(value)}»` });
    const withCustom = { getType: (name: string) => (name === 'String' ? custom : schema.getType(name)) } as unknown as GraphQLSchema;
    expect(jitScalarSerializers(withCustom).String).toBeUndefined();
    expect(jitScalarSerializers(withCustom).Int).toBeDefined();
  });
});
