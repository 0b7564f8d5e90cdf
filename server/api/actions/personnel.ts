/**
 * 人力资源部 keeps what 固定积分 are made of (seeds/004 第一篇 五、1; 七(三) 人力资源部要做好组织、
 * 贯彻、落实、运行工作): each person's attributes (学历, 职称, 职务, 技能, 工龄, 特长), set in a batch
 * from the personnel sheet, and each month's attendance. Attendance of an ended month is credited at
 * once; of the current month, by the monthly job once it ends (server/cron/fixed-points.ts). Both
 * are all rows or none, each bad row named (docs/rules.md E3–E8). HR reads a department's month
 * back to see what was recorded and credited (E23).
 */
import { z } from 'zod';
import type { AttendanceSheetRow } from '../../../typings/api';
import type { Attendance, LedgerEntry } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import {
  assertAttendanceMonth, assertMonthBegun, attendanceId, daysProblem, fixedPointsOf, monthEnded, monthlyRate, parseAttributes, recordedWorkdays,
} from '../../../domain/fixed-points';
import { ROOT } from '../../../domain/organisation';
import { unitWord, type Scheme } from '../../../domain/scheme';
import { defineAction } from '../action';
import { cursor, id, monthKey } from '../validation';
import { database, getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { findBranch } from '../../data/branches';
import { attendanceOfMonth, creditAndWrite, writeAttendance } from '../../data/attendance';
import { decodeCursor, nextCursor } from '../../data/claims';
import { readMembers } from '../../data/ledger';
import { findMembers, readAll, type StoredMember } from '../../data/members';

/** Rows of one sheet, written in one transaction (a department at a time for a large company). */
const ROWS_MAX = 100;

/** People a page of admin.attendance.get answers: a department of a few hundred is one call. */
const SHEET_PAGE = 500;

/** A sheet's rows: at least one, at most ROWS_MAX. */
const sheetRows = <Row extends z.ZodTypeAny>(row: Row) => z.array(row).min(1, '请至少填写一行').max(ROWS_MAX, `一次最多 ${ROWS_MAX} 行`);

/** Every row's member, or one error naming every row whose member is missing, listed twice or has left. */
async function rowMembers(memberIds: string[], scheme: Scheme): Promise<Map<string, StoredMember>> {
  const found = new Map((await findMembers(memberIds)).map((m) => [m._id, m]));
  const problems: string[] = [];
  memberIds.forEach((memberId, i) => {
    const member = found.get(memberId);
    if (memberIds.indexOf(memberId) !== i) problems.push(`第 ${i + 1} 行：与第 ${memberIds.indexOf(memberId) + 1} 行是同一人`);
    else if (!member) problems.push(`第 ${i + 1} 行：${scheme.words.member}不存在`);
    else if (member.status !== 'active') problems.push(`第 ${i + 1} 行：${member.name}已离职`);
  });
  if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('；'));
  return found;
}

export const adminAttributesSet = defineAction('admin.attributes.set', {
  schema: z
    .object({
      rows: sheetRows(z.object({ memberId: id, attributes: z.record(z.string().max(20, '过长'), z.string().max(20, '过长')) }).strict()),
    })
    .strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const def = fixedPointsOf(scheme);
    const members = await rowMembers(payload.rows.map((r) => r.memberId), scheme);
    const problems: string[] = [];
    const parsed = payload.rows.map((row, i) => {
      try {
        return parseAttributes(row.attributes, def);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push(`第 ${i + 1} 行（${members.get(row.memberId)!.name}）：${error.message}`);
        return {};
      }
    });
    if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('；'));
    return ctx.transact(async (tx) => {
      const stored = await readMembers(tx, payload.rows.map((r) => r.memberId));
      const out = payload.rows.map((row, i) => {
        // The given attributes replace those on file; the others stay.
        const attributes = { ...stored.get(row.memberId)!.attributes, ...parsed[i] };
        return { memberId: row.memberId, name: stored.get(row.memberId)!.name, attributes, monthly: monthlyRate(attributes, def) };
      });
      for (const row of out) {
        await tx.collection(COLLECTIONS.members).doc(row.memberId).update({ data: { attributes: row.attributes, updatedAt: ctx.now.toISOString() } });
      }
      return { updated: out.length, members: out };
    });
  },
});

