import { z } from 'zod';
import { LicenseType } from '../manifest/manifest-schema.js';

/** Claims of a license key (docs/admin/licenses.md): a compact JWT signed EdDSA by the vendor. */
export const LicenseClaims = z.object({
  jti: z.string().min(1),
  /** The licensee. */
  sub: z.string().min(1),
  module: z.string().min(1),
  type: LicenseType,
  exp: z.number().int(),
  /** Binds the license to one `platform.installationId`. */
  installation: z.string().min(1).optional(),
  /** Seats for PER_USER licenses. */
  seats: z.number().int().positive().optional(),
});
export type LicenseClaims = z.infer<typeof LicenseClaims>;
