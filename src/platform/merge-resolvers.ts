/**
 * Merges resolver maps type by type (`Query`, `Mutation`, …): a later map adds fields to a type
 * an earlier one has. A type only one map has is kept as it is (a scalar stays a GraphQLScalarType).
 */
export function mergeResolvers(...maps: ReadonlyArray<object>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] = type in merged ? { ...(merged[type] as object), ...(fields as object) } : fields;
    }
  }
  return merged;
}
