/** zod schemas for Inventory's GraphQL inputs. */
import { z } from 'zod';
import { MOVEMENT_REASONS } from './documents.js';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const quantity = z.number().min(0, 'must not be negative').max(1e12, 'is not a plausible quantity');

export const Sku = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit');

export const CreateItemInput = z.object({
  sku: Sku,
  name: text(120).min(1, 'must not be empty'),
  quantity: quantity.nullish(),
  unit: text(20).min(1, 'must not be empty'),
  location: text(120).nullish(),
  lowStockThreshold: quantity.nullish(),
});

export const UpdateItemInput = z.object({
  name: text(120).min(1, 'must not be empty').optional(),
  unit: text(20).min(1, 'must not be empty').optional(),
  location: text(120).nullish(),
  lowStockThreshold: quantity.optional(),
});

export const AdjustStockInput = z.object({
  sku: Sku,
  delta: z
    .number()
    .refine((value) => value !== 0, 'must not be 0')
    .refine((value) => Math.abs(value) <= 1e12, 'is not a plausible quantity'),
  reason: z
    .enum(MOVEMENT_REASONS)
    .refine(
      (reason) => reason !== 'HARVEST' && reason !== 'OPENING',
      'HARVEST and OPENING are recorded by the platform; use recordHarvestIntoStock',
    ),
  note: text(500).nullish(),
});

export const HarvestIntoStockInput = z.object({
  blockId: z.string().min(1, 'must be a block id'),
  sku: Sku,
  quantity: z.number().positive('must be greater than 0').max(1e9, 'is not a plausible harvest'),
  quality: z.enum(['A', 'B', 'C', 'REJECT']).nullish(),
  note: text(500).nullish(),
});
