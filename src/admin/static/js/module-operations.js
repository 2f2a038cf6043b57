import { rollbackModule, setUpdatePolicy } from './change-operations.js';
import { graphql } from './graphql-client.js';

/** The module fields the table shows (the admin page's part of the `Module` contract). */
const MODULE_FIELDS = `name displayName description version latestVersion availableVersions source state enabled installed
  licenseRequired licenseType license { state licensee expiresAt } dependencies { name range satisfied } loadError
  updateAvailable updatePolicy updatePin updateBlocked previousVersion`;

/**
 * The modules table. `refresh: true` asks the server to fetch the registry's catalog now instead
 * of its copy cached for REGISTRY_TTL_SECONDS (a release published a moment ago shows at once).
 * @param {{ refresh?: boolean }} [options]
 * @returns {Promise<import('./graphql-client.js').GraphqlResult>}
 */
export function fetchModules({ refresh = false } = {}) {
  return graphql(`query AdminModules($refresh: Boolean) { modules(refresh: $refresh) { ${MODULE_FIELDS} } }`, { refresh });
}

/** Empty form fields mean "not given" (server defaults: latest version, no key). @param {string|undefined} value */
function given(value) {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * One function per module mutation of the contract. Each resolves to the GraphQL result; the
 * caller shows `errors` next to the module and refreshes on success.
 */
export const moduleMutations = {
  /** @param {string} name @param {{ version?: string, licenseKey?: string }} options */
  install: (name, options) =>
    graphql('mutation AdminInstallModule($input: InstallModuleInput!) { installModule(input: $input) { name state } }', {
      input: { name, version: given(options.version), licenseKey: given(options.licenseKey) },
    }),
  /**
   * @param {string} name
   * @param {{ version?: string, licenseKey?: string, acceptBreakingChanges?: boolean, acceptPermissions?: string[] }} options
   */
  upgrade: (name, options) =>
    graphql(
      `mutation AdminUpgradeModule($name: String!, $version: String, $licenseKey: String, $accept: Boolean, $permissions: [String!]) {
        upgradeModule(name: $name, version: $version, licenseKey: $licenseKey, acceptBreakingChanges: $accept, acceptPermissions: $permissions) { name state version }
      }`,
      {
        name,
        version: given(options.version),
        licenseKey: given(options.licenseKey),
        accept: options.acceptBreakingChanges ? true : undefined,
        permissions: options.acceptPermissions?.length ? options.acceptPermissions : undefined,
      },
    ),
  /** @param {string} name */
  enable: (name) => graphql('mutation AdminEnableModule($name: String!) { enableModule(name: $name) { name state } }', { name }),
  /** @param {string} name */
  disable: (name) => graphql('mutation AdminDisableModule($name: String!) { disableModule(name: $name) { name state } }', { name }),
  /** @param {string} name @param {{ dropData: boolean }} options */
  uninstall: (name, options) =>
    graphql('mutation AdminUninstallModule($name: String!, $dropData: Boolean) { uninstallModule(name: $name, dropData: $dropData) }', {
      name,
      dropData: options.dropData,
    }),
  setPolicy: setUpdatePolicy,
  rollback: rollbackModule,
  /** @param {string} name @param {{ licenseKey: string }} options */
  setLicense: (name, options) =>
    graphql(
      'mutation AdminSetModuleLicense($name: String!, $licenseKey: String!) { setModuleLicense(name: $name, licenseKey: $licenseKey) { name license { state } } }',
      { name, licenseKey: options.licenseKey.trim() },
    ),
};
