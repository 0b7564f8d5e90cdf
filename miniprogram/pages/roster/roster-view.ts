/**
 * What the roster shows of members.list: one row per member (name, and their standing in one line),
 * and the units to switch between for those who may read every unit's 明细.
 */
import type { DataOf, DirectoryMember, SchemeTerms } from '../../../typings/api';
import { hasAccount, memberSubtitle, rootMembers } from '../../format/terms';

export interface RosterRow {
  id: string;
  name: string;
  subtitle: string;
}

export interface UnitChoice {
  /** '' for every unit. */
  id: string;
  name: string;
}

export function rosterRowOf(member: DirectoryMember, terms: SchemeTerms): RosterRow {
  return { id: member._id, name: member.name, subtitle: memberSubtitle(member, terms) };
}

/** The rows of a page of members.list: accounts only (a 村民小组长 or 文书 without a category has no 明细, H11, H23). */
export function rosterRowsOf(members: readonly DirectoryMember[], terms: SchemeTerms): RosterRow[] {
  return members.filter(hasAccount).map((m) => rosterRowOf(m, terms));
}

/** Every unit, and the whole organisation first (全会, 全部); none when the caller lists one unit only. */
export function unitChoicesOf(data: Pick<DataOf<'members.list'>, 'branches' | 'unitId' | 'terms'>): UnitChoice[] {
  if (data.unitId !== undefined) return [];
  return [{ id: '', name: data.terms.boards.whole }, ...data.branches.map((b) => ({ id: b._id, name: b.name }))];
}

/** The title over the list: '东宝分会的会员', '全会会员', '总会直属会员'. */
export function rosterTitleOf(data: Pick<DataOf<'members.list'>, 'branches' | 'unitId' | 'terms'>, chosen: string): string {
  const unit = data.unitId ?? chosen;
  const member = data.terms.words.member;
  if (!unit) return `${data.terms.boards.whole}${member}`;
  const name = data.branches.find((b) => b._id === unit)?.name ?? rootMembers(data.terms);
  return `${name}${member}`;
}
