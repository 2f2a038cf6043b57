import type { Logger } from '../../logging/index.js';
import type { AuditLogRepository } from '../audit/index.js';
import type { ModuleInfo } from '../runtime/index.js';
import type { ChangePlan } from './change-plan.js';
import type { ChangePlanner } from './create-change-planner.js';
import { allowedUpdate } from './select-update.js';
import type { UpdateStateRepository } from './update-state-repository.js';

export interface UpdateCheckDeps {
  /** The module as admins see it now (version, registry versions, license). */
  module(name: string): ModuleInfo | null;
  updates: UpdateStateRepository;
  planner: ChangePlanner;
  /** The versions the signed catalog offers, by module, fetched and verified now. */
  offered(): Promise<ReadonlyMap<string, readonly string[]>>;
  /** The normal upgrade pipeline, as actor `system`, without accepting anything. */
  upgrade(name: string, version: string): Promise<unknown>;
  audit: Pick<AuditLogRepository, 'append'>;
  logger: Pick<Logger, 'warn'>;
}

export interface UpdateCheckResult {
  module: string;
  fromVersion: string;
  toVersion: string;
  outcome: 'APPLIED' | 'BLOCKED';
  /** Why it was blocked. */
  reason: string | null;
}

/** Why a plan may not be applied without a person: empty when it is clean. */
export function blockReasons(plan: ChangePlan, license: ModuleInfo['license']): string[] {
  const reasons = [...plan.errors];
  if (plan.breakingInUse.length > 0) {
    reasons.push(`breaking change in use: ${plan.breakingInUse.map((c) => `${c.coordinate} (${c.usage?.count ?? 0} uses)`).join(', ')}`);
  }
  if (plan.permissionsAdded.length > 0) reasons.push(`asks for new permissions: ${plan.permissionsAdded.join(', ')}`);
  if (plan.collectionsAdded.length > 0) reasons.push(`asks for new collections: ${plan.collectionsAdded.join(', ')}`);
  if (plan.licenseRequired && license && license.state !== 'VALID') reasons.push(`the license is ${license.state.toLowerCase()}`);
  return reasons;
}

async function checkOne(deps: UpdateCheckDeps, name: string, offered: readonly string[]): Promise<UpdateCheckResult | null> {
  const state = await deps.updates.get(name);
  const info = deps.module(name);
  if (!info?.installed || !info.version) return null;
  const target = allowedUpdate(info.version, offered, state.policy, state.pin);
  if (!target) {
    // Nothing allowed any more (upgraded by hand, pin changed): an old reason would mislead.
    if (state.blocked) await deps.updates.save(name, { blocked: null });
    return null;
  }
  const result = { module: name, fromVersion: info.version, toVersion: target };
  let reasons: string[];
  try {
    reasons = blockReasons(await deps.planner.plan(name, 'UPGRADE', target), info.license);
    if (reasons.length === 0) {
      await deps.upgrade(name, target);
      await deps.updates.save(name, { blocked: null });
      return { ...result, outcome: 'APPLIED', reason: null };
    }
  } catch (error) {
    reasons = [`the upgrade failed: ${(error as Error).message}`];
  }
  const reason = `${target} not applied: ${reasons.join('; ')}`;
  // Audited once per distinct reason, not on every check.
  if (reason !== state.blocked) {
    await deps.updates.save(name, { blocked: reason });
    await deps.audit.append({
      actor: 'system',
      action: 'module.auto_update',
      module: name,
      outcome: 'BLOCKED',
      details: { fromVersion: info.version, toVersion: target, policy: state.policy, pin: state.pin, reasons },
    });
  }
  return { ...result, outcome: 'BLOCKED', reason };
}

/**
 * One pass of automatic updates: for each module whose policy is PATCH or MINOR, the newest
 * release the policy and pin allow is applied through the normal upgrade pipeline when its plan
 * is clean (no breaking change in use, no new permission or collection, license valid, no
 * error); otherwise `updateBlocked` records why. A failed upgrade leaves the old version live.
 * Does not touch the registry when no module has an automatic policy.
 */
export async function checkForUpdates(deps: UpdateCheckDeps): Promise<UpdateCheckResult[]> {
  const automatic = deps.updates.automatic();
  if (automatic.length === 0) return [];
  const offered = await deps.offered();
  const results: UpdateCheckResult[] = [];
  for (const { _id: name } of automatic) {
    try {
      const result = await checkOne(deps, name, offered.get(name) ?? []);
      if (result) results.push(result);
    } catch (error) {
      deps.logger.warn({ err: error, module: name }, 'automatic update check failed');
    }
  }
  return results;
}
