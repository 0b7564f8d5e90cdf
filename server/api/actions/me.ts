/**
 * me.get and me.bind: who the caller is, and the first-run binding with an invite code.
 */
import { z } from 'zod';
import type { Role } from '../../../typings/models';
import { authorityLimit, rolesOf } from '../../../domain/authority';
import { DomainError } from '../../../domain/errors';
import { defineAction } from '../action';
import { noPayload } from '../validation';
import { countInbox } from '../../data/claims';
import { bindMember } from '../../data/binding';
import { toMember } from '../../data/members';

export const meGet = defineAction('me.get', {
  schema: noPayload,
  access: 'anyone',
  writes: false,
  async handle(ctx) {
    const member = await ctx.member();
    const roles: Role[] = member ? rolesOf(member) : [];
    if (!roles.includes('secretariat') && (await ctx.isSecretariat())) roles.push('secretariat');
    if (!member) return { member: null, roles, authority: 0, inboxCount: 0 };
    const scheme = await ctx.scheme();
    return {
      member: toMember(member),
      roles,
      authority: authorityLimit(member, scheme),
      inboxCount: member.status === 'active' ? await countInbox(member._id) : 0,
    };
  },
});

export const meBind = defineAction('me.bind', {
  schema: z.object({ inviteCode: z.string().trim().regex(/^[A-Z0-9]{6,12}$/i, '邀请码为 6–12 位字母或数字') }).strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, { inviteCode }) {
    if (!ctx.openid) throw new DomainError('NOT_BOUND', '无法识别您的微信身份，请在小程序内打开');
    const member = await bindMember(ctx, inviteCode.toUpperCase());
    return { member: toMember(member) };
  },
});
