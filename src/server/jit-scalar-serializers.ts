import { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, type GraphQLScalarType, type GraphQLSchema, GraphQLString } from 'graphql';

type Serializer = (value: unknown) => unknown;

const MAX_INT = 2_147_483_647;
const MIN_INT = -2_147_483_648;

/** The values each built-in scalar hands back unchanged; anything else goes to its own `serialize`. */
const PASSES_AS_IS: ReadonlyArray<[GraphQLScalarType, (value: unknown) => boolean]> = [
  [GraphQLString, (value) => typeof value === 'string'],
  [GraphQLID, (value) => typeof value === 'string'],
  [GraphQLBoolean, (value) => typeof value === 'boolean'],
  [GraphQLFloat, (value) => typeof value === 'number' && Number.isFinite(value)],
  [GraphQLInt, (value) => typeof value === 'number' && Number.isInteger(value) && value <= MAX_INT && value >= MIN_INT],
];

/**
 * graphql-jit's `customSerializers` for the schema's built-in scalars: a value already of the
 * scalar's JSON type is returned at once (what graphql-js's own serializer returns for it), the
 * rest go to that serializer, errors included. Every leaf of every row is serialized, and
 * graphql-jit otherwise reaches graphql-js's serializer through a closure per value. A scalar
 * that is not graphql-js's own object (replaced, or from another copy of graphql) keeps its serializer.
 */
export function jitScalarSerializers(schema: GraphQLSchema): Record<string, Serializer> {
  const serializers: Record<string, Serializer> = {};
  for (const [builtIn, passesAsIs] of PASSES_AS_IS) {
    // The very object graphql-js exports, not only its name: a replaced scalar keeps its own rules.
    if (schema.getType(builtIn.name) !== builtIn) continue;
    const serialize = builtIn.serialize.bind(builtIn);
    serializers[builtIn.name] = (value) => (passesAsIs(value) ? value : serialize(value));
  }
  return serializers;
}
