import { badInput, type ModuleContext, type ModuleDocument, type ModuleHandle, parseInput, withPermission } from 'a64-platform/sdk';
import { z } from 'zod';

const DAY_MS = 86_400_000;
// Field loggers' clocks drift; a few minutes "in the future" is still now.
const SKEW_MS = 5 * 60_000;

type ReadingDoc = ModuleDocument & {
  station: string;
  stationKey: string;
  takenAt: string;
  rainfallMm: number;
  temperatureC: number | null;
  recordedBy: string | null;
};

const RecordWeatherReadingInput = z.object({
  station: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  takenAt: z
    .date({ message: 'must be an ISO 8601 date-time' })
    .refine((date) => date.getTime() <= Date.now() + SKEW_MS, 'must not be in the future')
    .nullish(),
  rainfallMm: z.number().min(0, 'must not be negative').max(2000, 'must be at most 2000 mm'),
  temperatureC: z.number().min(-90, 'must be at least -90 °C').max(60, 'must be at most 60 °C').nullish(),
});

const readings = (handle: Pick<ModuleHandle, 'store'>) => handle.store.collection<ReadingDoc>('weather_readings');

async function recordReading(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(RecordWeatherReadingInput, args.input);
  return readings(module).insertOne({
    station: input.station,
    stationKey: input.station.toLowerCase(),
    takenAt: (input.takenAt ?? new Date()).toISOString(),
    rainfallMm: input.rainfallMm,
    temperatureC: input.temperatureC ?? null,
    recordedBy: module.user?.email ?? null,
  });
}

function listReadings(_: unknown, args: { station: string; limit?: number | null }, { module }: ModuleContext) {
  const limit = args.limit ?? 50;
  if (limit < 1 || limit > 200) throw badInput('limit', 'must be between 1 and 200');
  return readings(module).find({ stationKey: args.station.toLowerCase() }, { sort: { takenAt: -1 }, limit });
}

async function rainfallTotal(_: unknown, args: { station: string; days: number }, { module }: ModuleContext) {
  if (!Number.isInteger(args.days) || args.days < 1 || args.days > 366) throw badInput('days', 'must be a whole number from 1 to 366');
  const since = new Date(Date.now() - args.days * DAY_MS).toISOString();
  const recent = await readings(module).find({ stationKey: args.station.toLowerCase(), takenAt: { $gte: since } });
  return Math.round(recent.reduce((sum, reading) => sum + reading.rainfallMm, 0) * 10) / 10;
}

export const weatherResolvers = {
  Query: {
    weatherReadings: withPermission('weather.view', listReadings),
    rainfallTotal: withPermission('weather.view', rainfallTotal),
  },
  Mutation: { recordWeatherReading: withPermission('weather.record', recordReading) },
  WeatherReading: { id: (reading: ReadingDoc) => reading._id },
};
