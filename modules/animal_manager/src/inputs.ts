/** zod schemas for Animal Manager's GraphQL inputs. */
import { z } from 'zod';
import { ANIMAL_SEXES, HEALTH_EVENT_KINDS } from './documents.js';

// Clocks of phones in the barn drift; a few minutes "in the future" is still now.
const SKEW_MS = 5 * 60_000;
const pastDate = z
  .date({ message: 'must be an ISO 8601 date-time' })
  .refine((date) => date.getTime() <= Date.now() + SKEW_MS, 'must not be in the future');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const CreateAnimalInput = z.object({
  species: text(60).min(1, 'must not be empty'),
  tag: text(40).min(1, 'must not be empty'),
  name: text(80).nullish(),
  birthDate: pastDate.nullish(),
  sex: z.enum(ANIMAL_SEXES).nullish(),
  notes: text(2000).nullish(),
});
export type CreateAnimalInput = z.infer<typeof CreateAnimalInput>;

// null clears an optional field; sex can be changed but not cleared.
export const UpdateAnimalInput = CreateAnimalInput.partial().extend({ sex: z.enum(ANIMAL_SEXES).optional() });
export type UpdateAnimalInput = z.infer<typeof UpdateAnimalInput>;

export const RecordHealthEventInput = z.object({
  animalId: z.string().min(1),
  kind: z.enum(HEALTH_EVENT_KINDS),
  description: text(2000).min(1, 'must not be empty'),
  occurredAt: pastDate.nullish(),
  vet: text(120).nullish(),
});

export const RecordWeightInput = z.object({
  animalId: z.string().min(1),
  weightKg: z.number().positive('must be greater than 0 kg').max(20_000, 'is heavier than any land animal'),
  measuredAt: pastDate.nullish(),
});
