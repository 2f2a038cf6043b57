/**
 * The layering of docs/architecture.md, checked by `npm run lint` (and so by CI): a layer may
 * import the ones below it, never one above. Bottom to top:
 *   config, errors, logging (leaves) → store → auth, plugins (the module runtime) → server → platform → cli.
 * sdk is what module authors import; modules/ import only the SDK.
 */
const layer = (name, mayNotImport, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/(${name})/` },
  to: { path: `^src/(${mayNotImport.join('|')})/` },
});

module.exports = {
  forbidden: [
    layer(
      'config|errors|logging',
      ['store', 'auth', 'plugins', 'server', 'platform', 'cli', 'admin', 'sdk', 'packaging'],
      'leaves import no other layer',
    ),
    layer('store', ['auth', 'plugins', 'server', 'platform', 'cli', 'admin', 'sdk', 'packaging'], 'the store knows nothing above it'),
    layer('auth', ['plugins', 'server', 'platform', 'cli', 'admin', 'packaging'], 'auth knows users, not modules or HTTP'),
    layer('plugins', ['auth', 'server', 'platform', 'cli', 'admin'], 'the module runtime hands out a schema and does not know the server'),
    layer('server', ['platform', 'cli'], 'the server is assembled by platform, never the other way'),
    layer('platform', ['cli'], 'the CLI drives the platform'),
    {
      name: 'modules-import-only-the-sdk',
      comment: 'first-party modules are built like third-party ones: the SDK is their only way in',
      severity: 'error',
      from: { path: '^modules/[^/]+/src/' },
      to: { path: '^src/', pathNot: '^src/sdk/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build|node_modules)/|\\.test\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
