import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFarms } from '../bench/support/seed-farms.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

/** Store calls by operation, from the platform's own counter (`a64_store_operation_duration_seconds`). */
async function storeCalls(platform: TestPlatform): Promise<Record<string, number>> {
  const text = await (await fetch(`${platform.url}/metrics`)).text();
  const calls: Record<string, number> = {};
  for (const match of text.matchAll(/^a64_store_operation_duration_seconds_count\{operation="([^"]+)"\} (\d+)$/gm)) {
    calls[match[1]!] = Number(match[2]);
  }
  return calls;
}

const NESTED = `{ farms(first: 100) { totalCount items { id name
  blocks { id farmId name state allowedNextStates } blockCount harvestTotal { count } } } }`;

describe('module.loader through GraphQL (Farm Manager)', () => {
  let platform: TestPlatform;
  let admin: string;
  beforeAll(async () => {
    platform = await startTestPlatform({ METRICS: 'on', MAX_QUERY_COST: '100000' });
    admin = await platform.adminToken();
    await seedFarms(platform, admin);
  });
  afterAll(() => platform.stop());

  it("reads the blocks and harvests of a page of 100 farms with one store read each, whatever the page's size", async () => {
    const before = await storeCalls(platform);
    const answer = await platform.gql<{ farms: { totalCount: number; items: Array<{ blocks: unknown[]; blockCount: number }> } }>(
      NESTED,
      {},
      admin,
    );
    const after = await storeCalls(platform);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.farms.items).toHaveLength(100);
    expect(answer.data!.farms.items.every((farm) => farm.blocks.length === 2 && farm.blockCount === 2)).toBe(true);
    // The page itself, then one read for all blocks (shared by blocks and blockCount) and one for all harvests.
    expect((after.find ?? 0) - (before.find ?? 0)).toBe(3);
    expect((after.countDocuments ?? 0) - (before.countDocuments ?? 0)).toBe(1);
  });

  it('answers blocks read ahead by the page exactly as blocks read row by row, through fragments and with arguments', async () => {
    const rowByRow = await platform.gql<{ farms: { items: unknown[] } }>(
      // No `blocks` under `items` where the page looks: each farm's blocks come from the loader.
      '{ farms(first: 100) { items { id ...Children } } } fragment Children on Farm { blocks { id name state } }',
      {},
      admin,
    );
    const before = await storeCalls(platform);
    const readAhead = await platform.gql<{ farms: { items: Array<{ id: string; blocks: unknown[]; planted: unknown[] }> } }>(
      `{ farms(first: 100) { ...Page } }
       fragment Page on FarmPage { items { id ... on Farm { blocks { id name state } planted: blocks(state: PLANTED) { id } } } }`,
      {},
      admin,
    );
    const after = await storeCalls(platform);
    expect(rowByRow.errors).toBeUndefined();
    expect(readAhead.errors).toBeUndefined();
    expect(readAhead.data!.farms.items.map(({ id, blocks }) => ({ id, blocks }))).toEqual(rowByRow.data!.farms.items);
    expect(readAhead.data!.farms.items.every((farm) => farm.planted.length === 0)).toBe(true);
    // The page, its blocks read ahead, and the PLANTED blocks (another loader) in one read.
    expect((after.find ?? 0) - (before.find ?? 0)).toBe(3);
  });
});
