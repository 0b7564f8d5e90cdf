/**
 * members.list: the member directory behind the attendance picker, the recipients of an award and
 * the secretariat's member administration.
 *
 * Who sees whom (docs/rules.md P1): the secretariat sees everyone, with phones, invite codes and who
 * has bound a WeChat account; association leaders see every branch's members, branch leaders their
 * own branch's (names, positions, standing), never phones. Whoever may read others' 明细 (L1: 荆门's
 * 政治指导员, 常州's 机关党委委员, 支部书记, 支委委员) lists the members whose 明细 they may read.
 */
import { z } from 'zod';
import type { DirectoryMember } from '../../../typings/api';
import { authorityLimit } from '../../../domain/authority';
import { DomainError } from '../../../domain/errors';
import { schemeTerms } from '../../../domain/glossary';
import { holdsRight } from '../../../domain/organisation';
import { ledgerReach } from '../../../domain/reach';
import { defineAction } from '../action';
import { cursor, id } from '../validation';
import { database } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { branchesByName } from '../../data/branches';
import { decodeCursor, nextCursor } from '../../data/claims';
import { toMember, withPhone, type StoredMember } from '../../data/members';

const DIRECTORY_PAGE = 50;
/** A roster (奖分's attendance by unit) asks for bigger pages: a 40-person meeting is one call. */
const ROSTER_PAGE = 200;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const membersList = defineAction('members.list', {
  schema: z
    .object({
      search: z.string().trim().max(20).optional(),
      branchId: id.optional(),
      status: z.enum(['active', 'left']).optional(),
      limit: z.number().int().min(1).max(ROSTER_PAGE).optional(),
      cursor,
    })
    .strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const secretariat = await ctx.isSecretariat();
    const scheme = await ctx.scheme();
    let branchId = payload.branchId;
    /** A unit's leaders and readers list their unit only: the answer says which, for the roster to offer no other. */
    let confinedTo: string | undefined;
    if (!secretariat) {
      const member = await ctx.requireMember();
      const { words } = schemeTerms(scheme);
      // Leaders award and recorders record (seeds/002 记分员): both pick people from the directory;
      // readers of others' 明细 (L1) open a member's from it.
      const records = holdsRight(member, 'record', scheme.organisation);
      const reach = ledgerReach(member, scheme);
      if (authorityLimit(member, scheme) === 0 && !records && reach === null) {
        throw new DomainError('FORBIDDEN', `只有领导小组成员和秘书处可以查看${words.member}名录`);
      }
      // Association leaders read everyone's (their reach is 'all'); anyone else here has one unit's.
      if (reach !== 'all') {
        // A unit's leader or recorder has their unit's directory.
        if (branchId !== undefined && branchId !== member.branchId) {
          throw new DomainError('FORBIDDEN', `${words.unit}领导只能查看本${words.unit}（${member.branchName ?? ''}）的${words.member}`);
        }
        branchId = member.branchId ?? undefined;
        confinedTo = branchId;
      }
    }
    const db = database();
    const where: Record<string, unknown> = { status: payload.status ?? 'active' };
    if (branchId) where.branchId = branchId;
    // A household is found by its name or by any of its people's (李秀英 finds 张建国户, H22).
    const search = payload.search ? db.RegExp({ regexp: escapeRegExp(payload.search), options: 'i' }) : null;
    const query = search ? db.command.or([{ ...where, name: search }, { ...where, 'holders.name': search }]) : where;
    const offset = decodeCursor(payload.cursor);
    const pageSize = payload.limit ?? DIRECTORY_PAGE;
    const [{ data }, branches] = await Promise.all([
      db.collection(COLLECTIONS.members).where(query as object).orderBy('name', 'asc').skip(offset).limit(pageSize).get(),
      branchesByName(),
    ]);
    const members: DirectoryMember[] = (data as StoredMember[]).map((stored) => (secretariat ? forSecretariat(stored) : toMember(stored)));
    return {
      members,
      branches,
      cursor: nextCursor(offset, members, pageSize),
      terms: schemeTerms(scheme),
      ...(confinedTo ? { unitId: confinedTo } : {}),
    };
  },
});

/**
 * The secretariat's entry: phone, invite code and binding. A household binds through its people (H9),
 * so its entry carries each person's code and is bound while any of them is; its own code is never shown.
 */
function forSecretariat(stored: StoredMember): DirectoryMember {
  if (stored.kind !== 'household') return { ...withPhone(stored), inviteCode: stored.inviteCode, bound: stored.openid !== null };
  const holders = (stored.holders ?? []).map((h) => ({ name: h.name, bound: h.openid !== null, inviteCode: h.inviteCode }));
  return { ...withPhone(stored), holders, bound: holders.some((h) => h.bound) };
}
