import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Heap per character of query text, measured: a parsed document keeps its AST, locations and
 * token list (a 589 KB, 20,000-alias document held ~50 MB). Refused texts are kept as the key
 * of their cached error.
 */
const DOCUMENT_BYTES_PER_CHAR = 100;
const ERROR_BYTES_PER_CHAR = 2;

export interface ParserCacheOptions {
  /** Estimated heap for parsed documents (default 64 MB). */
  documentBytes?: number;
  /** Estimated heap for the texts of refused documents (default 8 MB). */
  errorBytes?: number;
}

/**
 * Yoga's parse caches (text → document, text → parse error) bounded by estimated memory as well
 * as by count and age (yoga's own: 1,024 entries, 1 h), so a stream of large distinct documents
 * cannot pin gigabytes. Documents over the limits never reach the document cache (refused while
 * parsing or validating), but their texts do reach the error cache.
 */
export function createParserCache(options: ParserCacheOptions = {}) {
  const common = { max: 1024, ttl: 3_600_000 };
  return {
    documentCache: new LRUCache<string, DocumentNode>({
      ...common,
      maxSize: options.documentBytes ?? 64 * 2 ** 20,
      sizeCalculation: (_document, text) => Math.max(1, text.length * DOCUMENT_BYTES_PER_CHAR),
    }),
    errorCache: new LRUCache<string, object>({
      ...common,
      maxSize: options.errorBytes ?? 8 * 2 ** 20,
      sizeCalculation: (_error, text) => Math.max(1, text.length * ERROR_BYTES_PER_CHAR),
    }),
  };
}
