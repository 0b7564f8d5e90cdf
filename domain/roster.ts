/**
 * The member roster (名册): what a valid member record is, and how a pasted import (admin.members.import)
 * maps onto the members already on file. Pure: the shell loads the members and branches, asks for a
 * plan, and writes it.
 *
 * An import row is matched by phone when it has one, else by name within its branch (or the
 * association directly). Rows are all-or-nothing: one bad row and nothing is written, and every bad
 * row is reported with its 1-based number so the secretary can fix the sheet in one pass.
 */
import type { Member, Position, Tier } from '../typings/models';
import { BRANCH_POSITIONS, POSITION_NAMES, TIER_NAMES } from './glossary';

export const NAME_MAX = 20;
export const BRANCH_NAME_MAX = 20;
export const PROFESSION_MAX = 40;
export const SOCIAL_ROLE_MAX = 40;
export const SOCIAL_ROLES_MAX = 10;
export const IMPORT_ROWS_MAX = 1000;

const TIERS = Object.keys(TIER_NAMES) as Tier[];
const POSITIONS = Object.keys(POSITION_NAMES) as Position[];
const MOBILE = /^1[3-9]\d{9}$/;

/** A row as pasted: every value a string (blank cells may be empty strings). */
export interface RosterRow {
  name: string;
  phone?: string;
  branch?: string;
  tier?: string;
  positions?: string[];
  profession?: string;
  socialRoles?: string[];
}

/** The attributes of a member the roster sets; the branch by name (null: the association directly). */
export interface MemberDraft {
  name: string;
  phone: string | null;
  branchName: string | null;
  tier: Tier | null;
  positions: Position[];
  profession: string | null;
  socialRoles: string[];
}

/** What the plan needs of a member on file. */
export type RosterMember = Pick<Member, '_id' | 'name' | 'branchName' | 'tier' | 'positions' | 'profession' | 'socialRoles'> & {
  phone?: string | null;
};

export interface RowError {
  /** 1-based, as the secretary counts rows in the sheet. */
  row: number;
  message: string;
}

export type PlannedRow = { row: number; draft: MemberDraft } & ({ action: 'create' } | { action: 'update'; memberId: string });

export interface ImportPlan {
  errors: RowError[];
  rows: PlannedRow[];
}

/** '138 0013 8000', '138-0013-8000', '+86 13800138000' → '13800138000'; null when not a mainland mobile. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return MOBILE.test(digits) ? digits : null;
}

export function isTier(value: string): value is Tier {
  return (TIERS as string[]).includes(value);
}

export function isPosition(value: string): value is Position {
  return (POSITIONS as string[]).includes(value);
}

/** The tier of a new member whose row gives none: the political instructor is an official, not a member (SPEC §4). */
export function defaultTier(positions: readonly Position[]): Tier | null {
  return positions.includes('political_instructor') ? null : 'member';
}

/** Problems of a complete member record, in Chinese; empty when it is valid. */
export function draftProblems(draft: MemberDraft): string[] {
  const problems: string[] = [];
  if (draft.name.length === 0) problems.push('请填写姓名');
  if (draft.name.length > NAME_MAX) problems.push(`姓名不能超过 ${NAME_MAX} 个字`);
  if (draft.branchName !== null && draft.branchName.length > BRANCH_NAME_MAX) problems.push(`分会名称不能超过 ${BRANCH_NAME_MAX} 个字`);
  if (draft.profession !== null && draft.profession.length > PROFESSION_MAX) problems.push(`职业不能超过 ${PROFESSION_MAX} 个字`);
  if (draft.socialRoles.length > SOCIAL_ROLES_MAX) problems.push(`社会职务最多 ${SOCIAL_ROLES_MAX} 项`);
  if (draft.socialRoles.some((r) => r.length > SOCIAL_ROLE_MAX)) problems.push(`每项社会职务不能超过 ${SOCIAL_ROLE_MAX} 个字`);
  // 第十三条 4、5: 分会会长、分会领导班子成员 belong to a branch.
  const branchPositions = draft.positions.filter((p) => BRANCH_POSITIONS.includes(p));
  if (branchPositions.length > 0 && draft.branchName === null) {
    problems.push(`${branchPositions.map((p) => POSITION_NAMES[p]).join('、')}须填写所属分会`);
  }
  return problems;
}

