import { createAccessControl } from '../../src/auth/create-access-control.js';
import { loadOrCreateSecret } from '../../src/auth/secret-file.js';
import { createLogger } from '../../src/logging/index.js';
import { createPermissionCatalog } from '../../src/platform/permission-catalog.js';
import { createFieldUsageRecorder } from '../../src/plugins/changes/create-field-usage-recorder.js';
import { useFieldUsage } from '../../src/plugins/changes/use-field-usage.js';
import { createYogaServer } from '../../src/server/create-yoga-server.js';
import { createPlatformMetrics, useGraphqlMetrics } from '../../src/server/metrics/index.js';
import type { startTestPlatform } from '../../test/support/start-test-platform.js';
import { FARM_QUERIES } from './seed-farms.js';

type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;

/**
 * The platform's yoga server without its HTTP layer, for in-process probes (micro-execute,
 * find-pretenured-objects): `once()` runs what the plain JSON path runs for one list request —
 * yoga's GraphQL pipeline from its parameters on (onParams, parse, validate, context with the
 * token check and user load, execute) — and returns the result; it throws on a GraphQL error.
 */
export async function inProcessYoga(platform: TestPlatform, token: string, which: keyof typeof FARM_QUERIES, extraPlugins: object[] = []) {
  const catalog = createPermissionCatalog(platform.modules);
  const { auth } = await createAccessControl({
    store: platform.store,
    tokenSecret: await loadOrCreateSecret(platform.dataDir, 'token.key'),
    tokenTtlSeconds: platform.config.tokenTtlSeconds,
    installationId: platform.installationId,
    catalog,
    livePermissions: catalog.live,
    audit: { append: async () => {} } as never,
  });
  const recorder = createFieldUsageRecorder({ repository: {} as never, retentionDays: 30, logger: { warn() {} } });
  const yoga = createYogaServer({
    schemaHolder: { current: () => ({ schema: platform.modules.schema(), version: 1 }) } as never,
    auth,
    logger: createLogger({ level: 'silent' }),
    exposure: platform.config.graphql,
    // As the platform is configured (the list benches leave METRICS off).
    plugins: [
      ...(platform.config.metrics === 'off' ? [] : [useGraphqlMetrics(createPlatformMetrics())]),
      useFieldUsage(recorder),
      ...(extraPlugins as never[]),
    ],
  });
  const query = FARM_QUERIES[which];
  const authorization = `Bearer ${token}`;
  return async function once(): Promise<{ result: Record<string, unknown>; request: Request }> {
    // A stand-in for the request a fast path holds: only the header the platform reads.
    const request = {
      method: 'POST',
      url: 'http://127.0.0.1/graphql',
      headers: new Headers({ authorization, 'content-type': 'application/json' }),
    } as unknown as Request;
    const result = (await yoga.getResultForParams({ params: { query }, request }, {})) as Record<string, unknown>;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return { result, request };
  };
}
