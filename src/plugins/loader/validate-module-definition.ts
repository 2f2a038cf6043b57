import { platformError } from '../../errors/index.js';
import type { ModuleDefinition } from '../../sdk/types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemsOf(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { typeDefs, resolvers, onEnable, onDisable, migrations, services } = value;
  const typeDefsOk =
    typeof typeDefs === 'string' || (Array.isArray(typeDefs) && typeDefs.length > 0 && typeDefs.every((part) => typeof part === 'string'));
  if (!typeDefsOk) problems.push('typeDefs must be a string or an array of strings');
  if (resolvers !== undefined && !isObject(resolvers)) problems.push('resolvers must be an object { Type: { field: fn } }');
  if (onEnable !== undefined && typeof onEnable !== 'function') problems.push('onEnable must be a function');
  if (onDisable !== undefined && typeof onDisable !== 'function') problems.push('onDisable must be a function');
  if (services !== undefined && typeof services !== 'function') problems.push('services must be a function (handle) => ({ name: fn })');
  if (migrations !== undefined) {
    const ok =
      Array.isArray(migrations) &&
      migrations.every((m) => isObject(m) && typeof m.id === 'string' && m.id !== '' && typeof m.up === 'function');
    if (!ok) problems.push('migrations must be an array of { id: string, up(handle) }');
    else {
      const ids = migrations.map((m) => (m as { id: string }).id);
      const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
      if (duplicate) problems.push(`migration id "${duplicate}" is used twice`);
    }
  }
  return problems;
}

/**
 * Checks the shape of a module's default export (what `defineModule` declares). A plain object
 * of that shape is accepted too. Throws MODULE_LOAD_FAILED listing every problem.
 */
export function validateModuleDefinition(name: string, exported: unknown): ModuleDefinition {
  if (!isObject(exported)) {
    throw platformError(
      'MODULE_LOAD_FAILED',
      `Module ${name}: the default export must be an object made with defineModule({ typeDefs, resolvers }).`,
      {
        details: { module: name },
      },
    );
  }
  const problems = problemsOf(exported);
  if (problems.length > 0) {
    throw platformError('MODULE_LOAD_FAILED', `Module ${name}: ${problems.join('; ')}.`, { details: { module: name, problems } });
  }
  return exported as unknown as ModuleDefinition;
}
