import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuiltModule } from './build-module.js';

/**
 * Writes a built module as a plain directory (what a package unpacks to), replacing `outDir`.
 * The build uses it for bundled modules (`build/bundled/<name>/`).
 */
export async function writeModuleDir(built: BuiltModule, outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  for (const file of built.files) {
    const target = path.join(outDir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.data, { mode: file.executable ? 0o755 : 0o644 });
  }
}
