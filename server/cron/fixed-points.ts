/**
 * The monthly job's 固定积分 (seeds/004 第一篇 五、1): credits every attendance record of an ended
 * month still waiting (recorded during its month, so not credited when recorded), each in its own
 * transaction through the same code HR's recording uses (server/data/attendance.ts). Idempotent per
 * person and month: a credited record leaves the waiting set, and its ledger id is fixed, so a rerun
 * or a race with HR's correction credits nothing twice. People who have left get no new entries.
 */
import type { Attendance } from '../../typings/models';
import type { Scheme } from '../../domain/scheme';
import { getOrNull, transact, type Tx } from '../cloud';
import { creditAndWrite, pendingAttendancePage } from '../data/attendance';
import { COLLECTIONS } from '../data/collections';
import type { StoredMember } from '../data/members';

export interface FixedPointsCounts {
  /** Attendance records credited by this invocation. */
  credited: number;
  /** Ledger entries posted. */
  entries: number;
  /** Whether every waiting record of the ended months was reached. */
  done: boolean;
}

const PAGE = 200;
const CONCURRENCY = 10;

/** Credits waiting attendance of months before `month`, until done or `deadline` (ms since epoch) passes. */
export async function creditWaitingAttendance(month: string, scheme: Scheme, now: Date, deadline: number): Promise<FixedPointsCounts> {
  const counts: FixedPointsCounts = { credited: 0, entries: 0, done: false };
  for (let after: string | null = null; ; ) {
    if (Date.now() >= deadline && after !== null) return counts;
    const page = await pendingAttendancePage(month, after, PAGE);
    // Whether the person is still active is read in each record's transaction (creditOne), not before it as well.
    for (let i = 0; i < page.length; i += CONCURRENCY) {
      const results = await Promise.all(page.slice(i, i + CONCURRENCY).map((a) => transact((tx) => creditOne(tx, a, scheme, now))));
      for (const posted of results) {
        if (posted === null) continue;
        counts.credited++;
        counts.entries += posted;
      }
    }
    if (page.length < PAGE) return { ...counts, done: true };
    after = page[page.length - 1]._id;
  }
}

/** One record in its own transaction, read again there: HR may have corrected or credited it meanwhile. */
async function creditOne(tx: Tx, waiting: Attendance, scheme: Scheme, now: Date): Promise<number | null> {
  const current = await getOrNull<Attendance>(tx.collection(COLLECTIONS.attendance).doc(waiting._id));
  if (!current || !current.pending) return null;
  const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(waiting.memberId));
  if (!member || member.status !== 'active') return null;
  const { entries } = await creditAndWrite(tx, { ...current, _id: waiting._id }, { ...member, _id: waiting.memberId }, scheme, now, []);
  return entries.length;
}
