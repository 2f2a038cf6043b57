import { isPlatformError, platformError } from '../../errors/index.js';
import { Catalog, Revocations } from './catalog-schema.js';
import { type DownloadOptions, downloadPackage, type PackageRef } from './download-package.js';
import type { FetchLimits } from './fetch-bounded.js';
import { fetchSignedDocument, parseSignedDocument } from './fetch-signed-document.js';
import type { RegistryState, RegistryStateStore } from './registry-state.js';
import type { PublicJwk } from './signing-keys.js';

export interface RegistryClientOptions {
  /** Base URL of the registry; a trailing slash is fine. */
  url: string;
  /** The only key whose signatures are trusted (REGISTRY_PUBLIC_KEY). */
  publicKey: PublicJwk;
  /** How long a listing may reuse the cached catalog (REGISTRY_TTL_SECONDS). */
  ttlSeconds: number;
  state: RegistryStateStore;
  /** Deadline per file, headers and body; default 10 s. */
  fetchTimeoutMs?: number;
  /** Largest catalog.json / revocations.json accepted; default 5 MiB. */
  maxCatalogBytes?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface RegistryStatus {
  /** When the catalog in use was fetched and verified; null before the first success. */
  fetchedAt: Date | null;
  /** True while listings are served from the last good copy because the registry is unreachable. */
  stale: boolean;
  /** Why the last refresh failed, if it did. */
  lastError: string | null;
}

export interface RegistryClient {
  readonly url: string;
  /**
   * The verified catalog. `fresh: true` (install, upgrade) always fetches and verifies;
   * `fresh: false` (listing) reuses a copy younger than the TTL and, when the registry is
   * unreachable, the last good copy. Throws SIGNATURE_INVALID, CATALOG_EXPIRED, CATALOG_ROLLBACK,
   * REGISTRY_UNAVAILABLE.
   */
  getCatalog(options: { fresh: boolean }): Promise<Catalog>;
  /** The verified revocation list, with the same caching, expiry and rollback rules. */
  getRevocations(options?: { fresh?: boolean }): Promise<Revocations>;
  /** Streams a package to `destFile`, checked against its signed catalog entry (see `downloadPackage`). */
  downloadPackage(entry: PackageRef, destFile: string, options: DownloadOptions): Promise<{ sha256: string; size: number }>;
  status(): RegistryStatus;
}

interface Cached<T> {
  value: T;
  fetchedAt: Date;
}

/** What the registry owner runs to fix an expired file (signed documents expire 30 days after signing). */
const RESIGN_HINT = {
  'catalog.json':
    'The registry owner re-signs it with `a64 registry resign <registry dir> --key <private.jwk.json>` (best from a daily job) or by publishing a package.',
  'revocations.json':
    'The registry owner signs it again by revoking with `a64 license revoke <jti> --registry <registry dir> --key <private.jwk.json>`.',
};

function assertNotExpired(expires: string, file: string, now: Date): void {
  if (Date.parse(expires) <= now.getTime()) {
    throw platformError(
      'CATALOG_EXPIRED',
      `The registry's ${file} expired at ${expires}; until it is signed again installs are refused. ${RESIGN_HINT[file as keyof typeof RESIGN_HINT] ?? ''}`.trim(),
    );
  }
}

function assertNoRollback(version: number, highest: number, file: string): void {
  if (version < highest) {
    throw platformError(
      'CATALOG_ROLLBACK',
      `The registry's ${file} has version ${version}, older than version ${highest} already accepted. This may be a replay of an old copy; refusing it.`,
    );
  }
}

/**
 * The platform's view of a signed registry (docs/registry.md).
 *
 * @example
 * const registry = createRegistryClient({ url, publicKey, ttlSeconds: 60, state: createRegistryStateRepo(store, kid) });
 * const catalog = await registry.getCatalog({ fresh: true });
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const base = options.url.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const limits: FetchLimits = { timeoutMs: options.fetchTimeoutMs ?? 10_000, maxBytes: options.maxCatalogBytes ?? 5 * 1024 * 1024 };
  let state: RegistryState | null = null;
  let catalog: Cached<Catalog> | null = null;
  let revocations: Cached<Revocations> | null = null;
  let catalogInFlight: Promise<Catalog> | null = null;
  let revocationsInFlight: Promise<Revocations> | null = null;
  const status: RegistryStatus = { fetchedAt: null, stale: false, lastError: null };

  async function loadState(): Promise<RegistryState> {
    if (state) return state;
    const loaded = (await options.state.load()) ?? { highestVersion: 0 };
    state = { ...loaded };
    if (loaded.lastGood && !catalog) {
      try {
        // Stored by us after verification; parsed again only to get the typed value.
        catalog = {
          value: parseSignedDocument(loaded.lastGood.catalogText, Catalog, 'stored catalog'),
          fetchedAt: loaded.lastGood.fetchedAt,
        };
        status.fetchedAt = loaded.lastGood.fetchedAt;
      } catch {
        catalog = null;
      }
    }
    return state;
  }

  const isYoung = (cached: Cached<unknown> | null) =>
    cached !== null && now().getTime() - cached.fetchedAt.getTime() < options.ttlSeconds * 1000;

  async function refreshCatalog(): Promise<Catalog> {
    const current = await loadState();
    const document = await fetchSignedDocument(base, 'catalog.json', Catalog, options.publicKey, limits);
    const fetchedAt = now();
    assertNotExpired(document.value.expires, 'catalog.json', fetchedAt);
    assertNoRollback(document.value.version, current.highestVersion, 'catalog.json');
    current.highestVersion = document.value.version;
    current.lastGood = { catalogText: document.text, fetchedAt };
    await options.state.save(current);
    catalog = { value: document.value, fetchedAt };
    Object.assign(status, { fetchedAt, stale: false, lastError: null });
    return document.value;
  }

  async function refreshRevocations(): Promise<Revocations> {
    const current = await loadState();
    const document = await fetchSignedDocument(base, 'revocations.json', Revocations, options.publicKey, limits);
    const fetchedAt = now();
    assertNotExpired(document.value.expires, 'revocations.json', fetchedAt);
    assertNoRollback(document.value.version, current.revocationsVersion ?? 0, 'revocations.json');
    current.revocationsVersion = document.value.version;
    await options.state.save(current);
    revocations = { value: document.value, fetchedAt };
    return document.value;
  }

  /** One fetch at a time per file: concurrent callers share it (and its state write). */
  function shared<T>(get: () => Promise<T> | null, set: (p: Promise<T> | null) => void, run: () => Promise<T>): Promise<T> {
    const running = get();
    if (running) return running;
    const promise = run().finally(() => set(null));
    set(promise);
    return promise;
  }

  return {
    url: base,
    async getCatalog({ fresh }) {
      await loadState();
      if (!fresh && catalog && isYoung(catalog)) return catalog.value;
      try {
        return await shared(
          () => catalogInFlight,
          (p) => {
            catalogInFlight = p;
          },
          refreshCatalog,
        );
      } catch (error) {
        status.lastError = (error as Error).message;
        // Listing keeps working on the last good copy when the registry is merely unreachable.
        if (!fresh && catalog && isPlatformError(error, 'REGISTRY_UNAVAILABLE')) {
          status.stale = true;
          return catalog.value;
        }
        throw error;
      }
    },
    async getRevocations({ fresh = false } = {}) {
      if (!fresh && revocations && isYoung(revocations)) return revocations.value;
      try {
        return await shared(
          () => revocationsInFlight,
          (p) => {
            revocationsInFlight = p;
          },
          refreshRevocations,
        );
      } catch (error) {
        if (!fresh && revocations && isPlatformError(error, 'REGISTRY_UNAVAILABLE')) return revocations.value;
        throw error;
      }
    },
    downloadPackage(entry, destFile, downloadOptions) {
      return downloadPackage(base, entry, destFile, downloadOptions);
    },
    status() {
      return { ...status };
    },
  };
}
