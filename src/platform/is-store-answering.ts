import type { DocumentStore } from '../store/types.js';

const STORE_CHECK_TIMEOUT_MS = 2_000;

/** True when the store answers a cheap call within 2 s (for `/ready`). */
export async function isStoreAnswering(store: DocumentStore): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), STORE_CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.listCollections().then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
