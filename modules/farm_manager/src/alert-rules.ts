import type { AlertSeverity, AlertType, BlockDoc } from './documents.js';

const DAY_MS = 86_400_000;

export interface AlertRuleOptions {
  /** Days past the expected harvest date before a not-yet-harvesting block is overdue. */
  overdueGraceDays: number;
  /** Overdue by this many days or more is CRITICAL rather than WARNING. */
  overdueCriticalDays: number;
  /** Days an EMPTY or FALLOW block may sit unused before it is idle. */
  idleDays: number;
}

export const DEFAULT_ALERT_RULES: AlertRuleOptions = { overdueGraceDays: 2, overdueCriticalDays: 14, idleDays: 30 };

export interface AlertCandidate {
  ruleKey: string;
  type: Exclude<AlertType, 'MANUAL'>;
  severity: AlertSeverity;
  farmId: string;
  blockId: string;
  message: string;
}

type RuleBlock = Pick<BlockDoc, '_id' | 'farmId' | 'name' | 'state' | 'cycle' | 'expectedHarvestDate' | 'stateChangedAt'>;

/**
 * The alerts the rules want for these blocks at `now` (pure). The rule key identifies one
 * occurrence — a cycle's overdue harvest, one idle spell — so evaluating twice raises nothing new.
 */
export function evaluateAlertRules(
  blocks: readonly RuleBlock[],
  now: Date,
  options: AlertRuleOptions = DEFAULT_ALERT_RULES,
): AlertCandidate[] {
  const candidates: AlertCandidate[] = [];
  for (const block of blocks) {
    const overdue = overdueCandidate(block, now, options);
    if (overdue) candidates.push(overdue);
    const idle = idleCandidate(block, now, options);
    if (idle) candidates.push(idle);
  }
  return candidates;
}

function overdueCandidate(block: RuleBlock, now: Date, options: AlertRuleOptions): AlertCandidate | null {
  if ((block.state !== 'PLANTED' && block.state !== 'GROWING') || !block.expectedHarvestDate) return null;
  const daysLate = Math.floor((now.getTime() - Date.parse(block.expectedHarvestDate)) / DAY_MS);
  if (daysLate < options.overdueGraceDays) return null;
  return {
    ruleKey: `HARVEST_OVERDUE:${block._id}:${block.cycle}`,
    type: 'HARVEST_OVERDUE',
    severity: daysLate >= options.overdueCriticalDays ? 'CRITICAL' : 'WARNING',
    farmId: block.farmId,
    blockId: block._id,
    message: `Block "${block.name}" was expected to be harvested ${daysLate} day(s) ago (${block.expectedHarvestDate.slice(0, 10)}) and is still ${block.state}.`,
  };
}

function idleCandidate(block: RuleBlock, now: Date, options: AlertRuleOptions): AlertCandidate | null {
  if (block.state !== 'EMPTY' && block.state !== 'FALLOW') return null;
  const idleDays = Math.floor((now.getTime() - Date.parse(block.stateChangedAt)) / DAY_MS);
  if (idleDays < options.idleDays) return null;
  return {
    ruleKey: `BLOCK_IDLE:${block._id}:${block.stateChangedAt}`,
    type: 'BLOCK_IDLE',
    severity: 'INFO',
    farmId: block.farmId,
    blockId: block._id,
    message: `Block "${block.name}" has been ${block.state} for ${idleDays} days; plant it or mark it fallow on purpose.`,
  };
}
