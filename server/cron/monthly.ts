/**
 * The monthly job (第五条 职务积分): credits `position.monthly`, and `position.annual` at the start of
 * each covered dues-year, for every dues record covering a month.
 *
 * Built for 100,000 members within the platform's limits (1000 documents per read, single-document
 * operations in transactions, the function's time limit):
 * - dues records are read in pages ordered by `_id` (keyset: `_id > cursor`, never `skip`);
 * - each page is worked in batches: one read finds the batch's members, one or two find which of
 *   its ledger ids exist already, then every record still owed gets its own small transaction
 *   (`postEntries`, which skips existing ids again inside the transaction);
 * - progress lives in `jobs/monthly-YYYY-MM` (cursor = last dues `_id` done, running counts); an
 *   invocation stops before its time budget and the next one resumes from the cursor;
 * - the ledger ids are those admin.dues.record uses, so re-running a month, or a month credited at
 *   recording time, posts nothing (idempotent per member and month).
 *
 * Members who left (第十七条) get no new monthly entries; their ledger is kept as it is.
 *
 * Templates with 固定积分 (seeds/004 五、1) also credit, on every run, the attendance of ended months
 * still waiting (server/cron/fixed-points.ts).
 */
import type { DuesRecord } from '../../typings/models';
import { duesEntriesInMonth } from '../../domain/dues';
import { DomainError } from '../../domain/errors';
import { currentMonthKey } from '../../domain/periods';
import type { Scheme } from '../../domain/scheme';
import { database, getOrNull, transact, type Tx } from '../cloud';
import { COLLECTIONS } from '../data/collections';
import { coveringDuesPage, duesDrafts, existingLedgerIds } from '../data/dues';
import { postEntries, withoutId, type NewEntry } from '../data/ledger';
import { findMembers } from '../data/members';
import { loadSchemeInForce } from '../data/schemes';
import { creditWaitingAttendance, type FixedPointsCounts } from './fixed-points';

export interface MonthlyCounts {
  /** Dues records looked at. */
  processed: number;
  /** Records that got at least one new entry. */
  credited: number;
  /** New ledger entries. */
  entries: number;
  /** Records whose entries for the month were all there already (recorded late, or a re-run). */
  alreadyCredited: number;
  /** Records of members who left, whose member record is gone, or that were voided. */
  skipped: number;
}

