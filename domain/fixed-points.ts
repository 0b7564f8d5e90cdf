/**
 * 固定积分 (seeds/004 第一篇 五、1): points a person earns each month for who they are — 学历, 职称,
 * 职务, 技能, 工龄, 特长 — "根据个人的月度出勤自动录入个人的积分账户". The template gives a table of
 * monthly points per attribute value; each person's values are kept on their record; HR (人力资源部)
 * records the month's attendance, and the month is credited in proportion to the days worked, once
 * per person and month (docs/rules.md E3–E8).
 */
import type { Attendance } from '../typings/models';
import { DomainError } from './errors';
import { roundPoints } from './composition';
import { currentMonthKey, isMonthKey } from './periods';

export interface AttributeValue {
  id: string;
  name: string;
  /** Points per full month worked. */
  points: number;
}

export interface AttributeDef {
  id: string;
  name: string;
  values: AttributeValue[];
}

export interface FixedPointsDef {
  /** The catalog item the monthly entries are posted on (never proposed or reported by hand). */
  item: string;
  attributes: AttributeDef[];
}

/** The template's 固定积分, or a refusal where it keeps none. */
export function fixedPointsOf(scheme: { fixedPoints?: FixedPointsDef }): FixedPointsDef {
  if (!scheme.fixedPoints) throw new DomainError('INVALID_INPUT', '本方案没有固定积分');
  return scheme.fixedPoints;
}

/** A person's attribute values, by attribute id → value id. */
export type Attributes = Record<string, string>;

export const attendanceId = (memberId: string, month: string): string => `${memberId}:${month}`;

/** The first credit of a month is `fixed:<memberId>:<month>`; a correction after it `…:r<revision>` (revisions only grow). */
function fixedEntryId(memberId: string, month: string, revision: number): string {
  return revision <= 1 ? `fixed:${memberId}:${month}` : `fixed:${memberId}:${month}:r${revision}`;
}

/**
 * The values given for a person, each by its id or its Chinese name (本科, 中级), as value ids. An
 * unknown attribute or value is refused naming both in words; an empty value clears the attribute.
 */
export function parseAttributes(given: Readonly<Record<string, string>>, def: FixedPointsDef): Attributes {
  const out: Attributes = {};
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(given)) {
    const attribute = def.attributes.find((a) => a.id === key || a.name === key);
    if (!attribute) {
      problems.push(`没有“${key}”这一项固定积分，应为 ${def.attributes.map((a) => a.name).join('、')}`);
      continue;
    }
    const text = raw.trim();
    if (text === '') continue;
    const value = attribute.values.find((v) => v.id === text || v.name === text);
    if (!value) problems.push(`${attribute.name}“${text}”无效，应为 ${attribute.values.map((v) => v.name).join('、')}`);
    else out[attribute.id] = value.id;
  }
  if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('；'));
  return out;
}

/** Monthly points of a person's attributes; an attribute not on file counts 0. */
export function monthlyRate(attributes: Readonly<Attributes> | undefined, def: FixedPointsDef): number {
  let total = 0;
  for (const attribute of def.attributes) {
    const valueId = attributes?.[attribute.id];
    total += attribute.values.find((v) => v.id === valueId)?.points ?? 0;
  }
  return roundPoints(total);
}

/** The attributes in words, for the ledger note: 学历本科、职称中级. */
function describeAttributes(attributes: Readonly<Attributes> | undefined, def: FixedPointsDef): string {
  return def.attributes
    .flatMap((a) => {
      const value = a.values.find((v) => v.id === attributes?.[a.id]);
      return value ? [`${a.name}${value.name}`] : [];
    })
    .join('、');
}

/** 五、1 根据个人的月度出勤: the month's points in proportion to the days worked, to two decimals. */
export function pointsForAttendance(rate: number, days: number, workdays: number): number {
  return roundPoints((rate * Math.min(days, workdays)) / workdays);
}

/** A month's attendance exists once the month has begun: recording it (`录入`) or reading it (`查看`) before is refused. */
export function assertMonthBegun(month: string, now: Date, doing: '录入' | '查看'): void {
  if (!isMonthKey(month)) throw new DomainError('INVALID_INPUT', '月份格式应为 YYYY-MM');
  if (month > currentMonthKey(now)) throw new DomainError('INVALID_INPUT', `${month} 尚未开始，不能${doing}出勤`);
}

/** A month may be recorded once it has begun, with its required working days (应出勤天数). */
export function assertAttendanceMonth(month: string, workdays: number, now: Date): void {
  assertMonthBegun(month, now, '录入');
  if (!Number.isInteger(workdays) || workdays < 1 || workdays > 31) throw new DomainError('INVALID_INPUT', '应出勤天数应为 1 到 31 的整数');
}

/**
 * A department's 应出勤天数 of a month as recorded: each sheet carries the month's required days,
 * so the latest recording's stands (a sheet saved again with other days replaces what came before,
 * docs/rules.md E23); null where nothing was recorded.
 */
export function recordedWorkdays(records: readonly Pick<Attendance, 'workdays' | 'recordedAt'>[]): number | null {
  let latest: Pick<Attendance, 'workdays' | 'recordedAt'> | null = null;
  for (const record of records) if (latest === null || record.recordedAt > latest.recordedAt) latest = record;
  return latest?.workdays ?? null;
}

/** Days worked are whole or half days, at most the required days; '' where they are. */
export function daysProblem(days: number, workdays: number): string {
  if (Number.isInteger(days * 2) && days >= 0 && days <= workdays) return '';
  return `出勤天数应为 0 到 ${workdays}（应出勤天数）之间，可以是半天`;
}

/** Whether a month's attendance can be credited: the month has ended (Shanghai calendar). */
export function monthEnded(month: string, now: Date): boolean {
  return month < currentMonthKey(now);
}

export interface FixedCredit {
  /** The entry to post: its id and points (signed: a correction may lower the month). */
  entry: { _id: string; points: number; note: string } | null;
  /** The attendance after crediting. */
  attendance: Attendance;
}

/**
 * Credits an ended month's attendance: the first credit at the person's current rate, a correction
 * by the difference at the rate the month was first credited with (E6), nothing where it is already
 * credited as recorded (a rerun, or a correction to the same days).
 */
export function creditAttendance(attendance: Attendance, attributes: Readonly<Attributes> | undefined, def: FixedPointsDef): FixedCredit {
  const rate = attendance.rate ?? monthlyRate(attributes, def);
  const due = pointsForAttendance(rate, attendance.days, attendance.workdays);
  const delta = roundPoints(due - (attendance.credited ?? 0));
  const settled: Attendance = { ...attendance, pending: false, rate, credited: due };
  if (delta === 0) return { entry: null, attendance: settled };
  const what = attendance.credited === null ? `${attendance.month} 出勤 ${attendance.days}/${attendance.workdays} 天` : `${attendance.month} 出勤更正为 ${attendance.days}/${attendance.workdays} 天`;
  const note = `${what}（每月 ${rate} 分${attributes && attendance.rate === null ? `：${describeAttributes(attributes, def)}` : ''}）`;
  // The first credit has the month's own id whatever changed before it; each correction after it its revision's.
  const revision = attendance.credited === null ? 1 : attendance.revision;
  return { entry: { _id: fixedEntryId(attendance.memberId, attendance.month, revision), points: delta, note }, attendance: settled };
}
