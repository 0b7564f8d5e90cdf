/**
 * The member roster (名册): what a valid member record is, and how a pasted import (admin.members.import)
 * maps onto the members already on file. Pure: the shell loads the members and branches, asks for a
 * plan, and writes it.
 *
 * An import row is matched by phone when it has one, else by name within its branch (or the
 * association directly). Rows are all-or-nothing: one bad row and nothing is written, and every bad
 * row is reported with its 1-based number so the secretary can fix the sheet in one pass.
 */
import type { MemberRecord } from '../typings/models';
import type { OrganisationDef } from './organisation';

export const NAME_MAX = 20;
export const BRANCH_NAME_MAX = 20;
export const PROFESSION_MAX = 40;
export const SOCIAL_ROLE_MAX = 40;
export const SOCIAL_ROLES_MAX = 10;
export const IMPORT_ROWS_MAX = 1000;

const MOBILE = /^1[3-9]\d{9}$/;

/** A row as pasted: every value a string (blank cells may be empty strings); roles and category by id. */
export interface RosterRow {
  name: string;
  phone?: string;
  branch?: string;
  category?: string;
  roles?: string[];
  profession?: string;
  socialRoles?: string[];
}

/** The attributes of a member the roster sets; the unit by name (null: the root directly). */
export interface MemberDraft {
  name: string;
  phone: string | null;
  branchName: string | null;
  category: string | null;
  roles: string[];
  profession: string | null;
  socialRoles: string[];
}

/** What the plan needs of a member on file. */
export type RosterMember = Pick<MemberRecord, '_id' | 'name' | 'branchName' | 'category' | 'roles' | 'profession' | 'socialRoles'> & {
  phone?: string | null;
};

/** The words of the roster's messages: the template's unit (分会, 支部), category (会费档次) and member (会员, 党员). */
export interface RosterTerms {
  unit: string;
  category: string;
  member: string;
}

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

/**
 * The category of a new member whose row gives none: the template's default, or none for an official
 * who is not a member (荆门's political instructor, SPEC §4). Where the accounts are households
 * (seeds/004 第三篇 以户为单位), a person's own row is never an account: the 文书 who keeps the roster
 * has no 积分台账, like the 评定小组 (docs/rules.md H11, H23).
 */
export function defaultCategory(roles: readonly string[], organisation: OrganisationDef): string | null {
  const official = roles.some((id) => organisation.roles.find((r) => r.id === id)?.official);
  return official || organisation.households ? null : organisation.defaultCategory;
}

