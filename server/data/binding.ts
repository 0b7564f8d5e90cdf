/**
 * Binding a WeChat account to a member with the invite code the secretariat shared (me.bind).
 * One account per member and one member per account; rebinding is an administrator's reset.
 *
 * Both halves are checked inside the transaction on records the race conflicts on: the member's
 * document (one account per member) and the account's binding record `bindings/<openid>` (one member
 * per account), so the same account sending two codes at once binds one of them.
 */
import { DomainError } from '../../domain/errors';
import { database, getOrNull, type Tx } from '../cloud';
import type { RequestContext } from '../api/context';
import { COLLECTIONS } from './collections';
import { refreshTallies } from './ledger';
import { findMember, findMemberByOpenid, withPhone, type StoredHolder, type StoredMember } from './members';
import type { Member } from '../../typings/models';

interface Binding {
  memberId: string;
  at: string;
  /** A household's person: the account is the household's, this names who acts (docs/rules.md H9). */
  holder?: string;
}

/** Who an openid is: their account, and the household's person they are when it is a household. */
export interface Caller {
  member: StoredMember;
  holder: string | null;
}

/** The holder of a household bound to `openid`, if any. */
const holderBoundTo = (member: StoredMember, openid: string): StoredHolder | undefined => member.holders?.find((h) => h.openid === openid);

/**
 * The account `openid` acts for: the member bound to it, or the household one of whose people it is
 * (found by its binding record, one read by id, only for an openid no member holds).
 */
export async function findCaller(openid: string): Promise<Caller | null> {
  const own = await findMemberByOpenid(openid);
  if (own) return { member: own, holder: null };
  const binding = await getOrNull<Binding>(database().collection(COLLECTIONS.bindings).doc(openid));
  if (!binding?.holder) return null;
  const household = await findMember(binding.memberId);
  const holder = household ? holderBoundTo(household, openid) : undefined;
  return household && holder ? { member: { ...household, _id: binding.memberId }, holder: holder.name } : null;
}

/** Binds the caller's account; the answer `{ member }` is what a retry with the same requestId gets too. */
export async function bindMember(ctx: RequestContext, inviteCode: string): Promise<{ member: Member }> {
  const openid = ctx.openid!;
  const members = database().collection(COLLECTIONS.members);
  const { data } = await members.where({ inviteCode }).limit(2).get();
  const target = (data[0] ?? (await members.where({ holderCodes: inviteCode }).limit(2).get()).data[0]) as StoredMember | undefined;
  if (!target) throw new DomainError('NOT_FOUND', '邀请码无效，请向秘书处确认');
  // Accounts bound before binding records were kept have none: their member is found by openid.
  const already = (await findCaller(openid))?.member;
  if (already && already._id !== target._id) throw alreadyBound(already.name);
  if (target.kind === 'household') return bindHolder(ctx, target._id, inviteCode);
  const scheme = await ctx.scheme();
  return ctx.transact(async (tx) => {
    const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(target._id));
    if (!member || member.inviteCode !== inviteCode) throw new DomainError('NOT_FOUND', '邀请码无效，请向秘书处确认');
    if (member.status !== 'active') throw new DomainError('FORBIDDEN', '该会员已退出，邀请码不再有效');
    const binding = await boundMember(tx, openid);
    if (binding && binding._id !== target._id) throw alreadyBound(binding.name);
    if (member.openid === openid) return { member: withPhone({ ...member, _id: target._id }) };
    if (member.openid) throw new DomainError('CONFLICT', '该邀请码已被其他微信绑定，如需更换请联系秘书处');
    const bound: StoredMember = { ...member, _id: target._id, openid, updatedAt: ctx.now.toISOString() };
    await tx.collection(COLLECTIONS.members).doc(target._id).update({ data: { openid, updatedAt: bound.updatedAt } });
    await tx.collection(COLLECTIONS.bindings).doc(openid).set({ data: { memberId: target._id, at: bound.updatedAt } satisfies Binding });
    await refreshTallies(tx, bound, scheme);
    return { member: withPhone(bound) };
  });
}

/**
 * A household's person binds their own WeChat account with their own code (H9): the household's
 * document is the record the race conflicts on, as a member's is for one person.
 */
async function bindHolder(ctx: RequestContext, householdId: string, inviteCode: string): Promise<{ member: Member }> {
  const openid = ctx.openid!;
  return ctx.transact(async (tx) => {
    const household = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(householdId));
    const holder = household?.holders?.find((h) => h.inviteCode === inviteCode);
    if (!household || !holder) throw new DomainError('NOT_FOUND', '邀请码无效，请向秘书处确认');
    if (household.status !== 'active') throw new DomainError('FORBIDDEN', '该户已退出积分管理，邀请码不再有效');
    const binding = await boundMember(tx, openid);
    if (binding && binding._id !== householdId) throw alreadyBound(binding.name);
    const found = { ...household, _id: householdId };
    if (holder.openid === openid) return { member: withPhone(found) };
    if (holder.openid) throw new DomainError('CONFLICT', `${holder.name}的邀请码已被其他微信绑定，如需更换请联系秘书处`);
    const at = ctx.now.toISOString();
    const holders = household.holders!.map((h) => (h.inviteCode === inviteCode ? { ...h, openid } : h));
    await tx.collection(COLLECTIONS.members).doc(householdId).update({ data: { holders, updatedAt: at } });
    await tx.collection(COLLECTIONS.bindings).doc(openid).set({ data: { memberId: householdId, at, holder: holder.name } satisfies Binding });
    return { member: withPhone({ ...found, holders, updatedAt: at }) };
  });
}

/** Inside `tx`: the member `openid` is bound to by its binding record, if that member still has it. */
async function boundMember(tx: Tx, openid: string): Promise<StoredMember | null> {
  const binding = await getOrNull<Binding>(tx.collection(COLLECTIONS.bindings).doc(openid));
  if (!binding) return null;
  const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(binding.memberId));
  if (!member) return null;
  return member.openid === openid || holderBoundTo(member, openid) ? { ...member, _id: binding.memberId } : null;
}

/** Inside `tx`: frees `openid` to bind again (admin.members.update resetBinding). */
export async function releaseBinding(tx: Tx, openid: string): Promise<void> {
  if (await getOrNull(tx.collection(COLLECTIONS.bindings).doc(openid))) await tx.collection(COLLECTIONS.bindings).doc(openid).remove();
}

function alreadyBound(name: string): DomainError {
  return new DomainError('CONFLICT', `您的微信已绑定会员“${name}”，如需更换请联系秘书处`);
}
