/** Operation steps in words, for the live panel and the busy row. */
export const STEP_LABELS = {
  QUEUED: 'Queued',
  LICENSE: 'Checking the license',
  DOWNLOAD: 'Downloading',
  VERIFY: 'Verifying the package',
  EXTRACT: 'Extracting',
  RESOLVE: 'Checking dependencies',
  LOAD: 'Loading',
  ACTIVATE: 'Activating',
  CLEANUP: 'Cleaning up',
  DONE: 'Done',
};

/**
 * `Downloading 42%` — the step, with the share of bytes when the server reports them.
 * @param {{ step: string, bytes?: number|null, totalBytes?: number|null }} event
 */
export function describeProgress(event) {
  const step = STEP_LABELS[/** @type {keyof typeof STEP_LABELS} */ (event.step)] ?? event.step;
  if (typeof event.bytes !== 'number' || typeof event.totalBytes !== 'number' || event.totalBytes <= 0) return `${step}…`;
  return `${step} ${Math.min(100, Math.floor((event.bytes / event.totalBytes) * 100))}%`;
}
