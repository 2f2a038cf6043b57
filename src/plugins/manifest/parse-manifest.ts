import { platformError } from '../../errors/index.js';
import { Manifest } from './manifest-schema.js';

/**
 * Validates manifest JSON (already parsed or as text). Throws PACKAGE_INVALID naming the first
 * failing field, e.g. `manifest.json: version must be a semver version like 1.2.3`.
 */
export function parseManifest(input: unknown, where = 'manifest.json'): Manifest {
  let json = input;
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      json = JSON.parse(input.toString());
    } catch (error) {
      throw platformError('PACKAGE_INVALID', `${where} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const result = Manifest.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(root)';
      return issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : `${field} ${issue.message}`;
    });
    throw platformError('PACKAGE_INVALID', `${where}: ${problems.join('; ')}`, { details: { problems } });
  }
  return result.data;
}
