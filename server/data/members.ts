/**
 * The members collection. A stored member carries what the API never sends to other members: the
 * bound WeChat openid and the invite code.
 */
import type { Member, MemberRecord } from '../../typings/models';
import { actingName } from '../../domain/households';
import { ROOT } from '../../domain/organisation';
import type { Scheme } from '../../domain/scheme';
import { database, getOrNull, type Query } from '../cloud';
import { COLLECTIONS } from './collections';

/** A member as stored: category and roles once (the contract's `tier` and `positions` are added on the way out). */
export interface StoredMember extends MemberRecord {
  /** The bound WeChat account; null until bound with the invite code. */
  openid: string | null;
  inviteCode: string;
  /** Keys of the tallies this member has (all, y:YYYY, m:YYYY-MM), so a transaction can update them by id. */
  tallyKeys: string[];
  createdAt: string;
  updatedAt: string;
  /** A household's people: each binds with their own code (me.bind) and acts for the household. */
  holders?: StoredHolder[];
  /** The holders' invite codes, so me.bind finds the household by one indexed query. */
  holderCodes?: string[];
}

/** A person of a household as stored: their phone, bound account and invite code stay server-side. */
export interface StoredHolder {
  name: string;
  phone: string | null;
  openid: string | null;
  inviteCode: string;
}

/** The account as claims and decisions name the one who acted: `张三（张建国户）` for a household's person. */
export function actorOf(member: StoredMember, holder: string | null): Pick<StoredMember, '_id' | 'name'> {
  return { _id: member._id, name: holder ? actingName(holder, member.name) : member.name };
}

/** The public shape of a member (SPEC §5), as any member who may see them sees it: no phone. */
export function toMember(stored: StoredMember): Member {
  const { _id, name, branchId, branchName, category, roles, profession, socialRoles, status, secretariat } = stored;
  return {
    _id,
    name,
    branchId,
    branchName,
    category,
    roles: [...roles],
    tier: category,
    positions: [...roles],
    profession,
    socialRoles,
    status,
    secretariat: Boolean(secretariat),
    ...(stored.kind === 'household' ? { kind: 'household' as const, holders: (stored.holders ?? []).map((h) => ({ name: h.name, bound: h.openid !== null })) } : {}),
  };
}

/** Every WeChat account acting for `member`: their own, or each bound person of a household (H9). */
export function boundOpenids(member: StoredMember): string[] {
  const own = member.openid ? [member.openid] : [];
  return [...own, ...(member.holders ?? []).flatMap((h) => (h.openid ? [h.openid] : []))];
}

/**
 * A member with their phone: for the secretariat, and for the member themself; with their 固定积分
 * attributes where the template keeps them (HR's 出勤录入 shows each person's monthly points).
 */
export function withPhone(stored: StoredMember): Member {
  return { ...toMember(stored), phone: stored.phone ?? null, ...(stored.attributes ? { attributes: { ...stored.attributes } } : {}) };
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

/** The members whose `field` is one of `values` (and who match `where`): one indexed query per 500 values. */
export async function membersWhereIn(field: 'name' | 'phone', values: readonly string[], where: Record<string, unknown> = {}): Promise<StoredMember[]> {
  const db = database();
  const unique = [...new Set(values)];
  const out: StoredMember[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(...(await readAll<StoredMember>(db.collection(COLLECTIONS.members).where({ ...where, [field]: db.command.in(unique.slice(i, i + 500)) }))));
  }
  return out;
}

/** Active holders of a root role (荆门: 会长, 副会长, 秘书长, 政治指导员): the candidates for root review steps. */
export async function loadOfficers(scheme: Scheme): Promise<StoredMember[]> {
  const db = database();
  const rootRoles = scheme.organisation.roles.filter((r) => r.at === 'root').map((r) => r.id);
  if (rootRoles.length === 0) return [];
  return readAll<StoredMember>(db.collection(COLLECTIONS.members).where({ status: 'active', roles: db.command.in(rootRoles) }));
}

/**
 * The candidates for deciding a claim of a member of `branchId` (第十五条): the leaders and role
 * holders of that unit (its unit roles, and its people of a category with authority), the root's
 * people of such a category, and the holders of root roles. Each is one indexed query, so the cost
 * follows the number of leaders concerned, not the size of the organisation.
 */
export async function loadEndorsers(branchId: string | null, scheme: Scheme): Promise<StoredMember[]> {
  const db = database();
  const _ = db.command;
  const members = db.collection(COLLECTIONS.members);
  const categories = scheme.organisation.categories.filter((c) => (c.limit ?? 0) > 0).map((c) => c.id);
  const unitRoles = scheme.organisation.roles.filter((r) => r.at === 'unit').map((r) => r.id);
  const queries = categories.length > 0 ? [members.where({ status: 'active', branchId: null, category: _.in(categories) })] : [];
  if (branchId !== null) {
    if (categories.length > 0) queries.push(members.where({ status: 'active', branchId, category: _.in(categories) }));
    if (unitRoles.length > 0) queries.push(members.where({ status: 'active', branchId, roles: _.in(unitRoles) }));
  }
  const found = await Promise.all([...queries.map((query) => readAll<StoredMember>(query)), loadOfficers(scheme)]);
  return [...new Map(found.flat().map((member) => [member._id, member])).values()];
}

/** The unit a member's claims are routed in: their unit, or the root. */
export const unitOf = (member: Pick<Member, 'branchId'>): string => member.branchId ?? ROOT;

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