interface ParsedRow {
  row: number;
  problems: string[];
  name: string;
  phone: string | null;
  branchName: string | null;
  /** Only the fields the row gives: on an update, the rest stay as on file. */
  given: Partial<Pick<MemberDraft, 'tier' | 'positions' | 'profession' | 'socialRoles'>>;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const cleanList = (values: string[]): string[] => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

function parseRow(raw: RosterRow, row: number): ParsedRow {
  const problems: string[] = [];
  const name = raw.name.trim();
  let phone: string | null = null;
  if (!blank(raw.phone)) {
    phone = normalizePhone(raw.phone!);
    if (phone === null) problems.push(`手机号“${raw.phone!.trim()}”无效，应为 11 位大陆手机号`);
  }
  const given: ParsedRow['given'] = {};
  if (!blank(raw.tier)) {
    const tier = raw.tier!.trim();
    if (isTier(tier)) given.tier = tier;
    else problems.push(`会费档次“${tier}”无效，应为 ${TIERS.map((t) => `${t}（${TIER_NAMES[t]}）`).join('、')}`);
  }
  if (raw.positions !== undefined) {
    const positions = cleanList(raw.positions);
    const unknown = positions.filter((p) => !isPosition(p));
    if (unknown.length > 0) problems.push(`职务“${unknown.join('、')}”无效`);
    given.positions = positions.filter(isPosition);
  }
  if (!blank(raw.profession)) given.profession = raw.profession!.trim();
  if (raw.socialRoles !== undefined) given.socialRoles = cleanList(raw.socialRoles);
  return { row, problems, name, phone, branchName: blank(raw.branch) ? null : raw.branch!.trim(), given };
}

const nameKey = (name: string, branchName: string | null): string => `${branchName ?? ''}\u0000${name}`;

/**
 * Matches every row to a member on file or to a new member, and validates the resulting records.
 * Fields a row leaves blank keep their value on an update; a new member gets tier 'member' (none
 * for the political instructor), no positions and no social roles.
 */
export function planImport(rows: readonly RosterRow[], existing: readonly RosterMember[]): ImportPlan {
  const parsed = rows.map((raw, i) => parseRow(raw, i + 1));

  const byPhone = new Map<string, RosterMember[]>();
  const byName = new Map<string, RosterMember[]>();
  for (const member of existing) {
    if (member.phone) byPhone.set(member.phone, [...(byPhone.get(member.phone) ?? []), member]);
    const key = nameKey(member.name, member.branchName);
    byName.set(key, [...(byName.get(key) ?? []), member]);
  }

  // Within the sheet: a phone twice is one person twice; a name twice in a branch cannot be told apart without phones.
  const firstPhoneRow = new Map<string, number>();
  const nameRows = new Map<string, number[]>();
  for (const p of parsed) {
    if (p.phone) {
      const first = firstPhoneRow.get(p.phone);
      if (first !== undefined) p.problems.push(`与第 ${first} 行手机号相同`);
      else firstPhoneRow.set(p.phone, p.row);
    }
    const key = nameKey(p.name, p.branchName);
    nameRows.set(key, [...(nameRows.get(key) ?? []), p.row]);
  }

  const claimedBy = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const errors: RowError[] = [];
  for (const p of parsed) {
    const key = nameKey(p.name, p.branchName);
    const sameName = nameRows.get(key)!.filter((r) => r !== p.row);
    if (!p.phone && p.name && sameName.length > 0) {
      p.problems.push(`与第 ${sameName.join('、')} 行同一分会同名，请填写手机号以区分`);
    }

    let match: RosterMember | undefined;
    if (p.phone && byPhone.has(p.phone)) {
      const found = byPhone.get(p.phone)!;
      if (found.length > 1) p.problems.push('手机号与多名已有会员相同，请先在会员管理中更正');
      match = found[0];
    } else if (p.name) {
      // Without a phone on file to tell them apart, the name within the branch identifies the member.
      const found = (byName.get(key) ?? []).filter((m) => !p.phone || !m.phone);
      if (found.length > 1) p.problems.push(`已有 ${found.length} 名同分会同名会员，请填写手机号以区分`);
      match = found.length === 1 ? found[0] : undefined;
    }
    if (match) {
      const other = claimedBy.get(match._id);
      if (other !== undefined) p.problems.push(`与第 ${other} 行对应同一名会员`);
      else claimedBy.set(match._id, p.row);
    }

    const draft = match ? mergedDraft(match, p) : newDraft(p);
    const problems = [...p.problems, ...draftProblems(draft)];
    if (problems.length > 0) errors.push({ row: p.row, message: [...new Set(problems)].join('；') });
    else planned.push(match ? { row: p.row, draft, action: 'update', memberId: match._id } : { row: p.row, draft, action: 'create' });
  }
  return errors.length > 0 ? { errors, rows: [] } : { errors: [], rows: planned };
}

function newDraft(p: ParsedRow): MemberDraft {
  const positions = p.given.positions ?? [];
  return {
    name: p.name,
    phone: p.phone,
    branchName: p.branchName,
    tier: p.given.tier ?? defaultTier(positions),
    positions,
    profession: p.given.profession ?? null,
    socialRoles: p.given.socialRoles ?? [],
  };
}

function mergedDraft(member: RosterMember, p: ParsedRow): MemberDraft {
  return {
    name: p.name,
    phone: p.phone ?? member.phone ?? null,
    branchName: p.branchName,
    tier: p.given.tier ?? member.tier,
    positions: p.given.positions ?? member.positions,
    profession: p.given.profession ?? member.profession,
    socialRoles: p.given.socialRoles ?? member.socialRoles,
  };
}
