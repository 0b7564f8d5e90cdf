/**
 * Posting to the ledger (SPEC §4 Ledger and tallies): entries are appended, never edited; in the
 * same transaction every entry adds to its member's tallies for all time, its year and its month,
 * and each tally carries the member's current attributes for the boards' filters.
 */
import type { LedgerEntry } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import { newTally, tallyAttributes, tallyId, tallyKeys, type Tally, type TallyKey } from '../../domain/tally';
import { getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import type { StoredMember } from './members';

/** A tally as stored: the domain's tally plus the bound openid, so a caller finds their own row. */
export interface StoredTally extends Tally {
  openid: string | null;
}

export type NewEntry = Omit<LedgerEntry, 'createdAt' | 'memberName'> & { createdAt?: string };

export interface PostResult {
  entries: LedgerEntry[];
  /** Entries skipped because an entry with the same id already exists (idempotent jobs). */
  skipped: number;
}

export function storedTally(member: StoredMember, key: TallyKey, total: number, scheme: Scheme): StoredTally {
  return { ...newTally(member, key, total, scheme), openid: member.openid };
}

/** The members of `ids` as `tx` sees them; NOT_FOUND for one that does not exist. */
export async function readMembers(tx: Tx, ids: readonly string[]): Promise<Map<string, StoredMember>> {
  const members = new Map<string, StoredMember>();
  for (const memberId of new Set(ids)) {
    const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(memberId));
    if (!member) throw new DomainError('NOT_FOUND', `会员不存在：${memberId}`);
    members.set(memberId, { ...member, _id: memberId });
  }
  return members;
}

/**
 * Appends entries and updates tallies, inside `tx`. Entries with an existing `_id` are skipped, so a
 * job can re-post the same deterministic ids safely. `known` are members the caller already read in
 * `tx` (they are not read again).
 */
export async function postEntries(
  tx: Tx,
  entries: NewEntry[],
  scheme: Scheme,
  now: Date,
  known: ReadonlyMap<string, StoredMember> = new Map(),
): Promise<PostResult> {
  const members = new Map<string, StoredMember>();
  const keysBefore = new Map<string, number>();
  const tallies = new Map<string, StoredTally | null>();
  const posted: LedgerEntry[] = [];
  let skipped = 0;

  for (const draft of entries) {
    if (await getOrNull(tx.collection(COLLECTIONS.ledger).doc(draft._id))) {
      skipped++;
      continue;
    }
    let member = members.get(draft.memberId);
    if (!member) {
      member = known.get(draft.memberId) ?? (await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(draft.memberId))) ?? undefined;
      if (!member) throw new DomainError('NOT_FOUND', `会员不存在：${draft.memberId}`);
      keysBefore.set(member._id, member.tallyKeys?.length ?? 0);
      members.set(member._id, { ...member, tallyKeys: [...(member.tallyKeys ?? [])] });
      member = members.get(member._id)!;
    }
    const entry: LedgerEntry = { ...draft, memberName: member.name, createdAt: draft.createdAt ?? now.toISOString() };
    await tx.collection(COLLECTIONS.ledger).doc(entry._id).set({ data: withoutId(entry) });
    posted.push(entry);

    for (const key of tallyKeys(entry.occurredOn)) {
      const id = tallyId(member._id, key);
      if (!tallies.has(id)) tallies.set(id, await getOrNull<StoredTally>(tx.collection(COLLECTIONS.tallies).doc(id)));
      const current = tallies.get(id);
      tallies.set(id, storedTally(member, key, (current?.total ?? 0) + entry.points, scheme));
      if (!member.tallyKeys.includes(key)) member.tallyKeys.push(key);
    }
  }

  for (const [id, tally] of tallies) {
    if (tally) await tx.collection(COLLECTIONS.tallies).doc(id).set({ data: withoutId(tally) });
  }
  for (const member of members.values()) {
    if (member.tallyKeys.length === keysBefore.get(member._id)) continue;
    await tx.collection(COLLECTIONS.members).doc(member._id).update({ data: { tallyKeys: member.tallyKeys } });
  }
  return { entries: posted, skipped };
}

/**
 * Rewrites the attributes of every tally of a member after their branch, tier, profession, roles,
 * status or binding changed, in the caller's transaction: the boards follow at once.
 */
export async function refreshTallies(tx: Tx, member: StoredMember, scheme: Scheme): Promise<number> {
  const attributes = { ...tallyAttributes(member, scheme), openid: member.openid };
  for (const key of member.tallyKeys ?? []) {
    await tx.collection(COLLECTIONS.tallies).doc(tallyId(member._id, key as TallyKey)).update({ data: attributes });
  }
  return member.tallyKeys?.length ?? 0;
}

export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}
