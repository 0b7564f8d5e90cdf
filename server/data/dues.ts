/**
 * Dues records (第五条 职务积分) and the ledger entries they produce. admin.dues.record and the
 * monthly job both go through here, so a month credited by one is recognised by the other: the
 * ledger id of a dues entry is derived from the entry's deterministic key alone.
 */
import type { DuesRecord } from '../../typings/models';
import type { DuesEntry } from '../../domain/dues';
import { DomainError } from '../../domain/errors';
import { categoryName } from '../../domain/glossary';
import { catalogItem, type Scheme } from '../../domain/scheme';
import { database, getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import type { NewEntry } from './ledger';

/**
 * One dues record per member and first covered month (overlapping payments are refused), so the id
 * is deterministic: two racing submissions of the same payment write the same document and conflict.
 * A voided record keeps its id; the payment recorded in its place takes the next one (`-r2`, `-r3`…),
 * so its ledger ids are new too.
 */
export function duesRecordId(memberId: string, fromMonth: string, attempt = 1): string {
  return attempt === 1 ? `${memberId}-${fromMonth}` : `${memberId}-${fromMonth}-r${attempt}`;
}

const MAX_ATTEMPTS = 50;

/** Inside `tx`: the id a new record starting in `fromMonth` takes, or the live record holding it. */
export async function openDuesId(tx: Tx, memberId: string, fromMonth: string): Promise<{ duesId: string; taken: DuesRecord | null }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const duesId = duesRecordId(memberId, fromMonth, attempt);
    const existing = await getOrNull<DuesRecord>(tx.collection(COLLECTIONS.dues).doc(duesId));
    if (!existing) return { duesId, taken: null };
    if (!existing.voidedAt) return { duesId, taken: { ...existing, _id: duesId } };
  }
  throw new DomainError('CONFLICT', '该月的会费记录作废次数过多，请联系系统管理员');
}

/** `dues:<duesId>:monthly:2026-11`, `dues:<duesId>:annual:2026-09`, `dues:<duesId>:term_bonus`. */
export function duesLedgerId(entry: Pick<DuesEntry, 'key'>): string {
  return `dues:${entry.key}`;
}

/** The ledger drafts of a dues record's entries: system entries, no claim. */
export function duesDrafts(dues: DuesRecord, entries: DuesEntry[], scheme: Scheme, reviewers: string[]): NewEntry[] {
  return entries.map((entry) => ({
    _id: duesLedgerId(entry),
    memberId: dues.memberId,
    itemId: entry.itemId,
    itemName: catalogItem(scheme, entry.itemId).name,
    points: entry.points,
    occurredOn: entry.occurredOn,
    schemeVersion: scheme.version,
    claimId: null,
    reviewers,
    note: `会费 ${dues.fromMonth} 至 ${dues.toMonth}（${categoryName(scheme, dues.tier)}，${dues.years} 年）`,
  }));
}

/** A recorded payment of the member whose months overlap [fromMonth, toMonth], if any; voided ones free their months. */
export async function findOverlappingDues(memberId: string, fromMonth: string, toMonth: string): Promise<DuesRecord | null> {
  const db = database();
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.dues)
    .where({ memberId, fromMonth: _.lte(toMonth), toMonth: _.gte(fromMonth) })
    .orderBy('fromMonth', 'asc')
    .limit(100)
    .get();
  return (data as DuesRecord[]).find((dues) => !dues.voidedAt) ?? null;
}

/** Dues records covering `month` with `_id` after `after`, in `_id` order (the monthly job's pages). */
export async function coveringDuesPage(month: string, after: string | null, limit: number): Promise<DuesRecord[]> {
  const db = database();
  const _ = db.command;
  const where: Record<string, unknown> = { fromMonth: _.lte(month), toMonth: _.gte(month) };
  if (after !== null) where._id = _.gt(after);
  const { data } = await db.collection(COLLECTIONS.dues).where(where).orderBy('_id', 'asc').limit(limit).get();
  return data as DuesRecord[];
}

/** Which of these ledger ids exist already (one read per 1000 ids). */
export async function existingLedgerIds(ids: readonly string[]): Promise<Set<string>> {
  const db = database();
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const { data } = await db
      .collection(COLLECTIONS.ledger)
      .where({ _id: db.command.in(ids.slice(i, i + 1000)) })
      .field({ _id: true })
      .limit(1000)
      .get();
    for (const doc of data as { _id: string }[]) found.add(doc._id);
  }
  return found;
}
