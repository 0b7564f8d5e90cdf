/**
 * Periods as the pages name and pick them (SCHEMES.md §3 Periods): keys 'YYYY-MM', 'YYYY-Qn',
 * 'YYYY-Hn', 'YYYY' and the cycle's 'YYYY'; labels '2026年11月', '2026年第4季度', '2026年度'.
 */
import type { Period } from '../../typings/api';
import { chinaDay, periodLabel as keyLabel } from './dates';

const KEY_FORMATS: Record<Exclude<Period, 'all'>, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  half: /^\d{4}-H[12]$/,
  year: /^\d{4}$/,
  cycle: /^\d{4}$/,
};

const CURRENT: Record<Exclude<Period, 'all'>, string> = { month: '本月', quarter: '本季度', half: '本半年', year: '本年', cycle: '本年度' };

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (value === 'all' || Object.prototype.hasOwnProperty.call(KEY_FORMATS, value));
}

export function isKeyOf(period: Period, key: string): boolean {
  return period !== 'all' && KEY_FORMATS[period].test(key);
}

/** '2026年11月', '2026年第4季度', '2026年上半年', '2026年', '2026年度', '累计'. */
export function periodLabel(period: Period, key: string | null): string {
  if (period === 'all') return '累计';
  if (key === null) return CURRENT[period];
  if (period === 'quarter') return `${key.slice(0, 4)}年第${key.slice(6)}季度`;
  if (period === 'half') return `${key.slice(0, 4)}年${key.endsWith('1') ? '上' : '下'}半年`;
  if (period === 'cycle') return `${key}年度`;
  return keyLabel(key);
}

/** The keys a month, quarter or half may be picked from: this one and the `count` before it, newest first. */
export function recentKeys(period: 'month' | 'quarter' | 'half', today: string, count: number): { key: string; label: string }[] {
  const size = period === 'month' ? 1 : period === 'quarter' ? 3 : 6;
  let key = keyOf(period, Number(today.slice(0, 4)), Math.floor((Number(today.slice(5, 7)) - 1) / size) + 1);
  const keys: { key: string; label: string }[] = [];
  for (let i = 0; i <= count; i++, key = previousKey(period, key)) keys.push({ key, label: periodLabel(period, key) });
  return keys;
}

/** The key of the `n`th month, quarter or half of `year`: '2026-03', '2026-Q1', '2026-H1'. */
function keyOf(period: 'month' | 'quarter' | 'half', year: number, n: number): string {
  return period === 'month' ? `${year}-${String(n).padStart(2, '0')}` : `${year}-${period === 'quarter' ? 'Q' : 'H'}${n}`;
}

/** The period just before `key`: '2026-11' → '2026-10', '2026-Q1' → '2025-Q4', a year or cycle → the one before. */
export function previousKey(period: Exclude<Period, 'all'>, key: string): string {
  if (period === 'year' || period === 'cycle') return String(Number(key) - 1);
  const year = Number(key.slice(0, 4));
  const n = Number(key.slice(period === 'month' ? 5 : 6));
  return n > 1 ? keyOf(period, year, n - 1) : keyOf(period, year - 1, period === 'month' ? 12 : period === 'quarter' ? 4 : 2);
}

/** The key of the assessment cycle holding `today`: the year it started in (a 七一 cycle of 2026–27 is '2026'). */
export function cycleKeyOf(today: string, startMonth: number): string {
  const year = Number(today.slice(0, 4));
  return String(Number(today.slice(5, 7)) >= startMonth ? year : year - 1);
}

/**
 * The periods that have ended by `today`, newest first: the last `recent` months (quarters, halves), or the
 * last four years; a cycle starting in `cycleStart` (七一: 7) has ended once the next one has begun.
 */
export function endedKeys(period: Period, today: string = chinaDay(), cycleStart = 1, recent = 8): { key: string; label: string }[] {
  if (period === 'month' || period === 'quarter' || period === 'half') return recentKeys(period, today, recent).slice(1);
  const year = Number(period === 'cycle' ? cycleKeyOf(today, cycleStart) : today.slice(0, 4));
  return [1, 2, 3, 4].map((back) => String(year - back)).map((key) => ({ key, label: periodLabel(period, key) }));
}

/** '2026年度', and its months where the cycle does not start in January: '2026年度（2026年7月至2027年6月）'. */
export function cycleLabel(key: string, startMonth: number): string {
  if (startMonth === 1) return periodLabel('cycle', key);
  const year = Number(key);
  return `${key}年度（${year}年${startMonth}月至${year + 1}年${startMonth - 1}月）`;
}
