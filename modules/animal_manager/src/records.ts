import { badInput, type ModuleContext, type ModuleHandle, withPermission } from 'a64-platform/sdk';
import { type AnimalDoc, collections } from './documents.js';
import { RecordHealthEventInput, RecordWeightInput } from './inputs.js';
import { parseInput } from './parse-input.js';

async function requireAnimal(handle: ModuleHandle, id: string): Promise<AnimalDoc> {
  const animal = await collections(handle).animals.findOne({ _id: id });
  if (!animal) throw badInput('animalId', `no animal with id "${id}"; find it with animals or animalByTag`);
  return animal;
}

/** Records cannot predate the animal: a weight "before birth" is a typo in the date. */
function assertAfterBirth(animal: AnimalDoc, when: Date, field: string): void {
  if (animal.birthDate && when.getTime() < Date.parse(animal.birthDate))
    throw badInput(field, `is before the animal's birth date ${animal.birthDate}`);
}

async function recordHealthEvent(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(RecordHealthEventInput, args.input);
  const animal = await requireAnimal(module, input.animalId);
  const occurredAt = input.occurredAt ?? new Date();
  assertAfterBirth(animal, occurredAt, 'occurredAt');
  return collections(module).healthEvents.insertOne({
    animalId: animal._id,
    kind: input.kind,
    description: input.description,
    occurredAt: occurredAt.toISOString(),
    vet: input.vet ?? null,
    recordedBy: module.user?.email ?? null,
  });
}

async function recordWeight(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(RecordWeightInput, args.input);
  const animal = await requireAnimal(module, input.animalId);
  const measuredAt = input.measuredAt ?? new Date();
  assertAfterBirth(animal, measuredAt, 'measuredAt');
  return collections(module).weights.insertOne({
    animalId: animal._id,
    weightKg: input.weightKg,
    measuredAt: measuredAt.toISOString(),
    recordedBy: module.user?.email ?? null,
  });
}

export const recordMutations = {
  recordAnimalHealthEvent: withPermission('animal.edit', recordHealthEvent),
  recordAnimalWeight: withPermission('animal.edit', recordWeight),
};

export const recordFields = {
  AnimalHealthEvent: { id: (event: { _id: string }) => event._id },
  AnimalWeight: { id: (weight: { _id: string }) => weight._id },
};
