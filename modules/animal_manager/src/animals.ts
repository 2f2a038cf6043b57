import { badInput, fromField, type ModuleContext, type ModuleHandle, selectsField, withPermission } from 'a64-platform/sdk';
import type { GraphQLResolveInfo } from 'graphql';
import { type AnimalDoc, collections, type HealthEventDoc, type WeightDoc } from './documents.js';
import { CreateAnimalInput, UpdateAnimalInput } from './inputs.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { parseInput } from './parse-input.js';

const DAY_MS = 86_400_000;

const WEIGHTS_IN_ORDER = { sort: { measuredAt: 1 } } as const;
const EVENTS_IN_ORDER = { sort: { occurredAt: 1 } } as const;

/** Animals' weights, oldest first, and health events in order: one store read for every animal of a list. */
const weightsLoader = (module: ModuleHandle) => module.loader<WeightDoc>('animal_weights', 'animalId', WEIGHTS_IN_ORDER);
const eventsLoader = (module: ModuleHandle) => module.loader<HealthEventDoc>('animal_health_events', 'animalId', EVENTS_IN_ORDER);

/** What the list already read for this animal, at once; otherwise batched with the other rows. */
const weightsOf = (module: ModuleHandle, animal: AnimalDoc) =>
  weightsLoader(module).loaded(animal._id) ?? weightsLoader(module).load(animal._id);
const latestWeightKg = (weights: WeightDoc[]) => weights.at(-1)?.weightKg ?? null;

/** How a tag is compared: `DE-001` and `de-001` are one tag since 1.1.0 (see the README). */
export type TagKey = (tag: string) => string;

/** Since 1.1.0: tags are unique per species whatever their case. */
export const caseInsensitiveTag: TagKey = (tag) => tag.toLowerCase();

const TAKEN = (species: string, tag: string) =>
  badInput('tag', `a ${species} with tag "${tag}" already exists; tags are unique per species, whatever their case`);

/**
 * The animal resolvers, with the rule that decides when two tags are the same. The current
 * release passes `caseInsensitiveTag`; the demo's 1.0.0 release (releases/1.0.0) compares tags exactly.
 */
export function animalResolvers(tagKey: TagKey) {
  async function assertTagFree(handle: ModuleHandle, species: string, tag: string, exceptId?: string): Promise<void> {
    const taken = await collections(handle).animals.findOne({ speciesKey: species.toLowerCase(), tagKey: tagKey(tag) });
    if (taken && taken._id !== exceptId) throw TAKEN(species, tag);
  }

  function tagTaken(species: string, tag: string) {
    return (error: unknown): never => {
      if (isDuplicateKey(error)) throw TAKEN(species, tag);
      throw error;
    };
  }

  async function createAnimal(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
    const input = parseInput(CreateAnimalInput, args.input);
    await assertTagFree(module, input.species, input.tag);
    const now = new Date().toISOString();
    return collections(module)
      .animals.insertOne({
        species: input.species,
        speciesKey: input.species.toLowerCase(),
        tag: input.tag,
        tagKey: tagKey(input.tag),
        name: input.name ?? null,
        birthDate: input.birthDate?.toISOString() ?? null,
        sex: input.sex ?? 'UNKNOWN',
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .catch(tagTaken(input.species, input.tag));
  }

  async function updateAnimal(_: unknown, args: { id: string; input: unknown }, { module }: ModuleContext) {
    const input = parseInput(UpdateAnimalInput, args.input);
    const { animals } = collections(module);
    const animal = await animals.findOne({ _id: args.id });
    if (!animal) throw badInput('id', `no animal with id "${args.id}"`);
    const species = input.species ?? animal.species;
    const tag = input.tag ?? animal.tag;
    if (input.species !== undefined || input.tag !== undefined) await assertTagFree(module, species, tag, animal._id);
    const set: Record<string, unknown> = { updatedAt: new Date().toISOString(), speciesKey: species.toLowerCase(), tagKey: tagKey(tag) };
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined) set[key] = value instanceof Date ? value.toISOString() : value;
    }
    return animals.findOneAndUpdate({ _id: animal._id }, { $set: set }, { returnDocument: 'after' }).catch(tagTaken(species, tag));
  }

  return {
    queries: {
      animals: withPermission('animal.view', listAnimals),
      animal: withPermission('animal.view', (_: unknown, args: { id: string }, { module }: ModuleContext) =>
        collections(module).animals.findOne({ _id: args.id }),
      ),
      animalByTag: withPermission('animal.view', (_: unknown, args: { species: string; tag: string }, { module }: ModuleContext) =>
        collections(module).animals.findOne({ speciesKey: args.species.toLowerCase(), tagKey: tagKey(args.tag) }),
      ),
    },
    mutations: {
      createAnimal: withPermission('animal.edit', createAnimal),
      updateAnimal: withPermission('animal.edit', updateAnimal),
      deleteAnimal: withPermission('animal.edit', deleteAnimal),
    },
  };
}

async function deleteAnimal(_: unknown, args: { id: string }, { module }: ModuleContext) {
  const { animals, healthEvents, weights } = collections(module);
  const { deletedCount } = await animals.deleteOne({ _id: args.id });
  if (deletedCount === 0) throw badInput('id', `no animal with id "${args.id}"`);
  await healthEvents.deleteMany({ animalId: args.id });
  await weights.deleteMany({ animalId: args.id });
  return true;
}

async function listAnimals(
  _: unknown,
  args: { species?: string | null; search?: string | null },
  { module }: ModuleContext,
  info: GraphQLResolveInfo,
) {
  const filter: Record<string, unknown> = {};
  if (args.species) filter.speciesKey = args.species.toLowerCase();
  if (args.search) {
    const pattern = args.search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    filter.$or = [{ tag: { $regex: pattern, $options: 'i' } }, { name: { $regex: pattern, $options: 'i' } }];
  }
  const animals = await collections(module).animals.find(filter, { sort: { speciesKey: 1, tag: 1 }, readOnly: true });
  // The rows' weights and health events in one read each, now: each row's field then answers at once.
  const ids = animals.map((animal) => animal._id);
  await Promise.all([
    selectsField(info, 'weights') || selectsField(info, 'latestWeightKg') ? weightsLoader(module).prefetch(ids) : undefined,
    selectsField(info, 'healthEvents') ? eventsLoader(module).prefetch(ids) : undefined,
  ]);
  return animals;
}

export const animalFields = {
  id: fromField('_id'),
  ageDays: (animal: AnimalDoc) => (animal.birthDate ? Math.floor((Date.now() - Date.parse(animal.birthDate)) / DAY_MS) : null),
  // Batched: a list of animals reads its events and weights in one store read each.
  healthEvents: (animal: AnimalDoc, _: unknown, { module }: ModuleContext) =>
    eventsLoader(module).loaded(animal._id) ?? eventsLoader(module).load(animal._id),
  weights: (animal: AnimalDoc, _: unknown, { module }: ModuleContext) => weightsOf(module, animal),
  latestWeightKg: (animal: AnimalDoc, _: unknown, { module }: ModuleContext) => {
    const weights = weightsOf(module, animal);
    return Array.isArray(weights) ? latestWeightKg(weights) : weights.then(latestWeightKg);
  },
};