export interface MonthlyJob extends MonthlyCounts {
  _id: string;
  job: 'monthly';
  month: string;
  /** `_id` of the last dues record done; null before the first. */
  cursor: string | null;
  invocations: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface MonthlyOptions {
  now: Date;
  /** Stop starting new batches once this many milliseconds have passed (at least one batch runs). */
  budgetMs: number;
  /** Dues records per read (≤ 1000). */
  pageSize?: number;
  /** Dues records per batch (≤ 500: one read finds a batch's members). */
  batchSize?: number;
  /** Transactions in flight at once. */
  concurrency?: number;
}

export interface MonthlyResult {
  job: 'monthly';
  month: string;
  done: boolean;
  /** Records looked at by this invocation. */
  processed: number;
  cursor: string | null;
  totals: MonthlyCounts;
  startedAt: string;
  finishedAt: string | null;
  /** Templates with 固定积分: the waiting attendance of ended months credited by this invocation. */
  fixedPoints?: FixedPointsCounts;
}

export const DEFAULT_PAGE_SIZE = 1000;
export const DEFAULT_BATCH_SIZE = 200;
export const MAX_BATCH_SIZE = 500;
const DEFAULT_CONCURRENCY = 10;

export const monthlyJobId = (month: string): string => `monthly-${month}`;

/** Runs (or resumes) the job for `month` until it is done or the budget is spent. */
export async function runMonthly(month: string, options: MonthlyOptions): Promise<MonthlyResult> {
  const started = Date.now();
  if (month > currentMonthKey(options.now)) {
    throw new DomainError('INVALID_INPUT', `不能提前计入 ${month} 的职务积分`);
  }
  const pageSize = clamp(options.pageSize ?? DEFAULT_PAGE_SIZE, 1, 1000);
  const batchSize = clamp(options.batchSize ?? DEFAULT_BATCH_SIZE, 1, Math.min(MAX_BATCH_SIZE, pageSize));
  const concurrency = clamp(options.concurrency ?? DEFAULT_CONCURRENCY, 1, 50);
  const jobs = database().collection(COLLECTIONS.jobs);
  const jobId = monthlyJobId(month);

  // 固定积分 (seeds/004 五、1) first, and on every run: a month's attendance may be recorded after its job finished.
  const scheme = await loadSchemeInForce(options.now);
  const fixed = scheme.fixedPoints ? await creditWaitingAttendance(month, scheme, options.now, started + options.budgetMs) : undefined;
  const withFixed = (result: MonthlyResult): MonthlyResult => (fixed ? { ...result, done: result.done && fixed.done, fixedPoints: fixed } : result);

  const stored = await getOrNull<MonthlyJob>(jobs.doc(jobId));
  if (stored?.finishedAt) return withFixed(resultOf(stored, true, 0));

  const at = options.now.toISOString();
  const job: MonthlyJob = stored
    ? { ...stored, _id: jobId, invocations: stored.invocations + 1 }
    : { _id: jobId, job: 'monthly', month, cursor: null, ...zeroCounts(), invocations: 1, startedAt: at, updatedAt: at, finishedAt: null };
  let processedNow = 0;

  const save = async (): Promise<void> => {
    job.updatedAt = options.now.toISOString();
    await jobs.doc(jobId).set({ data: withoutId(job) });
  };

  for (;;) {
    const page = await coveringDuesPage(month, job.cursor, pageSize);
    for (let i = 0; i < page.length; i += batchSize) {
      if (processedNow > 0 && Date.now() - started >= options.budgetMs) {
        await save();
        return withFixed(resultOf(job, false, processedNow));
      }
      const batch = page.slice(i, i + batchSize);
      addCounts(job, await creditBatch(batch, month, scheme, options.now, concurrency));
      job.cursor = batch[batch.length - 1]._id;
      processedNow += batch.length;
    }
    if (page.length < pageSize) break;
    await save();
  }
  job.finishedAt = options.now.toISOString();
  await save();
  return withFixed(resultOf(job, true, processedNow));
}

async function creditBatch(batch: DuesRecord[], month: string, scheme: Scheme, now: Date, concurrency: number): Promise<MonthlyCounts> {
  const counts: MonthlyCounts = { ...zeroCounts(), processed: batch.length };
  const active = new Set((await findMembers(batch.map((d) => d.memberId))).filter((m) => m.status === 'active').map((m) => m._id));
  const owed = batch
    .filter((dues) => {
      // A voided record (admin.dues.void) credits nothing more.
      if (active.has(dues.memberId) && !dues.voidedAt) return true;
      counts.skipped++;
      return false;
    })
    .map((dues) => ({ dues, drafts: duesDrafts(dues, duesEntriesInMonth(dues, month, scheme), scheme, []) }));
  const existing = await existingLedgerIds(owed.flatMap((o) => o.drafts.map((d) => d._id)));
  const todo = owed.filter(({ drafts }) => {
    const missing = drafts.some((d) => !existing.has(d._id));
    if (!missing) counts.alreadyCredited++;
    return missing;
  });

  for (let i = 0; i < todo.length; i += concurrency) {
    const posted = await Promise.all(todo.slice(i, i + concurrency).map(({ dues, drafts }) => transact((tx) => credit(tx, dues, drafts.filter((d) => !existing.has(d._id)), month, scheme, now))));
    for (const { entries } of posted) {
      if (entries.length > 0) counts.credited++;
      else counts.alreadyCredited++;
      counts.entries += entries.length;
    }
  }
  return counts;
}

/**
 * Credits one record's month in its own transaction. The record is read and written there too: a
 * void (admin.dues.void) writes it as well, so the two conflict and the later one runs again, seeing
 * the other (snapshot isolation lets a write that reads no common document pass the other by).
 */
async function credit(tx: Tx, dues: DuesRecord, drafts: NewEntry[], month: string, scheme: Scheme, now: Date): Promise<{ entries: unknown[] }> {
  const ref = tx.collection(COLLECTIONS.dues).doc(dues._id);
  const current = await getOrNull<DuesRecord>(ref);
  if (!current || current.voidedAt) return { entries: [] };
  const posted = await postEntries(tx, drafts, scheme, now);
  await ref.update({ data: { creditedThrough: month } });
  return posted;
}

function resultOf(job: MonthlyJob, done: boolean, processed: number): MonthlyResult {
  const { processed: p, credited, entries, alreadyCredited, skipped } = job;
  return {
    job: 'monthly',
    month: job.month,
    done,
    processed,
    cursor: job.cursor,
    totals: { processed: p, credited, entries, alreadyCredited, skipped },
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

const zeroCounts = (): MonthlyCounts => ({ processed: 0, credited: 0, entries: 0, alreadyCredited: 0, skipped: 0 });

function addCounts(into: MonthlyCounts, add: MonthlyCounts): void {
  into.processed += add.processed;
  into.credited += add.credited;
  into.entries += add.entries;
  into.alreadyCredited += add.alreadyCredited;
  into.skipped += add.skipped;
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.floor(n)));
}
