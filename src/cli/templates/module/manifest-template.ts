import { jsonText } from './json-text.js';
import type { TemplateNames } from './template-names.js';

/** `manifest.json` of a new module: one collection, a view and an edit permission. */
export function manifestTemplate(names: TemplateNames): string {
  const manifest = {
    module_name: names.module,
    display_name: names.display,
    version: '0.1.0',
    description: `${names.display}: describe what this module does for its users.`,
    author: 'Your name or company',
    entry: 'index.js',
    dependencies: { core: '>=1.0.0' },
    database_collections: [names.collection],
    permissions: [`${names.module}.view`, `${names.module}.edit`],
    license_required: false,
  };
  return jsonText(manifest);
}
