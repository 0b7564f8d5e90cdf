/**
 * Calendar arithmetic in Asia/Shanghai. Cloud functions run in UTC; a claim made at 00:30 on the 1st
 * in China belongs to the new month (SPEC §2). Calendar days travel as 'YYYY-MM-DD', months as
 * 'YYYY-MM', years as 'YYYY'. Day and month arithmetic on those strings is zone-free; only "now"
 * needs the zone.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { DomainError } from './errors';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^\d{4}$/;
const DAY_MS = 86_400_000;

/** Today's calendar date in Shanghai at the instant `now`. */
export function shanghaiDate(now: Date): string {
  return dayjs(now).tz(ZONE).format('YYYY-MM-DD');
}

export function currentMonthKey(now: Date): string {
  return monthKeyOf(shanghaiDate(now));
}

export function currentYearKey(now: Date): string {
  return yearKeyOf(shanghaiDate(now));
}

/** A real calendar date in strict 'YYYY-MM-DD' form (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isMonthKey(value: string): boolean {
  const match = MONTH.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

export function isYearKey(value: string): boolean {
  return YEAR.test(value);
}

/** The date itself, or INVALID_INPUT. */
export function assertCalendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new DomainError('INVALID_INPUT', `日期无效：${value}（应为 YYYY-MM-DD）`);
  return value;
}

/** 'YYYY-MM' of a calendar date (tallies and month boards, SPEC §4). */
export function monthKeyOf(occurredOn: string): string {
  return assertCalendarDate(occurredOn).slice(0, 7);
}

export function yearKeyOf(occurredOn: string): string {
  return assertCalendarDate(occurredOn).slice(0, 4);
}

/** The month `n` months after `monthKey` (n may be negative). */
export function addMonths(monthKey: string, n: number): string {
  const [year, month] = parseMonth(monthKey);
  const index = year * 12 + (month - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

export function previousMonth(monthKey: string): string {
  return addMonths(monthKey, -1);
}

export function nextMonth(monthKey: string): string {
  return addMonths(monthKey, 1);
}

/** Whole months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = parseMonth(from);
  const [ty, tm] = parseMonth(to);
  return ty * 12 + tm - (fy * 12 + fm);
}

/** The first day of a month, 'YYYY-MM-01'. */
export function firstDayOf(monthKey: string): string {
  parseMonth(monthKey);
  return `${monthKey}-01`;
}

/** Days from calendar date `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return (utcMidnight(to) - utcMidnight(from)) / DAY_MS;
}

/**
 * Claims window (SPEC §4): occurredOn may not be after today in Shanghai, nor more than `windowDays`
 * days before it. A deed exactly `windowDays` days old is still accepted.
 */
export function assertInClaimsWindow(occurredOn: string, now: Date, windowDays: number): void {
  const today = shanghaiDate(now);
  const age = daysBetween(assertCalendarDate(occurredOn), today);
  if (age < 0) throw new DomainError('OUT_OF_WINDOW', '日期不能晚于今天', { occurredOn, today });
  if (age > windowDays) {
    throw new DomainError('OUT_OF_WINDOW', `只能申报${windowDays}天内的事项`, { occurredOn, today, windowDays });
  }
}

/**
 * The months a dues payment covers (第五条 2: from the payment month inclusive), 12 per year paid.
 */
export function duesMonths(paidOn: string, years: number): string[] {
  const from = monthKeyOf(paidOn);
  return Array.from({ length: 12 * years }, (_, i) => addMonths(from, i));
}

function parseMonth(monthKey: string): [number, number] {
  if (!isMonthKey(monthKey)) throw new DomainError('INVALID_INPUT', `月份无效：${monthKey}（应为 YYYY-MM）`);
  return [Number(monthKey.slice(0, 4)), Number(monthKey.slice(5, 7))];
}

function utcMidnight(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
