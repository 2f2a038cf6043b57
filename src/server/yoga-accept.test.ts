import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

type AcceptModule = { getMediaTypesForRequestInOrder(request: { headers: Headers }): readonly string[] };

// graphql-yoga's own modules, ESM (what the platform loads) and CommonJS, as the patch leaves
// them; its package exports do not list them.
const yogaRoot = path.dirname(createRequire(import.meta.url).resolve('graphql-yoga/package.json'));
const builds: Array<[string, AcceptModule]> = await Promise.all(
  ['esm', 'cjs'].map(async (build) => {
    const file = pathToFileURL(path.join(yogaRoot, build, 'plugins/result-processor/accept.js')).href;
    return [build, (await import(file)) as AcceptModule] as [string, AcceptModule];
  }),
);

/** graphql-yoga 5.24.1's parse, unpatched: what every answer must equal. */
function unpatched(accept: string | null): string[] {
  const mediaTypes: string[] = [];
  for (const part of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType, ...params] = part.split(';');
    if (mediaType === undefined) continue;
    if ((params.find((param) => param.includes('charset=')) || 'charset=utf-8') !== 'charset=utf-8') continue;
    mediaTypes.push(mediaType);
  }
  return mediaTypes.reverse();
}

const request = (accept: string | null) => ({ headers: new Headers(accept === null ? {} : { accept }) });

describe.each(builds)(
  "yoga's Accept parsing, %s build (patches/graphql-yoga+5.24.1.patch)",
  (_build, { getMediaTypesForRequestInOrder }) => {
    it('answers as unpatched yoga for any header, the first time and when remembered', () => {
      const part = fc.oneof(
        fc.constantFrom(
          'application/json',
          'application/graphql-response+json',
          'text/event-stream',
          'multipart/mixed',
          '*/*',
          'text/html',
        ),
        fc.string({ maxLength: 12 }),
      );
      const param = fc.constantFrom('', ';charset=utf-8', ';charset=latin1', '; q=0.9', ';CHARSET=UTF-8');
      const header = fc.oneof(
        fc.constant(null),
        fc.array(fc.tuple(part, param), { maxLength: 4 }).map((parts) => parts.map(([type, p]) => type + p).join(', ')),
        fc.string({ minLength: 257, maxLength: 400 }),
      );
      fc.assert(
        fc.property(header, (accept) => {
          // Headers trims and refuses some strings, as a request's headers do.
          let made: { headers: Headers };
          try {
            made = request(accept);
          } catch {
            return;
          }
          const expected = unpatched(made.headers.get('accept'));
          expect([...getMediaTypesForRequestInOrder(made)]).toEqual(expected);
          expect([...getMediaTypesForRequestInOrder(request(made.headers.get('accept')))]).toEqual(expected);
        }),
      );
    });

    it('parses a header once: the same list again, which nobody can change', () => {
      const first = getMediaTypesForRequestInOrder(request('application/json, text/event-stream'));
      expect(getMediaTypesForRequestInOrder(request('application/json, text/event-stream'))).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      // Longer than 256 characters: parsed every time, not kept.
      const long = `application/json;${'x'.repeat(300)}`;
      expect(getMediaTypesForRequestInOrder(request(long))).not.toBe(getMediaTypesForRequestInOrder(request(long)));
    });
  },
);
