import semver from 'semver';
import { platformError } from '../../errors/index.js';
import type { AuditLogRepository } from '../audit/index.js';
import type { ModuleInfo, ModuleRuntime } from '../runtime/index.js';
import type { UpdatePolicy, UpdateStateRepository } from './update-state-repository.js';

export interface SetUpdatePolicyDeps {
  runtime: Pick<ModuleRuntime, 'get'>;
  updates: UpdateStateRepository;
  audit: Pick<AuditLogRepository, 'append'>;
}

/**
 * `setModuleUpdatePolicy`: records the policy and pin of an installed module (audited). A new
 * policy clears a blocked update's reason: the next check decides again.
 */
export async function setUpdatePolicy(
  deps: SetUpdatePolicyDeps,
  name: string,
  policy: UpdatePolicy,
  pin: string | null,
  actor: string,
): Promise<ModuleInfo> {
  const info = deps.runtime.get(name);
  if (!info?.installed) {
    throw platformError('NOT_INSTALLED', `${name} is not installed; install it before choosing its update policy.`, {
      details: { module: name },
    });
  }
  const trimmed = pin?.trim() || null;
  if (trimmed !== null && semver.validRange(trimmed) === null) {
    throw platformError('BAD_USER_INPUT', `Invalid pin "${pin}": expected a semver range such as "~1.4", "^1.0.0" or "<2.0.0".`, {
      details: { field: 'pin' },
    });
  }
  const before = await deps.updates.get(name);
  await deps.updates.save(name, { policy, pin: trimmed, blocked: null });
  await deps.audit.append({
    actor,
    action: 'module.update_policy',
    module: name,
    outcome: 'SUCCEEDED',
    details: { from: { policy: before.policy, pin: before.pin }, to: { policy, pin: trimmed } },
  });
  return info;
}
