import { graphql } from './graphql-client.js';

/** The ChangePlan fields the page shows (schema/safe-changes.graphql). */
const PLAN_FIELDS = `module action fromVersion toVersion errors licenseRequired
  schemaChanges { level coordinate message usage { count lastUsedAt } }
  breakingInUse { coordinate message usage { count lastUsedAt } }
  permissionsAdded permissionsRemoved collectionsAdded collectionsRemoved`;

/**
 * @typedef {{ level: 'BREAKING'|'DANGEROUS'|'SAFE', coordinate: string|null, message: string, usage: { count: number, lastUsedAt: string|null }|null }} SchemaChange
 * @typedef {{ module: string, action: string, fromVersion: string|null, toVersion: string|null, errors: string[], licenseRequired: boolean,
 *   schemaChanges: SchemaChange[], breakingInUse: SchemaChange[], permissionsAdded: string[], permissionsRemoved: string[],
 *   collectionsAdded: string[], collectionsRemoved: string[] }} ChangePlan
 */

/**
 * What an action would change, computed by the server without changing anything.
 * @param {string} name @param {'UPGRADE'|'DISABLE'|'UNINSTALL'} action @param {string} [version] empty: latest
 */
export function fetchChangePlan(name, action, version) {
  return graphql(
    `query AdminChangePlan($name: String!, $action: PlanAction!, $version: String) { moduleChangePlan(name: $name, action: $action, version: $version) { ${PLAN_FIELDS} } }`,
    { name, action, version: version || undefined },
  );
}

/** @param {string} name @param {{ policy: string, pin?: string }} options */
export function setUpdatePolicy(name, options) {
  return graphql(
    'mutation AdminSetUpdatePolicy($name: String!, $policy: UpdatePolicy!, $pin: String) { setModuleUpdatePolicy(name: $name, policy: $policy, pin: $pin) { name updatePolicy updatePin } }',
    { name, policy: options.policy, pin: options.pin?.trim() || null },
  );
}

/** @param {string} name @param {{ discardNewData?: boolean }} options */
export function rollbackModule(name, options) {
  return graphql(
    'mutation AdminRollbackModule($name: String!, $discardNewData: Boolean) { rollbackModule(name: $name, discardNewData: $discardNewData) { name version } }',
    { name, discardNewData: Boolean(options.discardNewData) },
  );
}
