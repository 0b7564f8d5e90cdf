/**
 * The scheme's own words on the pages (SchemeTerms, sent with me.get, home.get, catalog.get,
 * members.list and ranking.get): role and category names, and a member's standing in one line.
 */
import type { SchemeTerms } from '../../typings/api';

export function roleName(terms: SchemeTerms, roleId: string): string {
  if (roleId === 'secretariat') return '秘书处';
  return terms.roles.find((r) => r.id === roleId)?.name ?? roleId;
}

export function categoryName(terms: SchemeTerms, categoryId: string | null): string | null {
  if (categoryId === null) return null;
  return terms.categories.find((c) => c.id === categoryId)?.name ?? categoryId;
}

/** What the root's own members are listed as: '总会直属'. */
export function rootMembers(terms: SchemeTerms): string {
  return terms.words.direct;
}

/** A member's standing in one line: '东宝分会 · 理事 · 分会会长'. */
export function memberSubtitle(member: { branchName: string | null; category: string | null; roles: string[] }, terms: SchemeTerms): string {
  const parts = [member.branchName ?? rootMembers(terms)];
  const category = categoryName(terms, member.category);
  if (category) parts.push(category);
  parts.push(...member.roles.map((id) => roleName(terms, id)));
  return parts.join(' · ');
}

/**
 * Whether points may go to the person: accounts have a category; a person without one (the 评定小组,
 * a 村民小组长 or 文书, H11, H23; 荆门's 政治指导员, M3) holds a role but no 积分台账.
 */
export function hasAccount(member: { category: string | null }): boolean {
  return member.category !== null;
}

/** How the pages count accounts: 户 where they are households (seeds/004 以户为单位), else 人. */
export function countWord(terms: Pick<SchemeTerms, 'households'> | null | undefined): string {
  return terms?.households ? '户' : '人';
}
