/**
 * Posting to the ledger (SPEC §4 Ledger and tallies): entries are appended, never edited; in the
 * same transaction every entry changes its account's tallies as the domain says (domain/posting.ts:
 * every period the template keeps, and the cycle's parts and score), and each tally carries the
 * member's current attributes for the boards' filters.
 */
import type { LedgerEntry } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import { applyEntry, touchedTallies, type PostedLine, type TallyFigures } from '../../domain/posting';
import type { Scheme } from '../../domain/scheme';
import { newTally, tallyAttributes, tallyId, type Tally, type TallyKey } from '../../domain/tally';
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

export function storedTally(member: StoredMember, key: TallyKey, figures: TallyFigures, scheme: Scheme): StoredTally {
  return { ...newTally(member, key, figures, scheme), openid: member.openid };
}

/** The figures of a stored tally (what posting changes). */
export function figuresOf(tally: StoredTally | null | undefined): TallyFigures | null {
  if (!tally) return null;
  const figures: TallyFigures = { total: tally.total };
  if (tally.parts) figures.parts = tally.parts;
  if (tally.score !== undefined) figures.score = tally.score;
  if (tally.capGroups) figures.capGroups = tally.capGroups;
  if (tally.spent !== undefined) figures.spent = tally.spent;
  return figures;
}

/** Where an entry's points count: its item's part, monthly cap group and whether it deducts. */
export function postedLine(entry: Pick<LedgerEntry, 'points' | 'occurredOn' | 'itemId' | 'component' | 'capGroup' | 'deduction' | 'redemption'>, scheme: Scheme): PostedLine {
  if (entry.redemption) return { points: entry.points, occurredOn: entry.occurredOn, spend: true };
  const item = scheme.items.find((i) => i.id === entry.itemId);
  const line: PostedLine = { points: entry.points, occurredOn: entry.occurredOn };
  const component = entry.component ?? item?.component;
  const capGroup = entry.capGroup ?? item?.capGroup;
  const deduction = entry.deduction ?? item?.deduction;
  if (component) line.component = component;
  if (capGroup) line.capGroup = capGroup;
  if (deduction) line.deduction = true;
  return line;
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
 * `tx`, `read` tallies by id (neither is read again; a tally in `read` is written back).
 */
export async function postEntries(
  tx: Tx,
  entries: NewEntry[],
  scheme: Scheme,
  now: Date,
  known: ReadonlyMap<string, StoredMember> = new Map(),
  read: ReadonlyMap<string, StoredTally | null> = new Map(),
): Promise<PostResult> {
  const members = new Map<string, StoredMember>();
  const keysBefore = new Map<string, number>();
  const tallies = new Map<string, StoredTally | null>(read);
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
    const line = postedLine(draft, scheme);
    // The entry keeps where it counted, so history reads the same whatever later versions change.
    const entry: LedgerEntry = { ...draft, ...whereItCounts(line), memberName: member.name, createdAt: draft.createdAt ?? now.toISOString() };
    await tx.collection(COLLECTIONS.ledger).doc(entry._id).set({ data: withoutId(entry) });
    posted.push(entry);

    const before = new Map<TallyKey, TallyFigures | null>();
    for (const key of touchedTallies(line, scheme)) {
      const id = tallyId(member._id, key);
      if (!tallies.has(id)) tallies.set(id, await getOrNull<StoredTally>(tx.collection(COLLECTIONS.tallies).doc(id)));
      before.set(key, figuresOf(tallies.get(id)));
    }
    for (const [key, figures] of applyEntry(line, before, scheme)) {
      tallies.set(tallyId(member._id, key), storedTally(member, key, figures, scheme));
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

function whereItCounts(line: PostedLine): Pick<LedgerEntry, 'component' | 'capGroup' | 'deduction'> {
  const out: Pick<LedgerEntry, 'component' | 'capGroup' | 'deduction'> = {};
  if (line.component) out.component = line.component;
  if (line.capGroup) out.capGroup = line.capGroup;
  if (line.deduction) out.deduction = true;
  return out;
}

export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}
