import { platformError } from '../../errors/index.js';
import type { ChangePlan } from './change-plan.js';

export interface UpgradeAcceptance {
  acceptBreakingChanges?: boolean | null;
  /** Every permission and collection the new version adds must be listed. */
  acceptPermissions?: readonly string[] | null;
}

function uses(count: number): string {
  return count === 1 ? '1 use' : `${count} uses`;
}

/**
 * The upgrade guard: BREAKING_CHANGE when breaking changes touch coordinates used within the
 * retention window (unless accepted), PERMISSIONS_NOT_ACCEPTED when the new version adds
 * permissions or collections not all accepted. Both name what to accept.
 */
export function assertUpgradeAccepted(plan: ChangePlan, acceptance: UpgradeAcceptance, retentionDays: number): void {
  const step = `${plan.module} ${plan.fromVersion ?? '?'} → ${plan.toVersion ?? '?'}`;
  if (plan.breakingInUse.length > 0 && !acceptance.acceptBreakingChanges) {
    const coordinates = plan.breakingInUse.map((change) => change.coordinate ?? change.message);
    const listed = plan.breakingInUse.map((change) => `${change.coordinate} (${uses(change.usage?.count ?? 0)})`).join(', ');
    throw platformError(
      'BREAKING_CHANGE',
      `Upgrading ${step} breaks what clients used in the last ${retentionDays} days: ${listed}. Update those clients (or ask the author to deprecate first), then retry with acceptBreakingChanges: true.`,
      { details: { module: plan.module, coordinates, changes: plan.breakingInUse.map((c) => c.message) } },
    );
  }
  const accepted = new Set(acceptance.acceptPermissions ?? []);
  const permissions = plan.permissionsAdded.filter((permission) => !accepted.has(permission));
  const collections = plan.collectionsAdded.filter((collection) => !accepted.has(collection));
  if (permissions.length > 0 || collections.length > 0) {
    const asks = [
      permissions.length > 0 ? `permissions ${permissions.join(', ')}` : null,
      collections.length > 0 ? `collections ${collections.join(', ')}` : null,
    ].filter(Boolean);
    throw platformError(
      'PERMISSIONS_NOT_ACCEPTED',
      `${step} asks for new ${asks.join(' and ')}. Review them, then retry with acceptPermissions: ${JSON.stringify([...permissions, ...collections])}.`,
      { details: { module: plan.module, permissions, collections } },
    );
  }
}
