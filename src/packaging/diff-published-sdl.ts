import path from 'node:path';
import type { DocumentNode } from 'graphql';
import semver from 'semver';
import { moduleAloneSchema } from '../plugins/changes/module-alone-schema.js';
import { type SchemaChange, schemaChanges } from '../plugins/changes/schema-changes.js';
import { readPackageSdl } from './read-package-sdl.js';
import { readRegistryCatalog } from './read-registry-catalog.js';

export interface PublishedSdlDiff {
  /** The version compared against: the highest published one below the new version; null for a first release. */
  previousVersion: string | null;
  changes: SchemaChange[];
}

/**
 * What a new package changes in the schema compared with the module's previous published
 * version in `registryDir` (both on top of the core SDL), classified by graphql-inspector.
 */
export async function diffPublishedSdl(
  tarball: string,
  manifest: { module_name: string; version: string },
  registryDir: string,
  core: DocumentNode,
): Promise<PublishedSdlDiff> {
  const catalog = await readRegistryCatalog(registryDir);
  const name = manifest.module_name;
  const versions = catalog?.modules.find((m) => m.name === name)?.versions.map((v) => v.version) ?? [];
  const previousVersion = versions.filter((v) => semver.lt(v, manifest.version)).sort(semver.rcompare)[0] ?? null;
  if (!previousVersion) return { previousVersion: null, changes: [] };
  const previousTarball = path.join(registryDir, name, previousVersion, `${name}-${previousVersion}.tar.gz`);
  const [before, after] = await Promise.all([readPackageSdl(previousTarball), readPackageSdl(tarball)]);
  const changes = await schemaChanges(moduleAloneSchema(core, before), moduleAloneSchema(core, after), new Map());
  return { previousVersion, changes };
}

/** The diff as `a64 registry publish` prints it. */
export function formatSdlDiff(name: string, version: string, diff: PublishedSdlDiff): string {
  if (!diff.previousVersion) return `SDL: ${name}@${version} is the first published version; nothing to compare.\n`;
  if (diff.changes.length === 0) return `SDL: no schema changes since ${name}@${diff.previousVersion}.\n`;
  const counts = (['BREAKING', 'DANGEROUS', 'SAFE'] as const).map(
    (level) => `${diff.changes.filter((c) => c.level === level).length} ${level.toLowerCase()}`,
  );
  const lines = diff.changes.map((c) => `  ${c.level.padEnd(9)} ${(c.coordinate ?? '').padEnd(32)} ${c.message}`);
  return `SDL changes since ${name}@${diff.previousVersion} (${counts.join(', ')}):\n${lines.join('\n')}\n`;
}
