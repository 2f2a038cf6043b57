import type { DocumentNode, GraphQLSchema } from 'graphql';
import { isPlatformError } from '../../errors/index.js';
import { composeSchema } from '../composer/index.js';
import type { ChangePlan, PlanAction } from './change-plan.js';
import type { FieldUsageEntry } from './field-usage-repository.js';
import { breakingInUse, type SchemaChange, schemaChanges } from './schema-changes.js';

/** One module version's side of a plan. */
export interface PlanSide {
  version: string;
  permissions: readonly string[];
  collections: readonly string[];
}

export interface ChangePlanInput {
  module: string;
  action: PlanAction;
  /** The version live/installed now; null for INSTALL. */
  from: PlanSide | null;
  /** The version after the operation; null for DISABLE/UNINSTALL. */
  to: PlanSide | null;
  liveSchema: GraphQLSchema;
  coreDocument: DocumentNode;
  /** The modules the candidate schema is made of, in load order. */
  candidateModules: ReadonlyArray<{ name: string; document: DocumentNode }>;
  usage: ReadonlyMap<string, FieldUsageEntry>;
  dependencies: ChangePlan['dependencies'];
  licenseRequired: boolean;
  /** Problems found before composing (unsatisfied dependencies, enabled dependents). */
  errors: string[];
}

const minus = (a: readonly string[] = [], b: readonly string[] = []) => a.filter((item) => !b.includes(item)).sort();

function describe(error: unknown): string {
  return isPlatformError(error) ? `${error.code}: ${error.message}` : `INTERNAL: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * Builds a change plan: composes the candidate schema the way the runtime would (same
 * conflict checks, without resolvers and without swapping), diffs it against the live one and
 * lists what the manifests add or drop. Composition errors land in `errors`, never thrown.
 */
export async function computeChangePlan(input: ChangePlanInput): Promise<ChangePlan> {
  const errors = [...input.errors];
  let changes: SchemaChange[] = [];
  try {
    const candidate = composeSchema({
      core: { document: input.coreDocument, resolvers: {} },
      modules: input.candidateModules.map((m) => ({ name: m.name, document: m.document, resolvers: {} })),
    });
    changes = await schemaChanges(input.liveSchema, candidate, input.usage);
  } catch (error) {
    errors.push(describe(error));
  }
  const before = input.from;
  const after = input.to;
  return {
    module: input.module,
    action: input.action,
    fromVersion: input.from?.version ?? null,
    toVersion: input.to?.version ?? null,
    schemaChanges: changes,
    breakingInUse: breakingInUse(changes),
    permissionsAdded: minus(after?.permissions, before?.permissions),
    permissionsRemoved: minus(before?.permissions, after?.permissions),
    collectionsAdded: minus(after?.collections, before?.collections),
    // DISABLE keeps the data; UNINSTALL drops it only with dropData. Listed so admins see what is at stake.
    collectionsRemoved: input.action === 'DISABLE' ? [] : minus(before?.collections, after?.collections),
    dependencies: input.dependencies,
    licenseRequired: input.licenseRequired,
    errors,
  };
}
