/**
 * One of my claims as the 明细 page lists it: status, the points asked or granted, who it waits for,
 * and every decision with who, when and why (第十四条, 第十五条).
 */
import type { Claim } from '../../../typings/api';
import { dayLabel, timeLabel } from '../../format/dates';
import { CLAIM_STATUS_LABELS, CLAIM_STATUS_THEMES, DECISION_LABELS, STEP_LABELS } from '../../format/labels';
import { signedPoints } from '../../format/points';

export interface DecisionLine {
  text: string;
  reason: string;
  rejected: boolean;
}

export interface ClaimRow {
  id: string;
  itemName: string;
  statusLabel: string;
  statusTheme: string;
  occurredOn: string;
  points: string;
  waiting: string;
  decisions: DecisionLine[];
  note: string;
  /** The photos' short-lived URLs, as the server handed them out (files are never shown by id). */
  evidence: string[];
  canWithdraw: boolean;
}

/** My own lines of a claim: a collective award may hold others' lines too. */
function pointsOf(claim: Claim, memberId: string | null): number {
  const counted = claim.lines.filter((line) => !line.excluded);
  const lines = memberId ? counted.filter((line) => line.memberId === memberId) : counted;
  return (lines.length > 0 ? lines : counted).reduce((sum, line) => sum + line.points, 0);
}

export function claimRowOf(claim: Claim, memberId: string | null = null): ClaimRow {
  const pending = claim.status === 'pending';
  return {
    id: claim._id,
    itemName: claim.itemName,
    statusLabel: CLAIM_STATUS_LABELS[claim.status],
    statusTheme: CLAIM_STATUS_THEMES[claim.status],
    occurredOn: dayLabel(claim.occurredOn),
    points: `${signedPoints(pointsOf(claim, memberId))} 分`,
    waiting: pending && claim.waitingFor ? `等待 ${claim.waitingFor.label}${claim.step ? ` ${STEP_LABELS[claim.step]}` : ''}` : '',
    decisions: claim.decisions.map((decision) => ({
      text: `${timeLabel(decision.at)} ${decision.decision === 'withdraw' ? '' : `${STEP_LABELS[decision.step]} `}${decision.byName} ${DECISION_LABELS[decision.decision]}${
        decision.points !== undefined ? `（核定 ${decision.points} 分）` : ''
      }`,
      reason: decision.reason ?? '',
      rejected: decision.decision === 'reject',
    })),
    note: claim.note,
    evidence: (claim.evidenceUrls ?? []).filter(Boolean),
    // Only the claimant withdraws, and only while it is pending (SPEC §4 逐级审批).
    canWithdraw: pending && claim.kind === 'self',
  };
}
