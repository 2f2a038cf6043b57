import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const moduleDir = fileURLToPath(new URL('..', import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL responses loosely; the assertions check their shape.
type Result = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

describe('weather_station', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let admin: string;
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    platform.graphql(query, variables, { token: admin }) as Promise<Result>;

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [moduleDir] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('records readings and totals the rainfall of recent days per station, whatever its spelling', async () => {
    const record = 'mutation($i: RecordWeatherReadingInput!) { recordWeatherReading(input: $i) { station rainfallMm } }';
    const old = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await gql(record, { i: { station: 'North field', rainfallMm: 12.5, takenAt: old } });
    await gql(record, { i: { station: 'North field', rainfallMm: 3.2, temperatureC: 18 } });
    await gql(record, { i: { station: 'north FIELD', rainfallMm: 1.3 } });
    const totals = await gql(
      '{ week: rainfallTotal(station: "North field", days: 7) month: rainfallTotal(station: "North field", days: 30) }',
    );
    expect(totals.data).toEqual({ week: 4.5, month: 17 });
    const list = await gql('{ weatherReadings(station: "NORTH FIELD", limit: 2) { rainfallMm } }');
    expect(list.data!.weatherReadings).toHaveLength(2);
  });

  it('refuses bad input naming the field', async () => {
    const negative = await gql('mutation { recordWeatherReading(input: { station: "S", rainfallMm: -1 }) { id } }');
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rainfallMm' });
    const days = await gql('{ rainfallTotal(station: "S", days: 0) }');
    expect(days.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
  });
});
