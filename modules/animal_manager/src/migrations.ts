import type { ModuleHandle } from 'a64-platform/sdk';
import type { TagKey } from './animals.js';
import { type AnimalDoc, collections } from './documents.js';

/** 1.0.0: indexes for tags (exact) and for each animal's records. */
export const createIndexes = {
  id: '001-indexes',
  async up(handle: ModuleHandle) {
    const { animals, healthEvents, weights } = collections(handle);
    // The unique index backs the tag check against two concurrent creates.
    await animals.createIndex({ fields: { speciesKey: 1, tag: 1 }, unique: true });
    await healthEvents.createIndex({ fields: { animalId: 1 } });
    await weights.createIndex({ fields: { animalId: 1 } });
  },
};

/**
 * 1.1.0: tags become unique whatever their case. Every animal gets its lower-case `tagKey`, and a
 * unique index on it. Two animals of one species whose tags differ only in case stop the
 * upgrade (the platform then keeps 1.0.0 and the data as they were) with the pair named.
 */
export function caseInsensitiveTags(tagKey: TagKey) {
  return {
    id: '002-case-insensitive-tags',
    async up(handle: ModuleHandle) {
      const { animals } = collections(handle);
      const seen = new Map<string, AnimalDoc>();
      for (const animal of await animals.find({}, { sort: { createdAt: 1 } })) {
        const key = `${animal.speciesKey}\u0000${tagKey(animal.tag)}`;
        const first = seen.get(key);
        if (first) {
          throw new Error(
            `Tags are unique per species whatever their case since 1.1.0, but ${animal.species} "${first.tag}" and "${animal.tag}" differ only in case. Rename one of them with updateAnimal (on 1.0.0), then upgrade again.`,
          );
        }
        seen.set(key, animal);
        if (animal.tagKey !== tagKey(animal.tag)) await animals.updateOne({ _id: animal._id }, { $set: { tagKey: tagKey(animal.tag) } });
      }
      await animals.createIndex({ fields: { speciesKey: 1, tagKey: 1 }, unique: true });
    },
  };
}
