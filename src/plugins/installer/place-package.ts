import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/** `<installedDir>/<name>/<version>`: where an installed version lives. */
export function versionDir(installedDir: string, name: string, version: string): string {
  return path.join(installedDir, name, version);
}

/**
 * Moves the unpacked package into place with one rename (staging is under DATA_DIR, so it is the
 * same file system and the move is atomic). A leftover directory of an interrupted attempt at the
 * same version is replaced.
 */
export async function placePackage(stagedDir: string, targetDir: string): Promise<void> {
  await mkdir(path.dirname(targetDir), { recursive: true });
  await rm(targetDir, { recursive: true, force: true });
  await rename(stagedDir, targetDir);
}

/** Removes one installed version, and the module's directory when no other version is left. */
export async function removeVersionDir(installedDir: string, name: string, version: string): Promise<void> {
  await rm(versionDir(installedDir, name, version), { recursive: true, force: true });
  // rmdir refuses a non-empty directory: other versions stay untouched.
  await rmdir(path.join(installedDir, name)).catch(() => {});
}
