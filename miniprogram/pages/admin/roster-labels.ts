/**
 * Reading the Chinese names of tiers and positions (SPEC §4 People) as a secretary types them in a
 * sheet; the names themselves are format/labels.ts's.
 */
import type { Position, Tier } from '../../../typings/api';
import { POSITION_LABELS, TIER_LABELS } from '../../format/labels';

export const TIERS = Object.keys(TIER_LABELS) as Tier[];
export const POSITIONS = Object.keys(POSITION_LABELS) as Position[];

/** Accepts the Chinese name or the id: '理事' and 'director' are both a director. */
export function tierOf(text: string): Tier | null {
  const value = text.trim();
  return TIERS.find((tier) => tier === value || TIER_LABELS[tier] === value) ?? null;
}

export function positionOf(text: string): Position | null {
  const value = text.trim();
  // Common short forms in the association's own sheets.
  const aliases: Record<string, Position> = { 分会领导: 'branch_leader', 分会班子成员: 'branch_leader', 指导员: 'political_instructor' };
  return POSITIONS.find((position) => position === value || POSITION_LABELS[position] === value) ?? aliases[value] ?? null;
}

export function positionsText(positions: readonly Position[]): string {
  return positions.map((position) => POSITION_LABELS[position]).join('、');
}
