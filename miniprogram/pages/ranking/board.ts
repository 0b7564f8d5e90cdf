/**
 * Which board the 排行 page shows (第十六条: month, year and cumulative boards, per scope; templates
 * add quarters, halves and an assessment cycle ranked by score), and how it names itself in a shared
 * card. Pure: the page, the share card and the tests all read it.
 */
import type { BoardScope, Period, RankingRow, SchemeTerms } from '../../../typings/api';
import { categoryName } from '../../format/terms';
import { queryValue } from '../../navigation/routes';
import { isKeyOf, isPeriod, periodLabel, previousKey, recentKeys } from '../../format/periods';

export { isKeyOf, isPeriod, periodLabel, previousKey, recentKeys };

export interface BoardQuery {
  period: Period;
  /** 'YYYY-MM' or 'YYYY'; null for the current period (the server answers with the key it used). */
  key: string | null;
  scope: BoardScope;
  /** The board of units against each other (ranking.get by: 'unit'); absent for a board of members. */
  units?: true;
}

/** The tabs until the scheme's terms are known (荆门's): month, year, all time. */
export const PERIODS: { value: Period; label: string }[] = [
  { value: 'month', label: '月榜' },
  { value: 'year', label: '年榜' },
  { value: 'all', label: '累计' },
];

/**
 * The period before an empty current board, offered from it: on the 1st of a month nobody has points
 * yet, and last month's board is what people come for. Null for a board with rows, a period picked
 * by key, or 累计.
 */
export function earlierOf(board: { period: Period; key: string; rows: readonly unknown[] }, pickedKey: string | null): { key: string; label: string } | null {
  if (board.rows.length > 0 || pickedKey !== null || board.period === 'all') return null;
  const key = previousKey(board.period, board.key);
  return { key, label: periodLabel(board.period, key) };
}

/**
 * Where the year ranks by a score (a composition: 常州's 基础分, 特色分 and 评议分; the party branch's 日常
 * and 评议), the other boards rank what was registered, deductions negative. Said under the board, so
 * that a 党员 at −2 on the quarter's board does not read it as their score; '' elsewhere.
 */
export function boardNote(period: Period, terms: SchemeTerms | null): string {
  const scored = terms?.components ? terms.boards.tabs.find((tab) => tab.value === 'cycle') : undefined;
  if (!terms || !scored || period === 'cycle') return '';
  const label = terms.boards.tabs.find((tab) => tab.value === period)?.label ?? '本榜';
  return `${label}是登记的加分与扣分之和，扣分为负，不是得分；得分见「${scored.label}」。`;
}

/** The board's audience: '全会' (the terms' name of the whole), the branch's name, '领导', '会员', a category, a profession or a social role. */
export function scopeLabel(scope: BoardScope, branchName: string | null, terms?: SchemeTerms | null): string {
  const parts: string[] = [];
  if (scope.branchId !== undefined) parts.push(branchName ?? `本${terms?.words.unit ?? '分会'}`);
  if (scope.group === 'leaders') parts.push('领导');
  if (scope.group === 'members') parts.push(terms?.words.member ?? '会员');
  const category = scope.category ?? scope.tier;
  if (category !== undefined) parts.push((terms && categoryName(terms, category)) || category);
  if (scope.profession !== undefined) parts.push(scope.profession);
  if (scope.socialRole !== undefined) parts.push(scope.socialRole);
  return parts.length > 0 ? parts.join('') : (terms?.boards.whole ?? '全会');
}

/**
 * What the board of units is called: a quarter's or a half-year's is a 比拼 (seeds/003: 一季一比拼), the
 * others a 排名 ('分会比拼', '支部排名').
 */
function unitBoardName(period: Period, terms?: SchemeTerms | null): string {
  return `${terms?.words.unit ?? '分会'}${period === 'quarter' || period === 'half' ? '比拼' : '排名'}`;
}

