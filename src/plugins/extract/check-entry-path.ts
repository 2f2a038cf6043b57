/**
 * Why a package entry name is not portable and safe, or null when it is. Names are relative,
 * `/`-separated, without `..` segments, drive letters, backslashes or control characters.
 */
export function entryPathProblem(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.length > 1024) return 'has a name longer than 1024 characters';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'starts with a drive letter';
  if (name.includes('\\')) return 'contains a backslash';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains a control character';
  const segments = name.replace(/^\.\//, '').replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..')) return 'contains a ".." segment';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'has an empty or "." segment';
  return null;
}

/** The key two entry names collide on: NFC-normalised, case-folded, without `./` or a trailing `/`. */
export function entryPathKey(name: string): string {
  return name.replace(/^\.\//, '').replace(/\/$/, '').normalize('NFC').toLowerCase();
}
