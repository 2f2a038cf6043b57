import semver from 'semver';
import type { Logger } from '../../logging/index.js';
import type { Catalog, RegistryClient } from '../registry/index.js';
import type { RegistryModuleView } from '../runtime/module-info.js';

export interface CatalogView {
  /** What the registry offers, from the last verified catalog (empty before the first). */
  modules(): readonly RegistryModuleView[];
  /**
   * Fetches again when the cached catalog is older than the TTL, or always with `fresh: true`
   * (`modules(refresh: true)`, after a publish); a registry outage keeps the last copy.
   */
  refresh(options?: { fresh?: boolean }): Promise<void>;
}

function toViews(catalog: Catalog): RegistryModuleView[] {
  return catalog.modules.map((module) => {
    const latest = module.versions.find((release) => release.version === module.latest) ?? module.versions[0]!;
    return {
      name: module.name,
      displayName: module.displayName,
      description: module.description,
      author: module.author,
      latestVersion: module.latest,
      availableVersions: module.versions.map((release) => release.version).sort(semver.rcompare),
      licenseRequired: latest.licenseRequired,
      licenseType: latest.licenseType,
      dependencies: { core: latest.core, ...latest.dependencies },
    };
  });
}

/** The registry's offer as the `modules` query shows it (AVAILABLE modules, latestVersion). */
export function createCatalogView(registry: () => RegistryClient | null, logger: Logger): CatalogView {
  let views: RegistryModuleView[] = [];
  return {
    modules: () => views,
    async refresh({ fresh = false } = {}) {
      const client = registry();
      if (!client) return;
      try {
        views = toViews(await client.getCatalog({ fresh }));
      } catch (error) {
        // Listing must keep working: a bad or unreachable registry only hides its offer.
        logger.warn({ err: error }, 'could not refresh the registry catalog');
      }
    },
  };
}
