import { badInput } from 'a64-platform/sdk';
import type { BlockState } from './documents.js';

/**
 * The crop cycle of a block. EMPTY → PLANTED → GROWING → HARVESTING → FALLOW → EMPTY; a planted
 * or growing crop may also be abandoned (→ EMPTY), and a harvest can end straight in EMPTY.
 * Archiving a cycle (from HARVESTING or FALLOW) also returns the block to EMPTY.
 */
export const BLOCK_TRANSITIONS: Readonly<Record<BlockState, readonly BlockState[]>> = {
  EMPTY: ['PLANTED'],
  PLANTED: ['GROWING', 'EMPTY'],
  GROWING: ['HARVESTING', 'EMPTY'],
  HARVESTING: ['FALLOW', 'EMPTY'],
  FALLOW: ['EMPTY'],
};

/** States in which a block holds a crop (a farm with such blocks cannot be deleted). */
export const CULTIVATED_STATES: readonly BlockState[] = ['PLANTED', 'GROWING', 'HARVESTING'];

/** States a cycle can be archived from. */
export const ARCHIVABLE_STATES: readonly BlockState[] = ['HARVESTING', 'FALLOW'];

export function canTransition(from: BlockState, to: BlockState): boolean {
  return BLOCK_TRANSITIONS[from].includes(to);
}

/** Throws BAD_USER_INPUT (field `state`) naming the allowed next states. */
export function assertTransition(from: BlockState, to: BlockState): void {
  if (canTransition(from, to)) return;
  const allowed = BLOCK_TRANSITIONS[from].join(', ');
  throw badInput('state', `a block cannot go from ${from} to ${to}; from ${from} it can go to ${allowed}`);
}
