/**
 * What an approver sees of a claim in the inbox (第十四条 双人审核): who asked, for what, how many
 * points, where it stands and who decided what so far. Pure, so the card and the tests share it.
 */
import type { Claim, ClaimKind, Decision, InboxClaim, SchemeTerms } from '../../../typings/api';
import { DECISION_LABELS, STEP_LABELS, VETO_EFFECT_LABELS } from '../../format/labels';
import { periodLabel } from '../../format/periods';
import { countWord } from '../../format/terms';

const KIND_LABELS: Record<ClaimKind, string> = {
  self: '自行申报',
  award: '领导奖分',
  committee: '会长会加分',
  reversal: '冲正',
  correction: '更正',
  objection: '异议',
  item: '自选项目',
  veto: '一票否决',
};

export interface LineView {
  key: string;
  memberName: string;
  itemName: string;
  points: number;
  /** '可能重复' or '不计入'; empty otherwise. */
  mark: string;
}

export interface DecisionView {
  key: string;
  text: string;
  reason: string;
}

export interface ClaimView {
  /** Who filed it and their unit, the first thing a reviewer of 40 claims reads. */
  who: string;
  unit: string;
  kindLabel: string;
  totalPoints: number;
  /** Collective events and awards to several people: the lines are worth listing one by one. */
  multiLine: boolean;
  recipients: string;
  lines: LineView[];
  /** Whose decision it waits for and what follows, in plain words (never a role's authority band). */
  waiting: string;
  decisions: DecisionView[];
  /** What a reviewer must look at before approving: repeated deeds, lines not counted. */
  warnings: string[];
  /** The photos' short-lived URLs (files are never shown by id). */
  photos: string[];
  /** '获分人', '扣分对象' for a deduction, or for a 一票否决 '否决对象'. */
  recipientsLabel: string;
  /** Volunteer hours the points convert (seeds/004 第五篇, W3), for the reviewer to check against the record; '' for other claims. */
  hours: string;
  /** A proposed 一票否决: the condition, the cycle, the reason and what approving it does. */
  veto: { condition: string; cycle: string; reason: string; effect: string } | null;
}

/** The points the claim posts if approved, as the server counted them (excluded lines left out). */
export function totalPoints(claim: Pick<Claim, 'lines'> & { total?: number }): number {
  return claim.total ?? claim.lines.reduce((sum, line) => (line.excluded ? sum : sum + line.points), 0);
}

/** 第十四条: what the reviewer is warned of, one line per member concerned. */
export function claimWarnings(claim: Pick<Claim, 'lines'>): string[] {
  const warnings: string[] = [];
  for (const line of claim.lines) {
    if (line.excluded) warnings.push(`${line.memberName}：${line.excluded}`);
    else if (line.duplicateOf) warnings.push(`${line.memberName}：同一天已有“${line.itemName}”的积分记录或申请，请核实是否重复（仍可通过）`);
  }
  return [...new Set(warnings)];
}

function lineMark(line: Claim['lines'][number]): string {
  if (line.excluded) return '不计入';
  return line.duplicateOf ? '可能重复' : '';
}

/** 第十五条: an endorser may set the value of a self-reported range or discretionary item. */
export function isAdjustable(claim: Pick<Claim, 'kind' | 'step' | 'discretionary'>): boolean {
  return claim.kind === 'self' && claim.step === 'endorse' && claim.discretionary > 0;
}

/** What approving the last step does, by kind of claim. */
const FINAL_EFFECT: Record<ClaimKind, string> = {
  self: '通过后积分入账',
  award: '通过后积分入账',
  committee: '通过后积分入账',
  reversal: '通过后冲正入账',
  correction: '通过后更正入账',
  objection: '通过即采纳异议',
  item: '通过后该项目生效',
  veto: '通过后一票否决生效',
};

/**
 * 第十四条、第十五条 in the reviewer's words: the inbox lists only claims waiting for the caller, so
 * it says "请您初审/终审", how many others could take it instead, and what the approval leads to.
 * A role's authority band ("分会领导（奖分权限≥10分）") means nothing to the person holding the phone.
 */
