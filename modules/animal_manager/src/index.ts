import { animalManager } from './animal-manager.js';
import { caseInsensitiveTag } from './animals.js';
import { caseInsensitiveTags, createIndexes } from './migrations.js';

// 1.1.0: tags unique per species whatever their case; migration 002 re-keys older animals.
export default animalManager(caseInsensitiveTag, [createIndexes, caseInsensitiveTags(caseInsensitiveTag)]);
