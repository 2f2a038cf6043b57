/** The formatter's line width (biome.json `formatter.lineWidth`). */
const LINE_WIDTH = 140;

// An array of scalars spread over lines by JSON.stringify: `"key": [\n  "a",\n  "b"\n]`.
const SPREAD_ARRAY = /^( *)("(?:[^"\\]|\\.)*": )?\[\n((?: *(?:"(?:[^"\\]|\\.)*"|-?[\d.eE+]+|true|false|null),?\n)+) *\](,?)$/gm;

/**
 * JSON text the way the project's formatter (biome) writes it, so generated files pass
 * `npm run lint` untouched: two-space indent, and arrays of scalars on one line when they fit.
 *
 * @example jsonText({ permissions: ['a.view', 'a.edit'] }) // '{\n  "permissions": ["a.view", "a.edit"]\n}\n'
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(SPREAD_ARRAY, (spread, indent: string, key = '', body: string, comma: string) => {
    const items = body
      .split('\n')
      .map((line) => line.trim().replace(/,$/, ''))
      .filter(Boolean);
    const line = `${indent}${key}[${items.join(', ')}]${comma}`;
    return line.length <= LINE_WIDTH ? line : spread;
  });
  return `${text}\n`;
}
