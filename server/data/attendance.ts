/**
 * Attendance records and the 固定积分 they credit (seeds/004 五、1; domain/fixed-points.ts). HR's
 * recording (admin.attendance.record) and the monthly job both credit through here, in the same
 * transaction that writes the attendance: the ledger id of a month's credit is fixed per person,
 * month and revision, so whichever comes first credits it and the other finds it done. 出勤录入
 * reads a department's month back (admin.attendance.get).
 */
import type { Attendance, LedgerEntry } from '../../typings/models';
import { periodRange } from '../../domain/calendar';
import { attendanceId, creditAttendance, fixedPointsOf } from '../../domain/fixed-points';
import { catalogItem, type Scheme } from '../../domain/scheme';
import { database, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { postEntries, withoutId } from './ledger';
import type { StoredMember } from './members';
import { readByIds } from './outcomes';

/**
 * Inside `tx`: credits an ended month's attendance of `member` (the attendance as it is to be
 * stored), writes the attendance and returns the entry posted, if any.
 */
export async function creditAndWrite(tx: Tx, attendance: Attendance, member: StoredMember, scheme: Scheme, now: Date, reviewers: string[]): Promise<{ attendance: Attendance; entries: LedgerEntry[] }> {
  const def = fixedPointsOf(scheme);
  const { entry, attendance: settled } = creditAttendance(attendance, member.attributes, def);
  let entries: LedgerEntry[] = [];
  if (entry) {
    const item = catalogItem(scheme, def.item);
    const occurredOn = periodRange('month', attendance.month, scheme.calendar).to;
    const draft = { ...entry, memberId: member._id, itemId: item.id, itemName: item.name, occurredOn, schemeVersion: scheme.version, claimId: null, reviewers };
    const posted = await postEntries(tx, [draft], scheme, now, new Map([[member._id, member]]));
    entries = posted.entries;
  }
  await writeAttendance(tx, settled);
  return { attendance: settled, entries };
}

export async function writeAttendance(tx: Tx, attendance: Attendance): Promise<void> {
  await tx.collection(COLLECTIONS.attendance).doc(attendance._id).set({ data: withoutId(attendance) });
}

/** Attendance still waiting for crediting of months before `month`, in `_id` order after `after` (the monthly job's pages). */
export async function pendingAttendancePage(month: string, after: string | null, limit: number): Promise<Attendance[]> {
  const db = database();
  const _ = db.command;
  const where: Record<string, unknown> = { pending: true, month: _.lt(month) };
  if (after !== null) where._id = _.gt(after);
  const { data } = await db.collection(COLLECTIONS.attendance).where(where).orderBy('_id', 'asc').limit(limit).get();
  return data as Attendance[];
}

/** The month's attendance of the given people, by member: by id, 500 ids a read (ids are `<member>:<month>`). */
export async function attendanceOfMonth(memberIds: readonly string[], month: string): Promise<Map<string, Attendance>> {
  const records = await readByIds<Attendance>(COLLECTIONS.attendance, memberIds.map((memberId) => attendanceId(memberId, month)));
  return new Map(records.map((record) => [record.memberId, record]));
}
