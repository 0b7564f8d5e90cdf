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
import { findMemberByOpenid, withPhone, type StoredMember } from './members';
import type { Member } from '../../typings/models';

interface Binding {
  memberId: string;
  at: string;
}

/** Binds the caller's account; the answer `{ member }` is what a retry with the same requestId gets too. */
export async function bindMember(ctx: RequestContext, inviteCode: string): Promise<{ member: Member }> {
  const openid = ctx.openid!;
  const { data } = await database().collection(COLLECTIONS.members).where({ inviteCode }).limit(2).get();
  const target = data[0] as StoredMember | undefined;
  if (!target) throw new DomainError('NOT_FOUND', '邀请码无效，请向秘书处确认');
  // Accounts bound before binding records were kept have none: their member is found by openid.
  const already = await findMemberByOpenid(openid);
  if (already && already._id !== target._id) throw alreadyBound(already.name);
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

/** Inside `tx`: the member `openid` is bound to by its binding record, if that member still has it. */
async function boundMember(tx: Tx, openid: string): Promise<StoredMember | null> {
  const binding = await getOrNull<Binding>(tx.collection(COLLECTIONS.bindings).doc(openid));
  if (!binding) return null;
  const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(binding.memberId));
  return member && member.openid === openid ? { ...member, _id: binding.memberId } : null;
}

/** Inside `tx`: frees `openid` to bind again (admin.members.update resetBinding). */
export async function releaseBinding(tx: Tx, openid: string): Promise<void> {
  if (await getOrNull(tx.collection(COLLECTIONS.bindings).doc(openid))) await tx.collection(COLLECTIONS.bindings).doc(openid).remove();
}

function alreadyBound(name: string): DomainError {
  return new DomainError('CONFLICT', `您的微信已绑定会员“${name}”，如需更换请联系秘书处`);
}