/** '2026年11月 东宝分会 积分排行', or for the board of units '2026年11月 分会排名', '2026年第3季度 分会比拼'. */
export function boardTitle(query: BoardQuery, branchName: string | null, terms?: SchemeTerms | null): string {
  if (query.units) return `${periodLabel(query.period, query.key)} ${unitBoardName(query.period, terms)}`;
  return `${periodLabel(query.period, query.key)} ${scopeLabel(query.scope, branchName, terms)} 积分排行`;
}

/**
 * The organisation as a certificate or a shared picture names it: the first part of the rulebook's
 * title (荆门市新的社会阶层人士联谊会, 常州市机关事务管理局), or the root's short name.
 */
export function organisationName(terms: SchemeTerms | null): string {
  const first = terms?.name.split(/\s/)[0] ?? '';
  return first !== '' && first !== terms?.name ? first : (terms?.words.root ?? '市新联会');
}

/** The branch a board is scoped to, by name: every row of a branch board carries it. */
export function branchNameOf(query: BoardQuery, rows: readonly RankingRow[]): string | null {
  if (query.scope.branchId === undefined) return null;
  return rows.find((row) => row.branchName)?.branchName ?? null;
}

/** '2026年11月 东宝分会 积分排行：王会长 120 分居首'; ties at the top are named as such. */
export function shareTitle(query: BoardQuery, rows: readonly Pick<RankingRow, 'name' | 'rank' | 'total' | 'score' | 'branchName'>[], terms?: SchemeTerms | null): string {
  const title = boardTitle(query, query.units ? null : branchNameOf(query, rows as RankingRow[]), terms);
  const leaders = rows.filter((row) => row.rank === 1);
  if (leaders.length === 0) return title;
  const total = leaders[0].score ?? leaders[0].total;
  if (leaders.length === 1) return `${title}：${leaders[0].name} ${total} 分居首`;
  const names = leaders.length === 2 ? leaders.map((row) => row.name).join('、') : `${leaders[0].name}等 ${leaders.length} 人`;
  return `${title}：${names} ${total} 分并列第一`;
}

const SCOPE_FIELDS = ['branchId', 'group', 'category', 'tier', 'profession', 'socialRole'] as const;

/** The page path that opens the same board: period, key and scope in the query. */
export function sharePath(query: BoardQuery): string {
  return `/pages/ranking/index?${shareQuery(query)}`;
}

export function shareQuery(query: BoardQuery): string {
  const params: [string, string][] = [['period', query.period]];
  if (query.key !== null && query.period !== 'all') params.push(['key', query.key]);
  if (query.units) params.push(['by', 'unit']);
  for (const field of SCOPE_FIELDS) {
    const value = query.scope[field];
    if (value !== undefined) params.push([field, value]);
  }
  return params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

function decoded(value: string | undefined): string | undefined {
  return queryValue(value) || undefined;
}

/**
 * The board a page path asks for (a shared card, or a link from another page); unknown values are
 * ignored, a category among `categories` where the scheme's are known.
 */
export function queryFromOptions(options: Record<string, string | undefined>, categories?: readonly string[]): BoardQuery {
  const period = isPeriod(options.period) ? options.period : 'month';
  const key = decoded(options.key);
  const scope: BoardScope = {};
  const branchId = decoded(options.branchId);
  if (branchId) scope.branchId = branchId;
  if (options.group === 'leaders' || options.group === 'members') scope.group = options.group;
  const known = (value: string | undefined): value is string => !!value && /^[a-z][a-z0-9_]*$/.test(value) && (!categories || categories.includes(value));
  const category = decoded(options.category);
  const tier = decoded(options.tier);
  if (known(category)) scope.category = category;
  else if (known(tier)) scope.tier = tier;
  const profession = decoded(options.profession);
  if (profession) scope.profession = profession;
  const socialRole = decoded(options.socialRole);
  if (socialRole) scope.socialRole = socialRole;
  const shown = { period, key: key !== undefined && isKeyOf(period, key) ? key : null };
  return options.by === 'unit' ? { ...shown, scope: {}, units: true } : { ...shown, scope };
}
