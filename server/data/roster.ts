/**
 * Member records as the roster writes them (admin.members.import, admin.members.update), and the
 * roster keys that keep one person one member when two secretaries write at once: a record per phone
 * (`phone-<number>`) and, for a member without a phone, per name within the branch. A create reads
 * its key inside the transaction and writes it, so two racing creates of one person conflict; a key
 * whose member no longer has that phone (or name) is stale and names nobody.
 */
import { createHash, randomBytes } from 'crypto';
import type { Branch } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import type { MemberDraft } from '../../domain/roster';
import { getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { withoutId } from './ledger';
import type { StoredMember } from './members';

export function attributesOf(draft: MemberDraft, branch: Branch | null) {
  return {
    name: draft.name,
    phone: draft.phone,
    branchId: branch?._id ?? null,
    branchName: branch?.name ?? null,
    category: draft.category,
    roles: draft.roles,
    profession: draft.profession,
    socialRoles: draft.socialRoles,
  };
}

export function sameAttributes(a: StoredMember, b: StoredMember): boolean {
  const keys = ['name', 'phone', 'branchId', 'branchName', 'category', 'roles', 'profession', 'socialRoles'] as const;
  return keys.every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));
}

export function newMember(draft: MemberDraft, branch: Branch | null, inviteCode: string, at: string): StoredMember {
  return {
    _id: randomBytes(12).toString('hex'),
    ...attributesOf(draft, branch),
    status: 'active',
    secretariat: false,
    openid: null,
    inviteCode,
    tallyKeys: [],
    createdAt: at,
    updatedAt: at,
  };
}

export async function readMember(tx: Tx, memberId: string, missing: 'NOT_FOUND' | 'CONFLICT'): Promise<StoredMember> {
  const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(memberId));
  if (!member) throw new DomainError(missing, missing === 'NOT_FOUND' ? '会员不存在' : '会员名册已被他人修改，请重新导入');
  return { ...member, _id: memberId };
}

/** The roster key of a member: their phone, else their name within their branch. */
export function rosterKeyOf(member: Pick<StoredMember, 'phone' | 'name' | 'branchId'>): string {
  if (member.phone) return `phone-${member.phone}`;
  return `name-${createHash('sha1').update(`${member.branchId ?? ''}\u0000${member.name}`, 'utf8').digest('hex').slice(0, 24)}`;
}

/** Whether `member` is still the live holder of `key`. */
const holds = (member: StoredMember | null, key: string): member is StoredMember =>
  member !== null && member.status === 'active' && rosterKeyOf(member) === key;

/** Inside `tx`: the live member already holding `key`, or null (a stale key names nobody). */
export async function keyHolder(tx: Tx, key: string): Promise<StoredMember | null> {
  const record = await getOrNull<{ memberId: string }>(tx.collection(COLLECTIONS.rosterKeys).doc(key));
  if (!record) return null;
  const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(record.memberId));
  const found = member ? { ...member, _id: record.memberId } : null;
  return holds(found, key) ? found : null;
}

/** Writes `member` and its roster key inside `tx`. */
export async function writeMember(tx: Tx, member: StoredMember): Promise<void> {
  await tx.collection(COLLECTIONS.members).doc(member._id).set({ data: withoutId(member) });
  await tx.collection(COLLECTIONS.rosterKeys).doc(rosterKeyOf(member)).set({ data: { memberId: member._id } });
}
