/**
 * The members collection. A stored member carries what the API never sends to other members: the
 * bound WeChat openid and the invite code.
 */
import type { Member, Position } from '../../typings/models';
import { BRANCH_POSITIONS, POSITION_NAMES } from '../../domain/glossary';
import { database, getOrNull, type Query } from '../cloud';
import { COLLECTIONS } from './collections';

export interface StoredMember extends Member {
  /** The bound WeChat account; null until bound with the invite code. */
  openid: string | null;
  inviteCode: string;
  /** Keys of the tallies this member has (all, y:YYYY, m:YYYY-MM), so a transaction can update them by id. */
  tallyKeys: string[];
  createdAt: string;
  updatedAt: string;
}

/** The public shape of a member (SPEC §5), as any member who may see them sees it: no phone. */
export function toMember(stored: StoredMember): Member {
  const { _id, name, branchId, branchName, tier, positions, profession, socialRoles, status, secretariat } = stored;
  return { _id, name, branchId, branchName, tier, positions, profession, socialRoles, status, secretariat: Boolean(secretariat) };
}

/** A member with their phone: for the secretariat, and for the member themself. */
export function withPhone(stored: StoredMember): Member {
  return { ...toMember(stored), phone: stored.phone ?? null };
}

export async function findMemberByOpenid(openid: string): Promise<StoredMember | null> {
  const { data } = await database().collection(COLLECTIONS.members).where({ openid }).limit(1).get();
  return (data[0] as StoredMember | undefined) ?? null;
}

/**
 * Every document of a query, read in pages of 1000 ordered by _id (the platform returns at most
 * 1000 per request). Reads `ceil(n / 1000)` requests.
 */
export async function readAll<T extends { _id: string }>(query: Query, pageSize = 1000): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.orderBy('_id', 'asc').skip(skip).limit(pageSize).get();
    out.push(...(data as T[]));
    if (data.length < pageSize) return out;
  }
}

/** Positions of the association itself (会长, 副会长, 秘书长, 政治指导员): the final reviewers. */
const OFFICER_POSITIONS = (Object.keys(POSITION_NAMES) as Position[]).filter((p) => !BRANCH_POSITIONS.includes(p));

/** Active holders of an association position: the candidates for final review (第十四条). */
export async function loadOfficers(): Promise<StoredMember[]> {
  const db = database();
  return readAll<StoredMember>(db.collection(COLLECTIONS.members).where({ status: 'active', positions: db.command.in(OFFICER_POSITIONS) }));
}

/**
 * The candidates for endorsing a self-report (第十五条): leaders of the claimant's branch (its
 * position holders and its members of a tier with authority) and leaders of the association
 * (members of such a tier without a branch, and the officers). Each is one indexed query, so the
 * cost follows the number of leaders concerned, not the size of the association.
 */
export async function loadEndorsers(branchId: string | null, tiersWithAuthority: string[]): Promise<StoredMember[]> {
  const db = database();
  const _ = db.command;
  const members = db.collection(COLLECTIONS.members);
  const queries = [members.where({ status: 'active', branchId: null, tier: _.in(tiersWithAuthority) })];
  if (branchId !== null) {
    queries.push(
      members.where({ status: 'active', branchId, tier: _.in(tiersWithAuthority) }),
      members.where({ status: 'active', branchId, positions: _.in([...BRANCH_POSITIONS]) }),
    );
  }
  const found = await Promise.all([...queries.map((query) => readAll<StoredMember>(query)), loadOfficers()]);
  return [...new Map(found.flat().map((member) => [member._id, member])).values()];
}

export async function findMember(memberId: string): Promise<StoredMember | null> {
  return getOrNull<StoredMember>(database().collection(COLLECTIONS.members).doc(memberId));
}

export async function findMembers(ids: readonly string[]): Promise<StoredMember[]> {
  if (ids.length === 0) return [];
  const db = database();
  const unique = [...new Set(ids)];
  const out: StoredMember[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const { data } = await db
      .collection(COLLECTIONS.members)
      .where({ _id: db.command.in(unique.slice(i, i + 500)) })
      .limit(1000)
      .get();
    out.push(...(data as StoredMember[]));
  }
  return out;
}
