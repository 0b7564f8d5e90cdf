/**
 * What the 考评公示 page shows of a closed period (SCHEMES.md §3 Outcomes and 公示; seeds/002 六(二)):
 * where it stands, each person's score with its parts, warnings, flags and objection, and which of
 * close, publish and finalize the caller may take next. Pure: the page and the tests read it.
 */
import type { DataOf, OutcomeView, Period, SchemeTerms } from '../../../typings/api';
import { dayLabel, chinaDay } from '../../format/dates';
import { gradeMarksOf, quotaLineAfter, quotaText, type GradeMarks } from './grade-view';

type Listing = DataOf<'outcome.list'>;

export type Step = 'close' | 'publish' | 'finalize';

export interface RowView extends GradeMarks {
  outcomeId: string;
  name: string;
  branchName: string;
  score: number;
  partsText: string;
  warningId: string;
  warning: string;
  flagsText: string;
  objectionText: string;
  mine: boolean;
  /** The caller's own row while the 公示 is open and nothing is pending on it. */
  canObject: boolean;
  /** The quota line shown after this row (the last of the limited grade), or ''. */
  quotaLine: string;
}

const PERIOD_TABS: Partial<Record<Period, string>> = { month: '月度考评', quarter: '季度考评', half: '半年考评', year: '年度考评', cycle: '年度考评' };

const OBJECTION_TEXT = { pending: '异议处理中', upheld: '异议成立，结果将重新计算', rejected: '异议未成立' } as const;

/** The tabs: the periods the template closes and publishes. */
export function tabsOf(terms: SchemeTerms): { value: Period; label: string }[] {
  return (terms.publication?.periods ?? []).map((value) => ({ value, label: PERIOD_TABS[value] ?? value }));
}

export function stateText(listing: Pick<Listing, 'state' | 'publicUntil' | 'signedBy'>, terms: SchemeTerms): string {
  const days = terms.publication?.windowWorkingDays ?? 0;
  switch (listing.state) {
    case null:
      return '尚未考评';
    case 'closing':
      return '考评结果生成中';
    case 'draft':
      return `考评结果待${terms.publication?.signer ?? ''}签发，签发后公示 ${days} 个工作日`;
    case 'public':
      return `公示中，至 ${listing.publicUntil ? dayLabel(chinaDay(new Date(listing.publicUntil))) : ''}结束${listing.signedBy ? `（${listing.signedBy.name}签发）` : ''}`;
    default:
      return `考评结果已确定${listing.signedBy ? `（${listing.signedBy.name}签发）` : ''}`;
  }
}

export function rowViewOf(row: OutcomeView, listing: Pick<Listing, 'state' | 'publicUntil'>, terms: SchemeTerms, myId: string | null, now: Date = new Date()): RowView {
  const open = listing.state === 'public' && listing.publicUntil !== undefined && now.getTime() <= Date.parse(listing.publicUntil);
  const mine = row.memberId === myId;
  return {
    outcomeId: row.outcomeId,
    name: row.name,
    branchName: row.branchName ?? terms.words.direct,
    // Under a veto that sets it to 0 (篇二十一: 积分归零) the server sends the 0 (domain/outcome-rows.ts).
    score: row.score,
    ...gradeMarksOf(row),
    partsText: (row.parts ?? []).map((p) => `${p.name} ${p.points}`).join(' · '),
    warningId: row.warning ?? '',
    warning: row.warning ? (terms.warnings?.find((w) => w.id === row.warning)?.name ?? row.warning) : '',
    flagsText: row.flags.join('；'),
    objectionText: row.objection ? OBJECTION_TEXT[row.objection.state] : '',
    mine,
    canObject: open && mine && !row.objection,
    quotaLine: '',
  };
}

/**
 * The rows of a listing, with the quota line on a unit's graded list (seeds/001 篇一): after the last
 * row of the limited grade, or `first` (before every row) when no row holds it.
 */
export function rowViewsOf(listing: Pick<Listing, 'state' | 'publicUntil' | 'rows' | 'quota'>, terms: SchemeTerms, myId: string | null, now: Date = new Date()): { rows: RowView[]; quotaFirst: string } {
  const rows = listing.rows.map((row) => rowViewOf(row, listing, terms, myId, now));
  const quota = listing.quota;
  if (!quota || rows.length === 0) return { rows, quotaFirst: '' };
  const after = quotaLineAfter(listing.rows, quota);
  const text = quotaText(quota, terms);
  if (after < 0) return { rows, quotaFirst: text };
  rows[after] = { ...rows[after], quotaLine: text };
  return { rows, quotaFirst: '' };
}

/** The next step the caller may take on the period, if they sign for it, and whether it may be taken now. */
export function nextStepOf(listing: Pick<Listing, 'state' | 'publicUntil' | 'signs'>, now: Date = new Date()): { step: Step; label: string; ready: boolean; hint: string } | null {
  if (!listing.signs) return null;
  switch (listing.state) {
    case null:
    case 'closing':
      return { step: 'close', label: '生成考评结果', ready: true, hint: '' };
    case 'draft':
      return { step: 'publish', label: '签发公示', ready: true, hint: '' };
    case 'public': {
      const ended = listing.publicUntil !== undefined && now.getTime() > Date.parse(listing.publicUntil);
      return { step: 'finalize', label: '确定考评结果', ready: ended, hint: ended ? '' : '公示期满、异议处理完毕后可确定' };
    }
    default:
      return null;
  }
}
