import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types generated from the core SDL: `npm run codegen` after editing schema/*.graphql. */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../server/context.js#PlatformContext',
        scalars: { DateTime: 'Date', JSON: 'unknown' },
        mappers: { User: '../auth/types.js#AuthUser', Module: '../plugins/runtime/index.js#ModuleInfo' },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
      },
    },
  },
  hooks: { afterAllFileWrite: ['biome format --write'] },
};

export default config;