/** Problems of a complete member record, in Chinese; empty when it is valid. */
export function draftProblems(draft: MemberDraft, organisation: OrganisationDef, terms: RosterTerms): string[] {
  const problems: string[] = [];
  if (draft.name.length === 0) problems.push('请填写姓名');
  if (draft.name.length > NAME_MAX) problems.push(`姓名不能超过 ${NAME_MAX} 个字`);
  if (draft.branchName !== null && draft.branchName.length > BRANCH_NAME_MAX) problems.push(`${terms.unit}名称不能超过 ${BRANCH_NAME_MAX} 个字`);
  if (draft.profession !== null && draft.profession.length > PROFESSION_MAX) problems.push(`职业不能超过 ${PROFESSION_MAX} 个字`);
  if (draft.socialRoles.length > SOCIAL_ROLES_MAX) problems.push(`社会职务最多 ${SOCIAL_ROLES_MAX} 项`);
  if (draft.socialRoles.some((r) => r.length > SOCIAL_ROLE_MAX)) problems.push(`每项社会职务不能超过 ${SOCIAL_ROLE_MAX} 个字`);
  // Roles held at a unit (第十三条 4、5: 分会会长、分会领导班子成员) need one.
  const unitRoles = organisation.roles.filter((r) => r.at === 'unit' && draft.roles.includes(r.id));
  if (unitRoles.length > 0 && draft.branchName === null) {
    problems.push(`${unitRoles.map((r) => r.name).join('、')}须填写所属${terms.unit}`);
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
  given: Partial<Pick<MemberDraft, 'category' | 'roles' | 'profession' | 'socialRoles'>>;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const cleanList = (values: string[]): string[] => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

function parseRow(raw: RosterRow, row: number, organisation: OrganisationDef, terms: RosterTerms): ParsedRow {
  const problems: string[] = [];
  const name = raw.name.trim();
  let phone: string | null = null;
  if (!blank(raw.phone)) {
    phone = normalizePhone(raw.phone!);
    if (phone === null) problems.push(`手机号“${raw.phone!.trim()}”无效，应为 11 位大陆手机号`);
  }
  const given: ParsedRow['given'] = {};
  if (!blank(raw.category)) {
    const category = raw.category!.trim();
    if (organisation.categories.some((c) => c.id === category)) given.category = category;
    else problems.push(`${terms.category}“${category}”无效，应为 ${organisation.categories.map((c) => `${c.id}（${c.name}）`).join('、')}`);
  }
  if (raw.roles !== undefined) {
    const roles = cleanList(raw.roles);
    const known = (id: string) => organisation.roles.some((r) => r.id === id);
    const unknown = roles.filter((id) => !known(id));
    if (unknown.length > 0) problems.push(`职务“${unknown.join('、')}”无效`);
    given.roles = roles.filter(known);
  }
  if (!blank(raw.profession)) given.profession = raw.profession!.trim();
  if (raw.socialRoles !== undefined) given.socialRoles = cleanList(raw.socialRoles);
  return { row, problems, name, phone, branchName: blank(raw.branch) ? null : raw.branch!.trim(), given };
}

const nameKey = (name: string, branchName: string | null): string => `${branchName ?? ''}\u0000${name}`;

/**
 * Matches every row to a member on file or to a new member, and validates the resulting records.
 * Fields a row leaves blank keep their value on an update; a new member gets the template's default
 * category (none for an official), no roles and no social roles.
 */
export function planImport(rows: readonly RosterRow[], existing: readonly RosterMember[], organisation: OrganisationDef, terms: RosterTerms): ImportPlan {
  const parsed = rows.map((raw, i) => parseRow(raw, i + 1, organisation, terms));

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
      p.problems.push(`与第 ${sameName.join('、')} 行同一${terms.unit}同名，请填写手机号以区分`);
    }

    let match: RosterMember | undefined;
    if (p.phone && byPhone.has(p.phone)) {
      const found = byPhone.get(p.phone)!;
      if (found.length > 1) p.problems.push(`手机号与多名已有${terms.member}相同，请先在${terms.member}管理中更正`);
      match = found[0];
    } else if (p.name) {
      // Without a phone on file to tell them apart, the name within the branch identifies the member.
      const found = (byName.get(key) ?? []).filter((m) => !p.phone || !m.phone);
      if (found.length > 1) p.problems.push(`已有 ${found.length} 名同${terms.unit}同名${terms.member}，请填写手机号以区分`);
      match = found.length === 1 ? found[0] : undefined;
    }
    if (match) {
      const other = claimedBy.get(match._id);
      if (other !== undefined) p.problems.push(`与第 ${other} 行对应同一名${terms.member}`);
      else claimedBy.set(match._id, p.row);
    }

    const draft = match ? mergedDraft(match, p) : newDraft(p, organisation);
    const problems = [...p.problems, ...draftProblems(draft, organisation, terms)];
    if (problems.length > 0) errors.push({ row: p.row, message: [...new Set(problems)].join('；') });
    else planned.push(match ? { row: p.row, draft, action: 'update', memberId: match._id } : { row: p.row, draft, action: 'create' });
  }
  return errors.length > 0 ? { errors, rows: [] } : { errors: [], rows: planned };
}

function newDraft(p: ParsedRow, organisation: OrganisationDef): MemberDraft {
  const roles = p.given.roles ?? [];
  return {
    name: p.name,
    phone: p.phone,
    branchName: p.branchName,
    category: p.given.category ?? defaultCategory(roles, organisation),
    roles,
    profession: p.given.profession ?? null,
    socialRoles: p.given.socialRoles ?? [],
  };
}

function mergedDraft(member: RosterMember, p: ParsedRow): MemberDraft {
  return {
    name: p.name,
    phone: p.phone ?? member.phone ?? null,
    branchName: p.branchName,
    category: p.given.category ?? member.category,
    roles: p.given.roles ?? member.roles,
    profession: p.given.profession ?? member.profession,
    socialRoles: p.given.socialRoles ?? member.socialRoles,
  };
}
