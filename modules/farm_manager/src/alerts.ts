import { badInput, fromField, type ModuleContext, withPermission } from 'a64-platform/sdk';
import { type AlertDoc, type AlertStatus, collections, loaders } from './documents.js';
import { evaluateAlerts } from './evaluate-alerts.js';
import { CreateAlertInput } from './inputs.js';
import { nowIso, requireBlock, requireFarm } from './lookups.js';
import { parseInput } from './parse-input.js';

async function createAlert(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(CreateAlertInput, args.input);
  await requireFarm(module, input.farmId);
  if (input.blockId) {
    const block = await requireBlock(module, input.blockId);
    if (block.farmId !== input.farmId) throw badInput('blockId', 'the block belongs to another farm');
  }
  return collections(module).alerts.insertOne({
    farmId: input.farmId,
    blockId: input.blockId ?? null,
    type: 'MANUAL',
    severity: input.severity ?? 'WARNING',
    status: 'OPEN',
    message: input.message,
    ruleKey: null,
    createdAt: nowIso(),
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
  });
}

/** OPEN → ACKNOWLEDGED → RESOLVED; OPEN → RESOLVED. Anything else is BAD_USER_INPUT. */
function moveAlert(to: Exclude<AlertStatus, 'OPEN'>) {
  const from: AlertStatus[] = to === 'ACKNOWLEDGED' ? ['OPEN'] : ['OPEN', 'ACKNOWLEDGED'];
  return async (_: unknown, args: { id: string }, { module }: ModuleContext) => {
    const { alerts } = collections(module);
    const alert = await alerts.findOne({ _id: args.id });
    if (!alert) throw badInput('id', `no alert with id "${args.id}"`);
    if (!from.includes(alert.status)) throw badInput('id', `the alert is already ${alert.status}`);
    const who = module.user?.email ?? null;
    const set =
      to === 'ACKNOWLEDGED'
        ? { status: to, acknowledgedAt: nowIso(), acknowledgedBy: who }
        : { status: to, resolvedAt: nowIso(), resolvedBy: who };
    return alerts.findOneAndUpdate({ _id: alert._id }, { $set: set }, { returnDocument: 'after' });
  };
}

export const alertQueries = {
  farmAlerts: withPermission(
    'farm.view',
    (_: unknown, args: { status?: AlertStatus | null; farmId?: string | null }, { module }: ModuleContext) => {
      const filter: Record<string, unknown> = {};
      if (args.status) filter.status = args.status;
      if (args.farmId) filter.farmId = args.farmId;
      return collections(module).alerts.find(filter, { sort: { createdAt: -1 }, readOnly: true });
    },
  ),
};

export const alertMutations = {
  createFarmAlert: withPermission('farm.edit', createAlert),
  acknowledgeFarmAlert: withPermission('farm.edit', moveAlert('ACKNOWLEDGED')),
  resolveFarmAlert: withPermission('farm.edit', moveAlert('RESOLVED')),
  evaluateFarmAlerts: withPermission('farm.edit', (_: unknown, args: { asOf?: Date | null }, { module }: ModuleContext) =>
    evaluateAlerts(module, args.asOf ?? new Date()),
  ),
};

export const alertFields = {
  id: fromField('_id'),
  farm: (alert: AlertDoc, _: unknown, { module }: ModuleContext) =>
    loaders(module).farmById({ includeDeleted: true }).loadOne(alert.farmId),
  block: (alert: AlertDoc, _: unknown, { module }: ModuleContext) =>
    alert.blockId ? loaders(module).blockById().loadOne(alert.blockId) : null,
};
