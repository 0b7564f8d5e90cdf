/**
 * The roster, for the secretariat (秘书处): importing a pasted sheet of members and editing one member.
 *
 * Both write in one transaction with the member's tallies (refreshTallies), so the boards follow a
 * change of branch, tier, profession, social roles or status at once (第十六、十七条).
 */
import { randomBytes } from 'crypto';
import { z } from 'zod';
import type { ImportRow, MemberPatch } from '../../../typings/api';
import type { Branch, Position, Tier } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { POSITION_NAMES, TIER_NAMES } from '../../../domain/glossary';
import {
  BRANCH_NAME_MAX,
  draftProblems,
  IMPORT_ROWS_MAX,
  NAME_MAX,
  normalizePhone,
  planImport,
  PROFESSION_MAX,
  SOCIAL_ROLE_MAX,
  SOCIAL_ROLES_MAX,
  type MemberDraft,
  type RosterRow,
} from '../../../domain/roster';
import { defineAction } from '../action';
import { Replay, type RequestContext, type StoredRequest } from '../context';
import { id } from '../validation';
import { database, getOrNull, type Tx } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { BranchResolver, loadBranches } from '../../data/branches';
import { issueInviteCodes } from '../../data/invites';
import { refreshTallies, withoutId } from '../../data/ledger';
import { readAll, toMember, type StoredMember } from '../../data/members';

const TIERS = Object.keys(TIER_NAMES) as [Tier, ...Tier[]];
const POSITIONS = Object.keys(POSITION_NAMES) as [Position, ...Position[]];
const cell = z.string().max(200, '过长');

/**
 * A pasted row: only the types are checked here; the values (tier and position names, phone format,
 * lengths) are the roster's rules, reported per row (domain/roster.ts).
 */
const importRow = z
  .object({
    name: cell,
    phone: cell.optional(),
    branch: cell.optional(),
    tier: cell.optional(),
    positions: z.array(cell).max(10, '过多').optional(),
    profession: cell.optional(),
    socialRoles: z.array(cell).max(20, '过多').optional(),
  })
  .strict();

const importSchema = z
  .object({ rows: z.array(importRow).min(1, '请至少导入一行').max(IMPORT_ROWS_MAX, `一次最多导入 ${IMPORT_ROWS_MAX} 行`) })
  .strict() as unknown as z.ZodType<{ rows: ImportRow[] }>;

export const adminMembersImport = defineAction('admin.members.import', {
  schema: importSchema,
  access: 'secretariat',
  writes: true,
  async handle(ctx, payload) {
    const rows = payload.rows as RosterRow[];
    // A retry is planned against the members its first attempt created: answer it before planning.
    await replayIfDone(ctx);
    const scheme = await ctx.scheme();
    const existing = await candidatesFor(rows);
    const plan = planImport(rows, existing);
    if (plan.errors.length > 0) return { created: 0, updated: 0, errors: plan.errors, members: [] };

    const branches = await loadBranches();
    const creates = plan.rows.filter((r) => r.action === 'create');
    const codes = await issueInviteCodes(creates.length);
    const at = ctx.now.toISOString();

    return ctx.transact(async (tx) => {
      const resolver = new BranchResolver(branches);
      const members: { memberId: string; name: string; inviteCode: string }[] = [];
      let created = 0;
      let updated = 0;
      for (const row of plan.rows) {
        const branch = await resolver.resolve(tx, row.draft.branchName);
        if (row.action === 'create') {
          const member = newMember(row.draft, branch, codes[created++], at);
          await tx.collection(COLLECTIONS.members).doc(member._id).set({ data: withoutId(member) });
          members.push({ memberId: member._id, name: member.name, inviteCode: member.inviteCode });
        } else {
          const stored = await readMember(tx, row.memberId, 'CONFLICT');
          const member: StoredMember = { ...stored, ...attributesOf(row.draft, branch) };
          // Re-importing the same sheet is common: only what changed is written.
          if (!sameAttributes(stored, member)) {
            member.updatedAt = at;
            await tx.collection(COLLECTIONS.members).doc(member._id).set({ data: withoutId(member) });
            await refreshTallies(tx, member, scheme);
            updated++;
          }
          members.push({ memberId: member._id, name: member.name, inviteCode: member.inviteCode });
        }
      }
      return { created, updated, errors: [], members };
    });
  },
});

async function replayIfDone(ctx: RequestContext): Promise<void> {
  if (!ctx.requestKey) return;
  const done = await getOrNull<StoredRequest>(database().collection(COLLECTIONS.requests).doc(ctx.requestKey));
  if (done) throw new Replay(done.result);
}

