import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { platformError } from '../errors/index.js';
import { Catalog } from '../plugins/registry/index.js';

/** The registry directory's current `catalog.json`, or null for a new registry. */
export async function readRegistryCatalog(registryDir: string): Promise<Catalog | null> {
  const file = path.join(registryDir, 'catalog.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw platformError('BAD_USER_INPUT', `${file} is not valid JSON; fix or restore it before publishing.`);
  }
  const parsed = Catalog.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw platformError(
      'BAD_USER_INPUT',
      `${file} is not a valid catalog (${issue?.path.join('.') || '(root)'} ${issue?.message}); fix or restore it before publishing.`,
    );
  }
  return parsed.data;
}
