/**
 * members.list: the member directory behind the attendance picker, the recipients of an award and
 * the secretariat's member administration. Leaders see members; the secretariat also sees invite
 * codes and who has bound a WeChat account.
 */
import { z } from 'zod';
import type { Branch } from '../../../typings/models';
import type { DirectoryMember } from '../../../typings/api';
import { authorityLimit } from '../../../domain/authority';
import { DomainError } from '../../../domain/errors';
import { defineAction } from '../action';
import { cursor, id } from '../validation';
import { database } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { decodeCursor, nextCursor } from '../../data/claims';
import { toMember, type StoredMember } from '../../data/members';

const DIRECTORY_PAGE = 50;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const membersList = defineAction('members.list', {
  schema: z
    .object({
      search: z.string().trim().max(20).optional(),
      branchId: id.optional(),
      status: z.enum(['active', 'left']).optional(),
      cursor,
    })
    .strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const secretariat = await ctx.isSecretariat();
    if (!secretariat) {
      const member = await ctx.requireMember();
      if (authorityLimit(member, await ctx.scheme()) === 0) throw new DomainError('FORBIDDEN', '只有领导小组成员和秘书处可以查看会员名录');
    }
    const db = database();
    const where: Record<string, unknown> = { status: payload.status ?? 'active' };
    if (payload.branchId) where.branchId = payload.branchId;
    if (payload.search) where.name = db.RegExp({ regexp: escapeRegExp(payload.search), options: 'i' });
    const offset = decodeCursor(payload.cursor);
    const [{ data }, { data: branches }] = await Promise.all([
      db.collection(COLLECTIONS.members).where(where).orderBy('name', 'asc').skip(offset).limit(DIRECTORY_PAGE).get(),
      db.collection(COLLECTIONS.branches).orderBy('name', 'asc').limit(1000).get(),
    ]);
    const members: DirectoryMember[] = (data as StoredMember[]).map((stored) =>
      secretariat ? { ...toMember(stored), inviteCode: stored.inviteCode, bound: stored.openid !== null } : toMember(stored),
    );
    return { members, branches: branches as Branch[], cursor: nextCursor(offset, members, DIRECTORY_PAGE) };
  },
});
