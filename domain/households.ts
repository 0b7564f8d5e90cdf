/**
 * Households as accounts (seeds/004 第三篇 四(四) 以户为单位建立积分台账; 001 篇十七 以家庭户为单位):
 * the points belong to the household, and its people (holders) bind their own WeChat accounts and
 * act for it. Pure: how the rows of an import that name a `household` group into accounts, and
 * what is wrong with them (docs/rules.md H1–H8).
 *
 * A household's rows are its holders: a re-import lists them all, so a holder on file who is not in
 * the sheet has left the household (H5) and their WeChat account is released.
 */
import type { MemberRecord } from '../typings/models';
import type { OrganisationDef } from './organisation';
import { NAME_MAX, normalizePhone, type RosterTerms, type RowError } from './roster';

/** The most people one household account may have (a 户 of a 户口簿; a larger one is two sheets' mistake). */
const HOLDERS_MAX = 12;

/** A row of the sheet naming a household, with its 1-based number in the whole sheet. */
export interface HouseholdRow {
  row: number;
  name: string;
  phone?: string;
  branch?: string;
  category?: string;
  roles?: string[];
  household: string;
}

export interface HolderDraft {
  name: string;
  phone: string | null;
}

/** What the plan needs of a household on file. */
export type HouseholdOnFile = Pick<MemberRecord, '_id' | 'name' | 'branchName' | 'category'> & { holders?: { name: string; phone?: string | null }[] };

export interface PlannedHousehold {
  rows: number[];
  name: string;
  branchName: string | null;
  category: string | null;
  holders: HolderDraft[];
  /** The household on file this sheet's rows update; absent for a new household. */
  memberId?: string;
}

export interface HouseholdPlan {
  errors: RowError[];
  households: PlannedHousehold[];
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const householdKey = (name: string, branchName: string | null): string => `${branchName ?? ''}\u0000${name}`;

/** A holder is the same person as one on file by phone, else by name within the household. */
export function sameHolder(a: HolderDraft, b: { name: string; phone?: string | null }): boolean {
  return a.phone && b.phone ? a.phone === b.phone : a.name === b.name;
}

/**
 * Groups household rows into accounts and matches each to a household on file by its name within its
 * unit (H2). Refused, with every bad row named: a household whose rows name two units (H3), a person
 * twice in the sheet (by phone anywhere, by name within a household: H4), a role on a household row
 * (roles belong to a person, H6), and the roster's own checks of names, phones and categories.
 */
export function planHouseholds(
  rows: readonly HouseholdRow[],
  onFile: readonly HouseholdOnFile[],
  organisation: OrganisationDef,
  terms: RosterTerms,
): HouseholdPlan {
  const problems = new Map<number, string[]>();
  const complain = (row: number, message: string) => problems.set(row, [...(problems.get(row) ?? []), message]);

  const groups = new Map<string, HouseholdRow[]>();
  const firstPhoneRow = new Map<string, number>();
  for (const raw of rows) {
    const name = raw.name.trim();
    const household = raw.household.trim();
    if (name.length === 0) complain(raw.row, '请填写姓名');
    if (name.length > NAME_MAX) complain(raw.row, `姓名不能超过 ${NAME_MAX} 个字`);
    if (household.length > NAME_MAX) complain(raw.row, `户名不能超过 ${NAME_MAX} 个字`);
    if (raw.roles && raw.roles.some((r) => r.trim() !== '')) complain(raw.row, `职务属于个人，请为担任职务的人另起一行，不填户名`);
    if (!blank(raw.phone)) {
      const phone = normalizePhone(raw.phone!);
      if (phone === null) complain(raw.row, `手机号“${raw.phone!.trim()}”无效，应为 11 位大陆手机号`);
      else if (firstPhoneRow.has(phone)) complain(raw.row, `与第 ${firstPhoneRow.get(phone)} 行手机号相同，同一人不能列入两次`);
      else firstPhoneRow.set(phone, raw.row);
    }
    if (!blank(raw.category) && !organisation.categories.some((c) => c.id === raw.category!.trim())) {
      complain(raw.row, `${terms.category}“${raw.category!.trim()}”无效，应为 ${organisation.categories.map((c) => `${c.id}（${c.name}）`).join('、')}`);
    }
    groups.set(household, [...(groups.get(household) ?? []), raw]);
  }

  const byKey = new Map<string, HouseholdOnFile[]>();
  for (const household of onFile) {
    const key = householdKey(household.name, household.branchName);
    byKey.set(key, [...(byKey.get(key) ?? []), household]);
  }

  const households: PlannedHousehold[] = [];
  for (const [name, members] of groups) {
    const numbers = members.map((m) => m.row);
    const units = [...new Set(members.map((m) => (blank(m.branch) ? null : m.branch!.trim())))];
    if (units.length > 1) {
      const named = units.map((u) => u ?? `未填${terms.unit}`).join('、');
      for (const m of members) complain(m.row, `户“${name}”的成员分属不同${terms.unit}（${named}，第 ${numbers.join('、')} 行），一户只能属于一个${terms.unit}`);
      continue;
    }
    const categories = [...new Set(members.filter((m) => !blank(m.category)).map((m) => m.category!.trim()))];
    if (categories.length > 1) for (const m of members) complain(m.row, `户“${name}”的各行${terms.category}不一致（${categories.join('、')}）`);
    if (members.length > HOLDERS_MAX) for (const m of members) complain(m.row, `户“${name}”超过 ${HOLDERS_MAX} 人，请核对户名`);

    const holders: HolderDraft[] = [];
    for (const m of members) {
      const holder = { name: m.name.trim(), phone: blank(m.phone) ? null : normalizePhone(m.phone!) };
      const twin = holders.findIndex((h) => !h.phone && !holder.phone && h.name === holder.name);
      if (twin >= 0) complain(m.row, `与第 ${members[twin].row} 行是户“${name}”的同名成员，请填写手机号以区分`);
      holders.push(holder);
    }
    const branchName = units[0];
    const found = byKey.get(householdKey(name, branchName)) ?? [];
    if (found.length > 1) for (const m of members) complain(m.row, `已有 ${found.length} 户同名“${name}”，请先在${terms.member}管理中更正`);
    const match = found.length === 1 ? found[0] : undefined;
    const category = categories[0] ?? match?.category ?? organisation.defaultCategory;
    const planned: PlannedHousehold = { rows: numbers, name, branchName, category, holders };
    if (match) planned.memberId = match._id;
    households.push(planned);
  }

  const errors = [...problems.entries()].sort(([a], [b]) => a - b).map(([row, list]) => ({ row, message: [...new Set(list)].join('；') }));
  return errors.length > 0 ? { errors, households: [] } : { errors: [], households };
}

/** `张三（张建国户）`: how a claim or decision names the person who acted for a household. */
export function actingName(holder: string, household: string): string {
  return `${holder}（${household}）`;
}