export const adminAttendanceRecord = defineAction('admin.attendance.record', {
  schema: z
    .object({
      month: monthKey,
      workdays: z.number(),
      rows: sheetRows(z.object({ memberId: id, days: z.number() }).strict()),
    })
    .strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    fixedPointsOf(scheme);
    assertAttendanceMonth(payload.month, payload.workdays, ctx.now);
    const problems = payload.rows.flatMap((row, i) => {
      const problem = daysProblem(row.days, payload.workdays);
      return problem ? [`第 ${i + 1} 行：${problem}`] : [];
    });
    if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('；'));
    await rowMembers(payload.rows.map((r) => r.memberId), scheme);
    const recorder = await ctx.member();
    const recordedBy = recorder?._id ?? ctx.openid ?? '';
    const ended = monthEnded(payload.month, ctx.now);

    return ctx.transact(async (tx) => {
      const members = await readMembers(tx, payload.rows.map((r) => r.memberId));
      const attendance: Attendance[] = [];
      const entries: LedgerEntry[] = [];
      for (const row of payload.rows) {
        const member = members.get(row.memberId)!;
        const docId = attendanceId(member._id, payload.month);
        const before = await getOrNull<Attendance>(tx.collection(COLLECTIONS.attendance).doc(docId));
        // The same days again (a retry, a sheet pasted twice) change nothing; a waiting month that has ended is credited now.
        const same = before !== null && before.days === row.days && before.workdays === payload.workdays;
        if (before && same && (!before.pending || !ended)) {
          attendance.push({ ...before, _id: docId });
          continue;
        }
        const next: Attendance = before && same ? { ...before, _id: docId } : {
          _id: docId,
          memberId: member._id,
          month: payload.month,
          days: row.days,
          workdays: payload.workdays,
          revision: before ? before.revision + 1 : 1,
          pending: true,
          rate: before?.rate ?? null,
          credited: before?.credited ?? null,
          recordedBy,
          recordedAt: ctx.now.toISOString(),
        };
        if (!ended) {
          await writeAttendance(tx, next);
          attendance.push(next);
          continue;
        }
        const done = await creditAndWrite(tx, next, member, scheme, ctx.now, recorder ? [recorder._id] : []);
        attendance.push(done.attendance);
        entries.push(...done.entries);
      }
      return { attendance, entries };
    });
  },
});

/** The unit's name, or a refusal where the id names no unit of this organisation ('root': its own people). */
async function unitName(unitId: string, scheme: Scheme): Promise<string> {
  if (unitId === ROOT) return scheme.words.direct;
  const unit = await findBranch(unitId);
  if (!unit) throw new DomainError('NOT_FOUND', `所选${unitWord(scheme)}不存在，请重新选择${unitWord(scheme)}`);
  return unit.name;
}

export const adminAttendanceGet = defineAction('admin.attendance.get', {
  schema: z.object({ month: monthKey, unitId: id, cursor }).strict(),
  access: 'secretariat',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const def = fixedPointsOf(scheme);
    assertMonthBegun(payload.month, ctx.now, '查看');
    const offset = decodeCursor(payload.cursor);
    const name = await unitName(payload.unitId, scheme);
    const db = database();
    const where = { status: 'active', branchId: payload.unitId === ROOT ? null : payload.unitId };
    // The whole department is read (one request per 1000), so the 应出勤天数 and the count recorded are the department's, not the page's.
    const people = (await readAll<StoredMember>(db.collection(COLLECTIONS.members).where(where))).sort(
      (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a._id < b._id ? -1 : 1),
    );
    const records = await attendanceOfMonth(people.map((m) => m._id), payload.month);
    const page = people.slice(offset, offset + SHEET_PAGE);
    const rows: AttendanceSheetRow[] = page.map((m) => {
      const record = records.get(m._id);
      return {
        memberId: m._id,
        name: m.name,
        attributes: m.attributes ?? {},
        monthly: monthlyRate(m.attributes, def),
        recorded: record ? { days: record.days, workdays: record.workdays, pending: record.pending, credited: record.credited, recordedAt: record.recordedAt } : null,
      };
    });
    return {
      month: payload.month,
      unitId: payload.unitId,
      unitName: name,
      workdays: recordedWorkdays([...records.values()]),
      people: people.length,
      recorded: records.size,
      rows,
      cursor: offset + page.length < people.length ? nextCursor(offset, page, SHEET_PAGE) : null,
    };
  },
});
