export { issueLicenseKey, type LicenseRequest } from './issue-license-key.js';
export { createLicenseCipher, type LicenseCipher } from './license-cipher.js';
export { LicenseClaims } from './license-claims.js';
export { type LicenseCheck, verifyLicenseKey } from './verify-license-key.js';
