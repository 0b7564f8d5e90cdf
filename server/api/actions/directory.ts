/**
 * members.list: the member directory behind the attendance picker, the recipients of an award and
 * the secretariat's member administration.
 *
 * Who sees whom (docs/rules.md P1): the secretariat sees everyone, with phones, invite codes and who
 * has bound a WeChat account; association leaders see every branch's members, branch leaders their
 * own branch's (names, positions, standing), never phones.
 */
import { z } from 'zod';
import type { Branch } from '../../../typings/models';
import type { DirectoryMember } from '../../../typings/api';
import { authorityLimit } from '../../../domain/authority';
import { DomainError } from '../../../domain/errors';
import { isAssociationLeader } from '../../../domain/routing';
import { defineAction } from '../action';
import { cursor, id } from '../validation';
import { database } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { decodeCursor, nextCursor } from '../../data/claims';
import { toMember, withPhone, type StoredMember } from '../../data/members';

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
    let branchId = payload.branchId;
    if (!secretariat) {
      const member = await ctx.requireMember();
      const scheme = await ctx.scheme();
      if (authorityLimit(member, scheme) === 0) throw new DomainError('FORBIDDEN', '只有领导小组成员和秘书处可以查看会员名录');
      if (!isAssociationLeader(member, scheme)) {
        // A branch leader's directory is their branch.
        if (branchId !== undefined && branchId !== member.branchId) {
          throw new DomainError('FORBIDDEN', `分会领导只能查看本分会（${member.branchName ?? ''}）的会员`);
        }
        branchId = member.branchId ?? undefined;
      }
    }
    const db = database();
    const where: Record<string, unknown> = { status: payload.status ?? 'active' };
    if (branchId) where.branchId = branchId;
    if (payload.search) where.name = db.RegExp({ regexp: escapeRegExp(payload.search), options: 'i' });
    const offset = decodeCursor(payload.cursor);
    const [{ data }, { data: branches }] = await Promise.all([
      db.collection(COLLECTIONS.members).where(where).orderBy('name', 'asc').skip(offset).limit(DIRECTORY_PAGE).get(),
      db.collection(COLLECTIONS.branches).orderBy('name', 'asc').limit(1000).get(),
    ]);
    const members: DirectoryMember[] = (data as StoredMember[]).map((stored) =>
      secretariat ? { ...withPhone(stored), inviteCode: stored.inviteCode, bound: stored.openid !== null } : toMember(stored),
    );
    return { members, branches: branches as Branch[], cursor: nextCursor(offset, members, DIRECTORY_PAGE) };
  },
});
