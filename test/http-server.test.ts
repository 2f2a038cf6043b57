import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, gql } from './support/graphql-client.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

describe('HTTP and GraphQL edge', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ MAX_BODY_BYTES: '4096' });
  });
  afterAll(() => platform.stop());

  it('answers platform info with a persisted installation id', async () => {
    const response = await platform.gql<{
      platform: { version: string; installationId: string; schemaVersion: number; startedAt: string };
    }>('{ platform { version installationId schemaVersion startedAt } }');
    expect(response.data?.platform).toMatchObject({ version: '1.0.0', installationId: platform.installationId });
    expect(response.data?.platform.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(Number.isNaN(Date.parse(response.data!.platform.startedAt))).toBe(false);
  });

  it('serves /health and /ready', async () => {
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    const ready = await fetch(`${platform.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL to a browser', async () => {
    const page = await fetch(platform.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('A64 Platform');
  });

  it('reports malformed GraphQL as a parse error', async () => {
    const response = await platform.gql('{ platform { version ');
    expect(errorCode(response)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('reports unknown fields as a validation error', async () => {
    const response = await platform.gql('{ platform { colour } }');
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toContain('colour');
  });

  it('reports wrong variable types', async () => {
    const response = await gql(platform.graphqlUrl, 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }', {
      e: 42,
      p: true,
    });
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toMatch(/JSON/i);
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const query = `{ platform { version } } # ${'x'.repeat(8000)}`;
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('cuts off an oversized chunked body', async () => {
    const status = await new Promise<number | string>((resolve) => {
      const req = request(
        platform.graphqlUrl,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
        },
      );
      req.on('error', (error) => resolve((error as NodeJS.ErrnoException).code ?? 'error'));
      req.write(`{"query":"{ platform { version } }", "pad": "`);
      for (let i = 0; i < 10; i++) req.write('y'.repeat(1000));
      req.end('"}');
    });
    expect(status).not.toBe(200);
  });
});
