/**
 * What the 末尾淘汰名单 page shows of bottom.list (seeds/003: 研究制定了积分末尾淘汰机制): the closed
 * periods to pick (the half-years of 半年一评比, and the years), and each of the last places with
 * their points, place and their places in the periods before, in the template's words. Pure: the page
 * and the tests read it.
 */
import type { DataOf, EliminationRow, Period, SchemeTerms } from '../../../typings/api';
import { memberSubtitle } from '../../format/terms';
import { endedKeys, periodLabel } from '../../format/periods';

type Listing = DataOf<'bottom.list'>;

export interface PeriodTab {
  value: Period;
  label: string;
}

export interface EliminationRowView {
  id: string;
  name: string;
  /** The unit and the category: '医疗保障分会 · 理事单位'. */
  subtitle: string;
  rankText: string;
  totalText: string;
  /** The earlier periods, newest first: '2025年下半年 第 690 名 · 12 分'. */
  history: { key: string; text: string }[];
}

/** How many closed periods the picker offers. */
const PICKABLE = 4;

/** The periods a list may be drawn for: the half-year where the template keeps one, and the cycle (or the year). */
export function eliminationTabsOf(terms: SchemeTerms): PeriodTab[] {
  const year: Period = terms.periods.includes('cycle') ? 'cycle' : 'year';
  const tabs: PeriodTab[] = [];
  if (terms.periods.includes('half')) tabs.push({ value: 'half', label: '半年评比' });
  if (terms.periods.includes(year)) tabs.push({ value: year, label: '年度' });
  return tabs;
}

/** The closed periods, newest first: the last four half-years or years that have ended by `today`. */
export function closedKeysOf(period: Period, today: string, terms: SchemeTerms): { key: string; label: string }[] {
  return endedKeys(period, today, terms.cycle?.startMonth ?? 1, PICKABLE);
}

function historyText(period: Period, entry: EliminationRow['history'][number]): string {
  const label = periodLabel(period, entry.key);
  return entry.rank === null ? `${label} 未上榜` : `${label} 第 ${entry.rank} 名 · ${entry.total} 分`;
}

export function eliminationRowOf(row: EliminationRow, period: Period, terms: SchemeTerms): EliminationRowView {
  return {
    id: row.memberId,
    name: row.name,
    subtitle: memberSubtitle({ branchName: row.branchName, category: row.category, roles: [] }, terms),
    rankText: `第 ${row.rank} 名`,
    totalText: `${row.total} 分`,
    history: row.history.map((entry) => ({ key: entry.key, text: historyText(period, entry) })),
  };
}

/** '2026年上半年积分排名末尾的 7 名会员，列出以往各期的名次，供会长会研究'. */
export function eliminationIntroOf(listing: Pick<Listing, 'period' | 'key' | 'rows'>, terms: SchemeTerms): string {
  const label = periodLabel(listing.period, listing.key);
  const member = terms.words.member;
  if (listing.rows.length === 0) return `${label}没有列入末尾的${member}`;
  const by = terms.words.committee ? `，供${terms.words.committee}研究` : '';
  return `${label}积分排名末尾的 ${listing.rows.length} 名${member}，列出以往各期的名次${by}`;
}
