/**
 * What an approver sees of a claim in the inbox (第十四条 双人审核): who asked, for what, how many
 * points, where it stands and who decided what so far. Pure, so the card and the tests share it.
 */
import type { Claim, ClaimKind, Decision } from '../../../typings/api';
import { DECISION_LABELS, STEP_LABELS } from '../../format/labels';

const KIND_LABELS: Record<ClaimKind, string> = {
  self: '自行申报',
  award: '领导奖分',
  committee: '会长会加分',
  reversal: '冲正',
  correction: '更正',
};

export interface LineView {
  key: string;
  memberName: string;
  itemName: string;
  points: number;
}

export interface DecisionView {
  key: string;
  text: string;
  reason: string;
}

export interface ClaimView {
  kindLabel: string;
  totalPoints: number;
  /** Collective events and awards to several people: the lines are worth listing one by one. */
  multiLine: boolean;
  recipients: string;
  lines: LineView[];
  stepLabel: string;
  waitingLabel: string;
  decisions: DecisionView[];
}

export function totalPoints(claim: Pick<Claim, 'lines'>): number {
  return claim.lines.reduce((sum, line) => sum + line.points, 0);
}

/** 第十五条: an endorser may set the value of a self-reported range or discretionary item. */
export function isAdjustable(claim: Pick<Claim, 'kind' | 'step' | 'discretionary'>): boolean {
  return claim.kind === 'self' && claim.step === 'endorse' && claim.discretionary > 0;
}

function stepLabel(claim: Pick<Claim, 'step'>): string {
  if (claim.step === 'endorse') return '待审核';
  if (claim.step === 'final') return '待终审';
  return '';
}

function decisionText(decision: Decision): string {
  const points = decision.points !== undefined ? `（定为 ${decision.points} 分）` : '';
  return `${decision.byName} ${STEP_LABELS[decision.step]}${DECISION_LABELS[decision.decision]}${points}`;
}

export function claimView(claim: Claim): ClaimView {
  const names = [...new Set(claim.lines.map((line) => line.memberName))];
  return {
    kindLabel: KIND_LABELS[claim.kind],
    totalPoints: totalPoints(claim),
    multiLine: claim.lines.length > 1,
    recipients: names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} 人` : names.join('、'),
    lines: claim.lines.map((line, i) => ({ key: `${i}`, memberName: line.memberName, itemName: line.itemName, points: line.points })),
    stepLabel: stepLabel(claim),
    waitingLabel: claim.waitingFor?.label ?? '',
    decisions: claim.decisions.map((decision, i) => ({ key: `${i}`, text: decisionText(decision), reason: decision.reason ?? '' })),
  };
}
