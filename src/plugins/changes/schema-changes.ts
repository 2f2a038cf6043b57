import type { Change, CriticalityLevel } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import type { FieldUsageEntry } from './field-usage-repository.js';

export type ChangeLevel = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/** `SchemaChange` of DESIGN.md: one difference between the live and the candidate schema. */
export interface SchemaChange {
  level: ChangeLevel;
  /** Schema coordinate (`Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `Type`, `@directive`). */
  coordinate: string | null;
  message: string;
  /** Recorded use of the coordinate within the retention window; null when never used. */
  usage: FieldUsageEntry | null;
}

// graphql-inspector's CriticalityLevel values, spelled out: the library is imported only when a
// diff is asked for (it is ~125 ms of every start-up otherwise).
const LEVELS: Record<`${CriticalityLevel}`, ChangeLevel> = {
  BREAKING: 'BREAKING',
  DANGEROUS: 'DANGEROUS',
  NON_BREAKING: 'SAFE',
};

/** graphql-inspector paths are dotted (`Query.farms.first`); arguments become `Query.farms(first:)`. */
export function toCoordinate(path: string | undefined): string | null {
  if (!path) return null;
  const parts = path.split('.');
  if (parts.length === 3) return `${parts[0]}.${parts[1]}(${parts[2]}:)`;
  if (parts.length === 2 && parts[0]!.startsWith('@')) return `${parts[0]}(${parts[1]}:)`;
  return path;
}

/** A type's usage is the sum over its members (a whole type removed breaks every field used). */
function usageOf(coordinate: string | null, usage: ReadonlyMap<string, FieldUsageEntry>): FieldUsageEntry | null {
  if (!coordinate) return null;
  const direct = usage.get(coordinate);
  if (direct) return direct;
  if (coordinate.includes('.') || coordinate.startsWith('@')) return null;
  let total: FieldUsageEntry | null = null;
  for (const entry of usage.values()) {
    if (!entry.coordinate.startsWith(`${coordinate}.`)) continue;
    total ??= { coordinate, count: 0, lastUsedAt: null };
    total.count += entry.count;
    if (entry.lastUsedAt && (!total.lastUsedAt || entry.lastUsedAt > total.lastUsedAt)) total.lastUsedAt = entry.lastUsedAt;
  }
  return total;
}

function toSchemaChange(change: Change, usage: ReadonlyMap<string, FieldUsageEntry>): SchemaChange {
  const coordinate = toCoordinate(change.path);
  return { level: LEVELS[change.criticality.level], coordinate, message: change.message, usage: usageOf(coordinate, usage) };
}

const ORDER: Record<ChangeLevel, number> = { BREAKING: 0, DANGEROUS: 1, SAFE: 2 };

/**
 * Every difference between two schemas (graphql-inspector's `diff`), each with its level and
 * the recorded usage of its coordinate, breaking ones first.
 */
export async function schemaChanges(
  live: GraphQLSchema,
  candidate: GraphQLSchema,
  usage: ReadonlyMap<string, FieldUsageEntry>,
): Promise<SchemaChange[]> {
  const { diff } = await import('@graphql-inspector/core');
  const changes = await diff(live, candidate);
  return changes.map((change) => toSchemaChange(change, usage)).sort((a, b) => ORDER[a.level] - ORDER[b.level]);
}

/** The breaking changes to coordinates used within the retention window. */
export function breakingInUse(changes: readonly SchemaChange[]): SchemaChange[] {
  return changes.filter((change) => change.level === 'BREAKING' && (change.usage?.count ?? 0) > 0);
}
