import { badInput, fromField, type ModuleContext, withPermission } from 'a64-platform/sdk';
import { collections } from './documents.js';
import { escapeRegex } from './escape-regex.js';
import { CreatePlantDataInput } from './inputs.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { nowIso } from './lookups.js';
import { parseInput } from './parse-input.js';

async function listPlants(_: unknown, args: { search?: string | null }, { module }: ModuleContext) {
  const filter = args.search
    ? {
        $or: [
          { cropName: { $regex: escapeRegex(args.search), $options: 'i' } },
          { variety: { $regex: escapeRegex(args.search), $options: 'i' } },
        ],
      }
    : {};
  return collections(module).plants.find(filter, { sort: { cropName: 1, variety: 1 }, readOnly: true });
}

async function createPlant(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(CreatePlantDataInput, args.input);
  const { plants } = collections(module);
  const exists = () => badInput('variety', `${input.cropName} "${input.variety}" already exists; pick another variety name`);
  if (await plants.findOne({ cropName: input.cropName, variety: input.variety })) throw exists();
  return plants.insertOne({ ...input, createdAt: nowIso() }).catch((error: unknown) => {
    throw isDuplicateKey(error) ? exists() : error;
  });
}

export const plantQueries = { plantData: withPermission('farm.view', listPlants) };
export const plantMutations = { createPlantData: withPermission('farm.edit', createPlant) };
export const plantFields = { id: fromField('_id') };
