import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { parseManifest } from './parse-manifest.js';

const VALID = {
  module_name: 'farm_notes',
  display_name: 'Farm notes',
  version: '1.0.0',
  description: 'Notes',
  author: 'Tests',
  entry: 'index.js',
  dependencies: { core: '>=1.0.0' },
  database_collections: ['notes'],
  permissions: ['notes.view'],
  license_required: false,
};

/** Either a manifest, or PACKAGE_INVALID: never another error. */
function outcome(input: unknown): 'ok' | string {
  try {
    parseManifest(input);
    return 'ok';
  } catch (error) {
    return isPlatformError(error) ? error.code : `uncoded: ${String(error)}`;
  }
}

const anyValue = fc.oneof(fc.jsonValue(), fc.string(), fc.constant(undefined), fc.constant(null));

describe('parseManifest (fuzzed)', () => {
  it('answers any JSON text with a manifest or PACKAGE_INVALID', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        expect(['ok', 'PACKAGE_INVALID']).toContain(outcome(text));
      }),
      { numRuns: 300 },
    );
  });

  it('answers a valid manifest with one field replaced by anything with a manifest or PACKAGE_INVALID', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(VALID), '__proto__', 'constructor', 'extra'), anyValue, (field, value) => {
        const manifest: Record<string, unknown> = { ...VALID };
        Object.defineProperty(manifest, field, { value, enumerable: true, configurable: true, writable: true });
        expect(['ok', 'PACKAGE_INVALID']).toContain(outcome(manifest));
      }),
      { numRuns: 300 },
    );
  });

  it('answers arbitrary bytes with PACKAGE_INVALID', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(['ok', 'PACKAGE_INVALID']).toContain(outcome(Buffer.from(bytes)));
      }),
      { numRuns: 200 },
    );
  });
});
