import semver from 'semver';
import { z } from 'zod';

export const MODULE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

const semverVersion = z.string().refine((value) => semver.valid(value) !== null, 'must be a semver version like 1.2.3');
const semverRange = z.string().refine((value) => semver.validRange(value) !== null, 'must be a semver range like ^1.2.0');

export const LicenseType = z.enum(['per_installation', 'per_user', 'subscription']);
export type LicenseType = z.infer<typeof LicenseType>;

/**
 * `manifest.json` of a module package (docs/modules/manifest.md).
 * Unknown fields are refused so a typo (`licence_required`) is caught, not ignored.
 */
export const Manifest = z
  .strictObject({
    module_name: z.string().regex(MODULE_NAME_PATTERN, 'must match ^[a-z][a-z0-9_]*$'),
    display_name: z.string().min(1),
    version: semverVersion,
    description: z.string(),
    author: z.string().min(1),
    entry: z
      .string()
      .min(1)
      .refine((value) => !value.startsWith('/') && !value.split(/[\\/]/).includes('..'), 'must be a relative path inside the package'),
    dependencies: z.record(z.string(), semverRange).default({}),
    database_collections: z
      .array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'collection names are lower-case letters, digits and _'))
      .default([]),
    permissions: z.array(z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'permissions look like farm.view')).default([]),
    license_required: z.boolean().default(false),
    license_type: LicenseType.nullable().optional(),
  })
  .superRefine((manifest, ctx) => {
    if (manifest.license_required && !manifest.license_type) {
      ctx.addIssue({ code: 'custom', path: ['license_type'], message: 'is required when license_required is true' });
    }
    for (const name of Object.keys(manifest.dependencies)) {
      if (name !== 'core' && !MODULE_NAME_PATTERN.test(name)) {
        ctx.addIssue({ code: 'custom', path: ['dependencies', name], message: 'must be "core" or a module name' });
      }
      if (name === manifest.module_name) {
        ctx.addIssue({ code: 'custom', path: ['dependencies', name], message: 'a module cannot depend on itself' });
      }
    }
  });

export type Manifest = z.infer<typeof Manifest>;
