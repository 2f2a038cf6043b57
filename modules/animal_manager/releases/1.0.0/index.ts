// Animal Manager 1.0.0 as released: tags compared exactly ("DE-001" and "de-001" were two animals).
// Only the demo registry carries it (scripts/build-demo.mjs), next to 1.1.0 built from ../../src,
// so a newcomer can install 1.0.0 and then upgrade and see migration 002 run.
import { animalManager } from '../../src/animal-manager.js';
import type { TagKey } from '../../src/animals.js';
import { createIndexes } from '../../src/migrations.js';

const exactTag: TagKey = (tag) => tag;

export default animalManager(exactTag, [createIndexes]);
