/** Escapes user text for a `$regex` filter, so a search for "a.b" matches only "a.b". */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
