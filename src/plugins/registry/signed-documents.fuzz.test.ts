import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { Catalog, Revocations } from './catalog-schema.js';
import { parseSignedDocument } from './fetch-signed-document.js';
import { signDetached } from './sign-detached.js';
import { generateSigningKeyPair, type SigningKeyPair } from './signing-keys.js';
import { verifyDetached } from './verify-detached.js';

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return isPlatformError(error) ? error.code : `uncoded: ${String(error)}`;
  }
}

const CATALOG = {
  version: 3,
  expires: '2030-01-01T00:00:00.000Z',
  modules: [
    {
      name: 'farm_notes',
      displayName: 'Farm notes',
      description: 'Notes',
      author: 'Tests',
      latest: '1.0.0',
      versions: [
        {
          version: '1.0.0',
          sha256: 'a'.repeat(64),
          size: 10,
          core: '>=1.0.0',
          dependencies: {},
          licenseRequired: false,
          licenseType: null,
        },
      ],
    },
  ],
};

/** `value` with the node at a random path replaced by `replacement`. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as object) };
  copy[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

describe('registry documents (fuzzed)', () => {
  let keys: SigningKeyPair;
  beforeAll(async () => {
    keys = await generateSigningKeyPair();
  });

  it('parses any catalog or revocation text into the schema or refuses it with REGISTRY_UNAVAILABLE', () => {
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.jsonValue(),
        fc.constantFrom(Catalog, Revocations),
        async (path, replacement, schema) => {
          const text = JSON.stringify(mutate(CATALOG, path, replacement));
          expect(['ok', 'REGISTRY_UNAVAILABLE']).toContain(await codeOf(() => parseSignedDocument(text, schema as never, 'catalog.json')));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        let code = 'ok';
        try {
          parseSignedDocument(text, Catalog, 'catalog.json');
        } catch (error) {
          code = isPlatformError(error) ? error.code : 'uncoded';
        }
        expect(['ok', 'REGISTRY_UNAVAILABLE']).toContain(code);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any signature but the real one with SIGNATURE_INVALID', async () => {
    const bytes = Buffer.from(JSON.stringify(CATALOG));
    const real = await signDetached(bytes, keys.privateJwk);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[\w-]{0,40}\.[\w-]{0,5}\.[\w-]{0,90}$/),
          // The real signature with one character changed.
          fc
            .nat({ max: real.length - 1 })
            .chain((at) => fc.constantFrom('A', '-', '_', '.', '=').map((c) => real.slice(0, at) + c + real.slice(at + 1))),
        ),
        async (signature) => {
          fc.pre(signature !== real);
          expect(await codeOf(() => verifyDetached(bytes, signature, keys.publicJwk, 'catalog.json'))).toBe('SIGNATURE_INVALID');
        },
      ),
      { numRuns: 200 },
    );
  });
});
