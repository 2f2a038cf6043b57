export { hasDataAfterArchiveEnd } from './archive-end.js';
export { entryPathKey, entryPathProblem } from './check-entry-path.js';
export { type ExtractedPackage, type ExtractLimits, extractPackage } from './extract-package.js';
