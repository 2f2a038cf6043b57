import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { subscribeModuleEvents } from './support/module-events.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

/** ModuleEvent.code: a watcher tells a refusal from a fault without parsing messages. */
describe('moduleEvents: a FAILED event carries the error code', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish({
      ...simpleModule('paid_tool', '1.0.0', 'paidTool', 'paid'),
      manifest: { license_required: true, license_type: 'per_installation' },
    });
    await registry.publish(simpleModule('base_kit', '1.0.0', 'baseKit', 'base'));
    await registry.publish({
      ...simpleModule('uses_kit', '1.0.0', 'usesKit', 'uses'),
      manifest: { dependencies: { core: '>=1.0.0', base_kit: '^1.0.0' } },
    });
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it('ends a refused install with code LICENSE_REQUIRED, and a refused disable with DEPENDENTS_ENABLED', async () => {
    const events = await subscribeModuleEvents(platform.graphqlUrl, token);
    try {
      await platform.gql('mutation { installModule(input: { name: "paid_tool" }) { name } }', undefined, token);
      const install = (await events.finished('paid_tool')).at(-1);
      expect(install).toMatchObject({ kind: 'INSTALL', status: 'FAILED', code: 'LICENSE_REQUIRED' });

      await platform.gql('mutation { installModule(input: { name: "base_kit" }) { name } }', undefined, token);
      await platform.gql('mutation { installModule(input: { name: "uses_kit" }) { name } }', undefined, token);
      await platform.gql('mutation { disableModule(name: "base_kit") { state } }', undefined, token);
      const disable = await events.until('base_kit', (event) => event.kind === 'DISABLE' && event.status === 'FAILED');
      expect(disable.at(-1)).toMatchObject({ status: 'FAILED', code: 'DEPENDENTS_ENABLED' });
      // Successful and running events carry no code.
      expect(events.eventsOf('uses_kit').every((event) => event.code === null)).toBe(true);
    } finally {
      events.close();
    }
  });
});
