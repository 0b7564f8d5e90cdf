/**
 * 第十三条 奖分权限: how many discretionary points a person (or committee) may award on one event, from
 * the template's roles, categories and committees (organisation.ts).
 */
import type { MemberRecord, Role } from '../typings/models';
import { DomainError } from './errors';
import { authorityOf, highestAuthority, type Holder } from './organisation';
import type { Scheme } from './scheme';

/** The parts of a member that decide their authority. */
export type AuthorityHolder = Pick<Holder, 'status' | 'branchId' | 'category' | 'roles'>;

/**
 * The highest limit among the member's category and roles; 0 for a plain member, for an official
 * without a limit (政治指导员) and for anyone who has left (第十七条).
 */
export function authorityLimit(member: AuthorityHolder, scheme: Scheme): number {
  return authorityOf({ _id: '', ...member }, scheme.organisation);
}

/** A committee's limit (第十三条 1、2): the root's (会长会) or a unit's (分会会长会). */
export function committeeAuthority(at: 'root' | 'unit', scheme: Scheme): number {
  const committee = scheme.organisation.committees.find((c) => c.at === at);
  if (!committee) throw new DomainError('INVALID_INPUT', '本方案没有这一级的决策机构');
  return committee.limit;
}

/** 第十二条 领导小组: a leader is anyone with an authority limit. */
export function isLeader(member: AuthorityHolder, scheme: Scheme): boolean {
  return authorityLimit(member, scheme) > 0;
}

/** The highest limit any one person can hold in this scheme (committees excluded). */
export function highestPersonalAuthority(scheme: Scheme): number {
  return highestAuthority(scheme.organisation);
}

/** Throws OVER_AUTHORITY where `discretionary` exceeds `authority` (第十三条). */
export function assertAuthorityCovers(authority: number, discretionary: number): void {
  if (discretionary > authority) {
    throw new DomainError('OVER_AUTHORITY', `超出奖分权限：本次需要${discretionary}分权限，您的权限为${authority}分`, {
      authority,
      discretionary,
    });
  }
}

/** Roles shown to the member (me.get): the template roles they hold, plus the secretariat. */
export function rolesOf(member: Pick<MemberRecord, 'roles' | 'secretariat'>): Role[] {
  const roles: Role[] = [...member.roles];
  if (member.secretariat) roles.push('secretariat');
  return roles;
}
