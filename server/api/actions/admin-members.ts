/**
 * 秘书处 edits one member (admin.members.update): attributes, status (第十七条), the secretariat mark,
 * and resetting the WeChat binding.
 *
 * One transaction writes the member, their tallies (so the boards follow a change of branch, tier,
 * profession, social roles or status at once, 第十六、十七条), their roster key and binding record,
 * and what the change does to pending claims (member-changes.ts): claims waiting for a role the
 * member held or now holds are routed again, and a member who left has their own pending claims
 * closed and their lines in batches excluded.
 */
import { z } from 'zod';
import type { MemberPatch } from '../../../typings/api';
import type { Branch } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { rosterTerms, type Scheme } from '../../../domain/scheme';
import {
  BRANCH_NAME_MAX,
  draftProblems,
  NAME_MAX,
  normalizePhone,
  PROFESSION_MAX,
  SOCIAL_ROLE_MAX,
  SOCIAL_ROLES_MAX,
  type MemberDraft,
} from '../../../domain/roster';
import { defineAction } from '../action';
import { id } from '../validation';
import { database, type Tx } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { releaseBinding } from '../../data/binding';
import { BranchResolver, loadBranches, newBranchId } from '../../data/branches';
import { issueInviteCodes } from '../../data/invites';
import { refreshTallies } from '../../data/ledger';
import { PendingClaimsPlan, type ClaimChange } from '../../data/member-changes';
import { findMember, withPhone, type StoredMember } from '../../data/members';
import { attributesOf, keyHolder, readMember, rosterKeyOf, writeMember } from '../../data/roster';
import { notifyReviewers } from '../../notify';

/** A category or role of the template, by id; whether the template has it is the roster's rule. */
const templateId = z.string().trim().regex(/^[a-z][a-z0-9_]*$/, '应为方案中的代码').max(40, '过长');

const phoneField = z
  .string()
  .refine((v) => normalizePhone(v) !== null, '应为 11 位大陆手机号')
  .transform((v) => normalizePhone(v)!);

const patchSchema = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(NAME_MAX, `姓名不能超过 ${NAME_MAX} 个字`).optional(),
    phone: phoneField.nullable().optional(),
    branch: z.string().trim().min(1, '不能为空').max(BRANCH_NAME_MAX, '过长').nullable().optional(),
    category: templateId.nullable().optional(),
    roles: z.array(templateId).max(20, '最多 20 项').optional(),
    tier: templateId.nullable().optional(),
    positions: z.array(templateId).max(20, '最多 20 项').optional(),
    profession: z
      .string()
      .trim()
      .max(PROFESSION_MAX, `职业不能超过 ${PROFESSION_MAX} 个字`)
      .nullable()
      .optional()
      .transform((v) => (v === '' ? null : v)),
    socialRoles: z
      .array(z.string().trim().min(1, '社会职务不能为空').max(SOCIAL_ROLE_MAX, '社会职务过长'))
      .max(SOCIAL_ROLES_MAX, `社会职务最多 ${SOCIAL_ROLES_MAX} 项`)
      .optional(),
    status: z.enum(['active', 'left']).optional(),
    secretariat: z.boolean().optional(),
    resetBinding: z.literal(true).optional(),
    resetHolder: z.string().trim().min(1, '请填写户内成员姓名').max(NAME_MAX, '过长').optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), '请至少修改一项');

export const adminMembersUpdate = defineAction('admin.members.update', {
  schema: z.object({ memberId: id, patch: patchSchema as z.ZodType<MemberPatch> }).strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, { memberId, patch }) {
    const scheme = await ctx.scheme();
    if (patch.phone) await assertPhoneFree(patch.phone, memberId);
    const branches = patch.branch !== undefined ? await loadBranches() : [];
    const inviteCode = patch.resetBinding ? (await issueInviteCodes(1))[0] : undefined;
    const before = await findMember(memberId);
    if (!before) throw new DomainError('NOT_FOUND', '会员不存在');
    const holderCode = assertResetFits(before, patch) ? (await issueInviteCodes(1))[0] : undefined;
    const planned = patched({ ...before, _id: memberId }, patch, plannedBranch(before, patch, branches), scheme);
    const pending = await PendingClaimsPlan.plan([{ before: { ...before, _id: memberId }, after: planned }], scheme, await ctx.secretariatActor());

    // What the change did to pending claims, from the attempt that committed (the answer stays `{ member, inviteCode }`).
    let rerouted: ClaimChange[] = [];
    const data = await ctx.transact(async (tx) => {
      const stored = await readMember(tx, memberId, 'NOT_FOUND');
      // The pending claims were found for the member as read above; a change in between is someone else's edit.
      if (stored.updatedAt !== before.updatedAt) throw new DomainError('CONFLICT', '会员信息刚被他人修改，请刷新后重试');
      const branch = patch.branch === undefined ? currentBranch(stored) : await new BranchResolver(branches).resolve(tx, draftOf(stored, patch).branchName);
      const member = patched(stored, patch, branch, scheme);
      member.updatedAt = ctx.now.toISOString();
      if (inviteCode) {
        // Rebinding is an administrator's reset (SPEC §5 me.bind): the old account and code stop working.
        if (stored.openid) await releaseBinding(tx, stored.openid);
        member.openid = null;
        member.inviteCode = inviteCode;
      }
      if (holderCode) Object.assign(member, await resetHolder(tx, member, patch.resetHolder!, holderCode));
      if (rosterKeyOf(member) !== rosterKeyOf(stored)) {
        const holder = await keyHolder(tx, rosterKeyOf(member));
        if (holder && holder._id !== memberId && member.phone) throw new DomainError('INVALID_INPUT', `手机号已被会员“${holder.name}”使用`);
      }
      await writeMember(tx, member);
      await refreshTallies(tx, member, scheme);
      rerouted = await pending.apply(tx, member.updatedAt!);
      return { member: withPhone(member), inviteCode: holderCode ?? member.inviteCode };
    });
    for (const { claim, newReviewers } of rerouted) await notifyReviewers(claim, newReviewers);
    return data;
  },
});

