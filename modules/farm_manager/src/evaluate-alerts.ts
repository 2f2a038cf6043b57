import type { ModuleHandle } from 'a64-platform/sdk';
import { evaluateAlertRules } from './alert-rules.js';
import { type AlertDoc, collections } from './documents.js';

/**
 * Runs the alert rules over every block of every live farm and stores the alerts not raised
 * before. Used by the periodic timer and by the evaluateFarmAlerts mutation; returns the new alerts.
 */
export async function evaluateAlerts(handle: Pick<ModuleHandle, 'store'>, now: Date): Promise<AlertDoc[]> {
  const { alerts, blocks, farms } = collections(handle);
  const liveFarmIds = (await farms.find({ deletedAt: null }, { projection: { _id: 1 } })).map((farm) => farm._id);
  const candidates = evaluateAlertRules(await blocks.find({ farmId: { $in: liveFarmIds } }), now);
  const created: AlertDoc[] = [];
  for (const candidate of candidates) {
    if (await alerts.findOne({ ruleKey: candidate.ruleKey })) continue;
    created.push(
      await alerts.insertOne({
        ...candidate,
        status: 'OPEN',
        // Stamped with the real time even when the rules were evaluated as of another date.
        createdAt: new Date().toISOString(),
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
      }),
    );
  }
  return created;
}
