import { manifestTemplate } from './manifest-template.js';
import { packageTemplate, tsconfigTemplate, vitestConfigTemplate } from './package-template.js';
import { readmeTemplate } from './readme-template.js';
import { sourceTemplate } from './source-template.js';
import { templateNames } from './template-names.js';
import { testTemplate } from './test-template.js';

export interface TemplateFile {
  /** Relative to the module directory, with `/` separators. */
  path: string;
  content: string;
}

/**
 * Every file of a new module named `name` (already validated). `platformSpec` is how its
 * package.json depends on the platform, e.g. `file:../a64-platform`.
 */
export function renderModuleTemplate(name: string, platformSpec: string): TemplateFile[] {
  const names = templateNames(name);
  return [
    { path: 'manifest.json', content: manifestTemplate(names) },
    { path: 'package.json', content: packageTemplate(names, platformSpec) },
    { path: 'tsconfig.json', content: tsconfigTemplate() },
    { path: 'vitest.config.ts', content: vitestConfigTemplate() },
    { path: 'README.md', content: readmeTemplate(names) },
    { path: 'src/index.ts', content: sourceTemplate(names) },
    { path: `test/${name}.test.ts`, content: testTemplate(names) },
  ];
}