function currentBranch(stored: StoredMember): Branch | null {
  return stored.branchId === null ? null : { _id: stored.branchId, name: stored.branchName ?? '' };
}

/** The branch the patch will put the member in, as resolved before the transaction. */
function plannedBranch(stored: StoredMember, patch: MemberPatch, branches: readonly Branch[]): Branch | null {
  if (patch.branch === undefined) return currentBranch(stored);
  if (patch.branch === null) return null;
  return branches.find((b) => b.name === patch.branch) ?? { _id: newBranchId(patch.branch), name: patch.branch };
}

function patched(stored: StoredMember, patch: MemberPatch, branch: Branch | null, scheme: Scheme): StoredMember {
  const draft = draftOf(stored, patch);
  const problems = [...unknownIds(draft, scheme), ...draftProblems(draft, scheme.organisation, rosterTerms(scheme))];
  if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('；'));
  return {
    ...stored,
    ...attributesOf(draft, branch),
    status: patch.status ?? stored.status,
    secretariat: patch.secretariat ?? Boolean(stored.secretariat),
  };
}

function draftOf(stored: StoredMember, patch: MemberPatch): MemberDraft {
  return {
    name: patch.name ?? stored.name,
    phone: patch.phone === undefined ? (stored.phone ?? null) : patch.phone,
    branchName: patch.branch === undefined ? stored.branchName : patch.branch,
    category: (patch.category ?? patch.tier) === undefined ? stored.category : (patch.category ?? patch.tier)!,
    roles: (patch.roles ?? patch.positions) ? [...new Set(patch.roles ?? patch.positions)] : stored.roles,
    profession: patch.profession === undefined ? stored.profession : patch.profession,
    socialRoles: patch.socialRoles ? [...new Set(patch.socialRoles)] : stored.socialRoles,
  };
}

/** Categories and roles the template does not have, named in the template's words. */
function unknownIds(draft: MemberDraft, scheme: Scheme): string[] {
  const { categories, roles } = scheme.organisation;
  const problems: string[] = [];
  if (draft.category !== null && !categories.some((c) => c.id === draft.category)) {
    problems.push(`${scheme.words.category}“${draft.category}”无效，应为 ${categories.map((c) => `${c.id}（${c.name}）`).join('、')}`);
  }
  const unknown = draft.roles.filter((id) => !roles.some((r) => r.id === id));
  if (unknown.length > 0) problems.push(`职务“${unknown.join('、')}”无效`);
  return problems;
}

/**
 * Whether the patch resets one person of a household (H20). A household's accounts are its people's:
 * resetting the household as a whole is refused (which person is meant?), and so is naming a person
 * on a one-person account or one the household does not have.
 */
function assertResetFits(member: StoredMember, patch: MemberPatch): boolean {
  const household = member.kind === 'household';
  if (household && patch.resetBinding) throw new DomainError('INVALID_INPUT', `“${member.name}”的绑定按户内成员重置，请选择要重置哪一位`);
  if (patch.resetHolder === undefined) return false;
  if (!household) throw new DomainError('INVALID_INPUT', `“${member.name}”不是户，请直接重置其绑定`);
  const named = (member.holders ?? []).filter((h) => h.name === patch.resetHolder).length;
  if (named === 0) throw new DomainError('INVALID_INPUT', `“${member.name}”没有名为“${patch.resetHolder}”的成员`);
  // Two people of one name are told apart by phone only (H4), which the page does not send: the sheet renames one.
  if (named > 1) throw new DomainError('INVALID_INPUT', `“${member.name}”有 ${named} 位“${patch.resetHolder}”，请先在名单中区分姓名`);
  return true;
}

/** Inside `tx`: frees the named person's WeChat and gives them `code`; the household's other people stay bound. */
async function resetHolder(tx: Tx, household: StoredMember, name: string, code: string): Promise<Pick<StoredMember, 'holders' | 'holderCodes'>> {
  const holders = (household.holders ?? []).map((h) => (h.name === name ? { ...h, openid: null, inviteCode: code } : h));
  for (const h of household.holders ?? []) if (h.name === name && h.openid) await releaseBinding(tx, h.openid);
  return { holders, holderCodes: holders.map((h) => h.inviteCode) };
}

async function assertPhoneFree(phone: string, memberId: string): Promise<void> {
  const { data } = await database().collection(COLLECTIONS.members).where({ phone }).limit(2).get();
  const other = (data as StoredMember[]).find((m) => m._id !== memberId);
  if (other) throw new DomainError('INVALID_INPUT', `手机号已被会员“${other.name}”使用`);
}
