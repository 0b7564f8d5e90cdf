/**
 * Binding a WeChat account to a member with the invite code the secretariat shared (me.bind).
 * One account per member and one member per account; rebinding is an administrator's reset.
 */
import { DomainError } from '../../domain/errors';
import { database, getOrNull } from '../cloud';
import type { RequestContext } from '../api/context';
import { COLLECTIONS } from './collections';
import { refreshTallies } from './ledger';
import { findMemberByOpenid, type StoredMember } from './members';

export async function bindMember(ctx: RequestContext, inviteCode: string): Promise<StoredMember> {
  const openid = ctx.openid!;
  const { data } = await database().collection(COLLECTIONS.members).where({ inviteCode }).limit(2).get();
  const target = data[0] as StoredMember | undefined;
  if (!target) throw new DomainError('NOT_FOUND', '邀请码无效，请向秘书处确认');
  const already = await findMemberByOpenid(openid);
  if (already && already._id !== target._id) {
    throw new DomainError('CONFLICT', `您的微信已绑定会员“${already.name}”，如需更换请联系秘书处`);
  }
  const scheme = await ctx.scheme();
  return ctx.transact(async (tx) => {
    const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(target._id));
    if (!member || member.inviteCode !== inviteCode) throw new DomainError('NOT_FOUND', '邀请码无效，请向秘书处确认');
    if (member.status !== 'active') throw new DomainError('FORBIDDEN', '该会员已退出，邀请码不再有效');
    if (member.openid === openid) return { ...member, _id: target._id };
    if (member.openid) throw new DomainError('CONFLICT', '该邀请码已被其他微信绑定，如需更换请联系秘书处');
    const bound: StoredMember = { ...member, _id: target._id, openid, updatedAt: ctx.now.toISOString() };
    await tx.collection(COLLECTIONS.members).doc(target._id).update({ data: { openid, updatedAt: bound.updatedAt } });
    await refreshTallies(tx, bound, scheme);
    return bound;
  });
}