/** Members on file the rows could match: by phone, and by name. Reads ⌈rows / 500⌉ × 2 pages or so. */
async function candidatesFor(rows: readonly RosterRow[]): Promise<StoredMember[]> {
  const db = database();
  const _ = db.command;
  const phones = [...new Set(rows.map((r) => (r.phone ? normalizePhone(r.phone) : null)).filter((p): p is string => p !== null))];
  const names = [...new Set(rows.map((r) => r.name.trim()).filter(Boolean))];
  const found = new Map<string, StoredMember>();
  for (const [field, values] of [['phone', phones], ['name', names]] as const) {
    for (let i = 0; i < values.length; i += 500) {
      const query = db.collection(COLLECTIONS.members).where({ [field]: _.in(values.slice(i, i + 500)) });
      for (const member of await readAll<StoredMember>(query)) found.set(member._id, member);
    }
  }
  return [...found.values()];
}

function attributesOf(draft: MemberDraft, branch: Branch | null) {
  return {
    name: draft.name,
    phone: draft.phone,
    branchId: branch?._id ?? null,
    branchName: branch?.name ?? null,
    tier: draft.tier,
    positions: draft.positions,
    profession: draft.profession,
    socialRoles: draft.socialRoles,
  };
}

function sameAttributes(a: StoredMember, b: StoredMember): boolean {
  const keys = ['name', 'phone', 'branchId', 'branchName', 'tier', 'positions', 'profession', 'socialRoles'] as const;
  return keys.every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));
}

function newMember(draft: MemberDraft, branch: Branch | null, inviteCode: string, at: string): StoredMember {
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

async function readMember(tx: Tx, memberId: string, missing: 'NOT_FOUND' | 'CONFLICT'): Promise<StoredMember> {
  const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(memberId));
  if (!member) throw new DomainError(missing, missing === 'NOT_FOUND' ? '会员不存在' : '会员名册已被他人修改，请重新导入');
  return { ...member, _id: memberId };
}

const phoneField = z
  .string()
  .refine((v) => normalizePhone(v) !== null, '手机号应为 11 位大陆手机号')
  .transform((v) => normalizePhone(v)!);

const patchSchema = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(NAME_MAX, `姓名不能超过 ${NAME_MAX} 个字`).optional(),
    phone: phoneField.nullable().optional(),
    branch: z.string().trim().min(1, '分会名称不能为空').max(BRANCH_NAME_MAX, '分会名称过长').nullable().optional(),
    tier: z.enum(TIERS).nullable().optional(),
    positions: z.array(z.enum(POSITIONS)).max(POSITIONS.length).optional(),
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

    return ctx.transact(async (tx) => {
      const stored = await readMember(tx, memberId, 'NOT_FOUND');
      const draft = patchedDraft(stored, patch);
      const problems = draftProblems(draft);
      if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('；'));
      const branch =
        patch.branch === undefined
          ? stored.branchId === null
            ? null
            : { _id: stored.branchId, name: stored.branchName ?? '' }
          : await new BranchResolver(branches).resolve(tx, draft.branchName);
      const member: StoredMember = {
        ...stored,
        ...attributesOf(draft, branch),
        status: patch.status ?? stored.status,
        secretariat: patch.secretariat ?? Boolean(stored.secretariat),
        updatedAt: ctx.now.toISOString(),
      };
      if (inviteCode) {
        // Rebinding is an administrator's reset (SPEC §5 me.bind): the old account and code stop working.
        member.openid = null;
        member.inviteCode = inviteCode;
      }
      await tx.collection(COLLECTIONS.members).doc(memberId).set({ data: withoutId(member) });
      await refreshTallies(tx, member, scheme);
      return { member: toMember(member), inviteCode: member.inviteCode };
    });
  },
});

function patchedDraft(stored: StoredMember, patch: MemberPatch): MemberDraft {
  return {
    name: patch.name ?? stored.name,
    phone: patch.phone === undefined ? (stored.phone ?? null) : patch.phone,
    branchName: patch.branch === undefined ? stored.branchName : patch.branch,
    tier: patch.tier === undefined ? stored.tier : patch.tier,
    positions: patch.positions ? [...new Set(patch.positions)] : stored.positions,
    profession: patch.profession === undefined ? stored.profession : patch.profession,
    socialRoles: patch.socialRoles ? [...new Set(patch.socialRoles)] : stored.socialRoles,
  };
}

async function assertPhoneFree(phone: string, memberId: string): Promise<void> {
  const { data } = await database().collection(COLLECTIONS.members).where({ phone }).limit(2).get();
  const other = (data as StoredMember[]).find((m) => m._id !== memberId);
  if (other) throw new DomainError('INVALID_INPUT', `手机号已被会员“${other.name}”使用`);
}
