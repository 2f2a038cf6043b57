import semver from 'semver';
import { z } from 'zod';
import { LicenseType, MODULE_NAME_PATTERN } from '../manifest/index.js';

const semverVersion = z.string().refine((value) => semver.valid(value) === value, 'must be a semver version like 1.2.3');
const semverRange = z.string().refine((value) => semver.validRange(value) !== null, 'must be a semver range like ^1.2.0');
const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** One published version of a module in `catalog.json` (docs/registry.md). */
export const CatalogVersion = z.object({
  version: semverVersion,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  size: z.number().int().nonnegative(),
  core: semverRange,
  dependencies: z.record(z.string().regex(MODULE_NAME_PATTERN, 'keys are module names (no "core")'), semverRange),
  licenseRequired: z.boolean(),
  licenseType: LicenseType.nullable(),
});
export type CatalogVersion = z.infer<typeof CatalogVersion>;

/** One module of the catalog with every version the registry offers. */
export const CatalogModule = z.object({
  name: z.string().regex(MODULE_NAME_PATTERN, 'must match ^[a-z][a-z0-9_]*$'),
  displayName: z.string(),
  description: z.string(),
  author: z.string().nullable(),
  latest: semverVersion,
  versions: z.array(CatalogVersion).min(1),
});
export type CatalogModule = z.infer<typeof CatalogModule>;

/**
 * `catalog.json`: what a registry offers. `version` grows on every publish so a client can refuse
 * an older copy (rollback); `expires` bounds how long a stolen-but-valid copy can be replayed.
 */
export const Catalog = z.object({
  version: z.number().int().nonnegative(),
  expires: isoDateTime,
  modules: z.array(CatalogModule),
});
export type Catalog = z.infer<typeof Catalog>;

/** `revocations.json`: license ids (`jti`) the vendor has revoked, signed like the catalog. */
export const Revocations = z.object({
  version: z.number().int().nonnegative(),
  expires: isoDateTime,
  revoked: z.array(z.string()),
});
export type Revocations = z.infer<typeof Revocations>;
