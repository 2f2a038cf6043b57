import type { SchemaChange } from './schema-changes.js';

export type PlanAction = 'INSTALL' | 'UPGRADE' | 'ENABLE' | 'DISABLE' | 'UNINSTALL';

/** `ChangePlan` of DESIGN.md: what an operation would change, computed without changing anything. */
export interface ChangePlan {
  module: string;
  action: PlanAction;
  fromVersion: string | null;
  toVersion: string | null;
  schemaChanges: SchemaChange[];
  breakingInUse: SchemaChange[];
  permissionsAdded: string[];
  permissionsRemoved: string[];
  collectionsAdded: string[];
  collectionsRemoved: string[];
  dependencies: Array<{ name: string; range: string; satisfied: boolean }>;
  licenseRequired: boolean;
  /** Why the operation would fail (composition, conflicts, dependencies), e.g. `SCHEMA_CONFLICT: …`. */
  errors: string[];
}
