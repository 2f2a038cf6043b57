import { jsonText } from './json-text.js';
import type { TemplateNames } from './template-names.js';

/**
 * `package.json` of a new module. `a64-platform` is linked from the platform the scaffold ran
 * from (`file:`), so `a64-platform/sdk` and `a64-platform/testkit` resolve without a registry.
 */
export function packageTemplate(names: TemplateNames, platformSpec: string): string {
  const pkg = {
    name: `a64-module-${names.module.replaceAll('_', '-')}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      test: 'vitest run',
      typecheck: 'tsc -p .',
      pack: 'a64 module pack . --out dist',
    },
    devDependencies: {
      'a64-platform': platformSpec,
      '@types/node': '^20.19.0',
      typescript: '^5.9.3',
      vitest: '^4.1.12',
      zod: '^4.0.0',
    },
  };
  return jsonText(pkg);
}

/** `vitest.config.ts`: the tests start a real platform, so give them time. */
export function vitestConfigTemplate(): string {
  return `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
`;
}

/** `tsconfig.json` for editors and `npm run typecheck`. */
export function tsconfigTemplate(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['src/**/*.ts', 'test/**/*.ts'],
  };
  return jsonText(config);
}
