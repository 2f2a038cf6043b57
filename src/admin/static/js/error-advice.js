/**
 * Server errors in the page's words. The API's messages name GraphQL arguments ("pass
 * licenseKey", "use upgradeModule"); on the page the same advice must name the field or button
 * to use. The API keeps its wording; only what the page shows is rephrased here.
 */

/**
 * Codes that mean "the platform said no, on purpose, and changed nothing": a refusal, not a
 * crash. Anything else (load failures, an unreachable registry, masked faults) is a failure.
 */
const REFUSALS = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'MODULE_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'ALREADY_INSTALLED',
  'NOT_INSTALLED',
  'LICENSE_REQUIRED',
  'LICENSE_INVALID',
  'LICENSE_EXPIRED',
  'LICENSE_REVOKED',
  'DEPENDENCY_UNSATISFIED',
  'DEPENDENTS_ENABLED',
  'OPERATION_IN_PROGRESS',
  'CHECKSUM_MISMATCH',
  'SIGNATURE_INVALID',
  'CATALOG_EXPIRED',
  'CATALOG_ROLLBACK',
  'PACKAGE_INVALID',
  'SCHEMA_CONFLICT',
  'BREAKING_CHANGE',
  'PERMISSIONS_NOT_ACCEPTED',
  'RATE_LIMITED',
]);

/** What to do, on this page, after each code (appended to the server's reason). */
const PAGE_ADVICE = {
  LICENSE_REQUIRED: 'Paste the license key from the vendor into “License key” and try again.',
  LICENSE_INVALID: 'Check that the key is for this module and for this installation (its ID is at the top of the page).',
  LICENSE_EXPIRED: 'Ask the vendor for a renewed key and paste it into “License key” (or “Set license” on an installed module).',
  LICENSE_REVOKED: 'Ask the vendor for a new key.',
  MODULE_NOT_FOUND: 'Check the name against the Modules table; “Refresh” fetches the registry’s newest catalog.',
  VERSION_NOT_FOUND: 'Pick one of the versions offered in the list.',
  ALREADY_INSTALLED: 'It is already in the table: use Upgrade, Enable or Disable on its row.',
  NOT_INSTALLED: 'Install it first with “Install” on its row.',
  DEPENDENCY_UNSATISFIED: 'Install and enable the modules listed under Dependencies first.',
  OPERATION_IN_PROGRESS: 'Wait until it finishes under “Live operations”, then try again.',
  REGISTRY_UNAVAILABLE: 'Check that the registry is reachable, then try again; the table keeps the last catalog.',
  BREAKING_CHANGE: 'Once those clients are updated, tick “I accept the breaking changes” and upgrade again.',
  PERMISSIONS_NOT_ACCEPTED: 'Review them, tick “Grant the new permissions and collections” and upgrade again.',
};

/** Sentences that speak GraphQL (argument and mutation names) have no place on the page. */
const API_WORDS =
  /\b(licenseKey|installModule|upgradeModule|enableModule|disableModule|uninstallModule|setModuleLicense|acceptBreakingChanges|acceptPermissions|discardNewData|modules query|mutation)\b/;

/** @param {string} message */
function withoutApiSentences(message) {
  // A dot inside a word (`1.2.0`, `Query.farms`) does not end a sentence.
  const sentences = message.match(/(?:[^.!?]|[.!?](?!\s|$))+(?:[.!?]+(?=\s|$)|$)/g) ?? [message];
  return sentences
    .map((sentence) => {
      // "x needs a license key: pass licenseKey (…)" keeps the part before the API hint.
      if (!API_WORDS.test(sentence)) return sentence.trim();
      const before = sentence.split(/[:;]\s/)[0] ?? '';
      return API_WORDS.test(before) ? '' : `${before.trim()}.`;
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * One GraphQL error as the page shows it.
 * @param {{ message: string, extensions?: { code?: string } & Record<string, unknown> } | undefined} error
 * @returns {{ refused: boolean, label: string, text: string, code: string }}
 *   `label` is "Refused" (nothing changed, on purpose) or "Failed"; `text` says why and what to do here
 */
export function describeRefusal(error) {
  const code = String(error?.extensions?.code ?? '');
  return describeCode(code, error?.message ?? 'The server gave no reason.');
}

/**
 * The same for a failed operation seen on `moduleEvents` (its `code` and `message`).
 * @param {string} code @param {string} message
 */
export function describeCode(code, message) {
  const refused = REFUSALS.has(code);
  const advice = PAGE_ADVICE[/** @type {keyof typeof PAGE_ADVICE} */ (code)] ?? '';
  const reason = withoutApiSentences(message);
  return { refused, label: refused ? 'Refused' : 'Failed', text: [reason, advice].filter(Boolean).join(' '), code };
}
