/** zod schemas for every GraphQL input of Farm Manager (GraphQL checks types; these check meaning). */
import { z } from 'zod';
import { ALERT_SEVERITIES, BLOCK_STATES, HARVEST_QUALITIES } from './documents.js';

const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const area = z.number().positive('must be greater than 0 hectares').max(1_000_000, 'is larger than any farm');
const notes = z.string().max(2000, 'must be at most 2000 characters').nullish();
const id = z.string().min(1, 'must be an id');
const date = z.date({ message: 'must be an ISO 8601 date-time' });

export const FarmLocationInput = z.object({
  latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
  longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
});

export const CreateFarmInput = z.object({
  name,
  location: FarmLocationInput.nullish(),
  areaHectares: area,
  manager: z.string().trim().max(120).nullish(),
  active: z.boolean().nullish(),
  notes,
});
export type CreateFarmInput = z.infer<typeof CreateFarmInput>;

// null clears an optional field; the required ones (name, area, active) can only be changed, not cleared.
export const UpdateFarmInput = CreateFarmInput.partial().extend({
  name: name.optional(),
  areaHectares: area.optional(),
  active: z.boolean().optional(),
});
export type UpdateFarmInput = z.infer<typeof UpdateFarmInput>;

export const FarmFilter = z
  .object({
    search: z.string().max(120).nullish(),
    active: z.boolean().nullish(),
    manager: z.string().max(120).nullish(),
  })
  .nullish();
export type FarmFilter = z.infer<typeof FarmFilter>;

export const PageArgs = z.object({
  first: z.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100'),
  after: z.string().nullish(),
});

export const CreateBlockInput = z.object({ farmId: id, name, areaHectares: area, notes });
export type CreateBlockInput = z.infer<typeof CreateBlockInput>;

export const UpdateBlockInput = z.object({ name: name.optional(), areaHectares: area.optional(), notes });
export type UpdateBlockInput = z.infer<typeof UpdateBlockInput>;

export const ChangeBlockStateInput = z.object({
  state: z.enum(BLOCK_STATES),
  plantId: id.nullish(),
  plantingDate: date.nullish(),
  expectedHarvestDate: date.nullish(),
});
export type ChangeBlockStateInput = z.infer<typeof ChangeBlockStateInput>;

export const CreatePlantDataInput = z
  .object({
    cropName: name,
    variety: name,
    daysToMaturity: z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days'),
    expectedYieldKgPerHectare: z.number().positive('must be greater than 0'),
    growingConditions: z.object({
      minTemperatureC: z.number().min(-60).max(60),
      maxTemperatureC: z.number().min(-60).max(60),
      soilPhMin: z.number().min(0, 'must be between 0 and 14').max(14, 'must be between 0 and 14'),
      soilPhMax: z.number().min(0, 'must be between 0 and 14').max(14, 'must be between 0 and 14'),
      water: z.enum(['LOW', 'MEDIUM', 'HIGH']),
      sunlight: z.enum(['FULL_SUN', 'PARTIAL_SHADE', 'SHADE']),
    }),
  })
  .superRefine((plant, ctx) => {
    const conditions = plant.growingConditions;
    if (conditions.minTemperatureC > conditions.maxTemperatureC) {
      ctx.addIssue({ code: 'custom', path: ['growingConditions', 'maxTemperatureC'], message: 'must not be below minTemperatureC' });
    }
    if (conditions.soilPhMin > conditions.soilPhMax) {
      ctx.addIssue({ code: 'custom', path: ['growingConditions', 'soilPhMax'], message: 'must not be below soilPhMin' });
    }
  });
export type CreatePlantDataInput = z.infer<typeof CreatePlantDataInput>;

export const RecordHarvestInput = z.object({
  blockId: id,
  quantityKg: z.number().positive('must be greater than 0 kg').max(100_000_000, 'is not a plausible harvest'),
  quality: z.enum(HARVEST_QUALITIES).nullish(),
  harvestedAt: date.nullish(),
  notes,
});
export type RecordHarvestInput = z.infer<typeof RecordHarvestInput>;

export const CreateAlertInput = z.object({
  farmId: id,
  blockId: id.nullish(),
  severity: z.enum(ALERT_SEVERITIES).nullish(),
  message: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
});
export type CreateAlertInput = z.infer<typeof CreateAlertInput>;

export const DateRangeInput = z
  .object({ from: date, to: date })
  .refine((range) => range.from.getTime() <= range.to.getTime(), { path: ['to'], message: 'must not be before from' });

export const YieldAnalyticsInput = z
  .object({
    from: date,
    to: date,
    groupBy: z.enum(['FARM', 'BLOCK', 'CROP']),
    farmId: id.nullish(),
  })
  .refine((range) => range.from.getTime() <= range.to.getTime(), { path: ['to'], message: 'must not be before from' });
export type YieldAnalyticsInput = z.infer<typeof YieldAnalyticsInput>;