export function waitingInWords(claim: Pick<Claim, 'kind' | 'step' | 'waitingFor' | 'decisions'>): string {
  if (!claim.step) return '';
  const others = Math.max(0, (claim.waitingFor?.memberIds.length ?? 1) - 1);
  const earlier = claim.decisions.some((decision) => decision.decision === 'approve');
  const step = claim.step === 'endorse' ? '初审' : earlier ? '终审' : '审核';
  const alone = others > 0 ? `（另有 ${others} 人也可${step}，一人${step}即可）` : '';
  const then = claim.step === 'endorse' ? '通过后交终审' : FINAL_EFFECT[claim.kind];
  return `请您${step}${alone}，${then}`;
}

function decisionText(decision: Decision): string {
  const points = decision.points !== undefined ? `（定为 ${decision.points} 分）` : '';
  const flagged = decision.flagged?.length ? `（含 ${decision.flagged.length} 条可能重复的积分）` : '';
  return `${decision.byName} ${STEP_LABELS[decision.step]}${DECISION_LABELS[decision.decision]}${points}${flagged}`;
}

/** The hours of a volunteer-hours claim's lines: '志愿服务 3.5 小时', '志愿服务各 2 小时' for several alike. */
function hoursText(lines: Claim['lines']): string {
  const hours = lines.flatMap((line) => (line.hours === undefined ? [] : [line.hours]));
  if (hours.length === 0) return '';
  const alike = new Set(hours).size === 1;
  if (hours.length === 1) return `志愿服务 ${hours[0]} 小时`;
  return alike ? `志愿服务各 ${hours[0]} 小时` : `志愿服务 ${hours.join('、')} 小时`;
}

/** The template's words a card needs: who decides a committee's award (会长会, 经理办公会, 评定小组) and how accounts are counted (人, 户). */
export interface ClaimWords {
  committee: string;
  count: string;
}

const DEFAULT_WORDS: ClaimWords = { committee: '会长会', count: '人' };

/** The card's words from the template's terms; 荆门's where an older cloud function sent none. */
export function claimWordsOf(terms: SchemeTerms | null | undefined): ClaimWords {
  if (!terms) return DEFAULT_WORDS;
  return { committee: terms.words.committee || DEFAULT_WORDS.committee, count: countWord(terms) };
}

export function claimView(claim: Claim & Partial<Pick<InboxClaim, 'createdByBranchName'>>, words: ClaimWords = DEFAULT_WORDS): ClaimView {
  // A veto has no lines: it names the member it concerns.
  const names = claim.veto ? [claim.veto.memberName] : [...new Set(claim.lines.map((line) => line.memberName))];
  // A deduction (seeds/004 第一篇 扣分, 第三篇 四(二)) is proposed like an award but takes points away: said so.
  const deduction = claim.kind === 'award' && claim.lines.length > 0 && claim.lines.every((line) => line.points < 0);
  return {
    who: claim.createdByName,
    unit: claim.createdByBranchName ?? '',
    kindLabel: deduction ? '领导扣分' : claim.kind === 'committee' ? `${words.committee}加分` : KIND_LABELS[claim.kind],
    totalPoints: totalPoints(claim),
    multiLine: claim.lines.length > 1,
    recipients: names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} ${words.count}` : names.join('、'),
    lines: claim.lines.map((line, i) => ({ key: `${i}`, memberName: line.memberName, itemName: line.itemName, points: line.points, mark: lineMark(line) })),
    waiting: waitingInWords(claim),
    decisions: claim.decisions.map((decision, i) => ({ key: `${i}`, text: decisionText(decision), reason: decision.reason ?? '' })),
    warnings: claimWarnings(claim),
    photos: (claim.evidenceUrls ?? []).filter(Boolean),
    recipientsLabel: claim.veto ? '否决对象' : deduction ? '扣分对象' : '获分人',
    hours: hoursText(claim.lines),
    veto: claim.veto
      ? { condition: claim.veto.conditionName, cycle: periodLabel('cycle', claim.veto.key), reason: claim.note, effect: VETO_EFFECT_LABELS[claim.veto.effect] }
      : null,
  };
}
