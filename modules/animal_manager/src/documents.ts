/** Stored shapes of Animal Manager's collections; dates are ISO 8601 strings. */
import type { ModuleCollection, ModuleDocument, ModuleHandle } from 'a64-platform/sdk';

export const ANIMAL_SEXES = ['FEMALE', 'MALE', 'UNKNOWN'] as const;
export const HEALTH_EVENT_KINDS = ['VACCINATION', 'TREATMENT', 'CHECKUP', 'INJURY', 'ILLNESS', 'OTHER'] as const;

export type AnimalDoc = ModuleDocument & {
  species: string;
  /** Lower-case species: tags are unique per species whatever its spelling ("Cattle", "cattle"). */
  speciesKey: string;
  tag: string;
  /** The tag as compared for uniqueness: lower-case since 1.1.0 (migration 002 fills it for older animals). */
  tagKey: string;
  name: string | null;
  birthDate: string | null;
  sex: (typeof ANIMAL_SEXES)[number];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
};

export type HealthEventDoc = ModuleDocument & {
  animalId: string;
  kind: (typeof HEALTH_EVENT_KINDS)[number];
  description: string;
  occurredAt: string;
  vet: string | null;
  recordedBy: string | null;
};

export type WeightDoc = ModuleDocument & {
  animalId: string;
  weightKg: number;
  measuredAt: string;
  recordedBy: string | null;
};

export function collections(handle: Pick<ModuleHandle, 'store'>) {
  const c = <T extends ModuleDocument>(name: string): ModuleCollection<T> => handle.store.collection<T>(name);
  return {
    animals: c<AnimalDoc>('animals'),
    healthEvents: c<HealthEventDoc>('animal_health_events'),
    weights: c<WeightDoc>('animal_weights'),
  };
}
