/**
 * 第十三条 奖分权限: how many discretionary points a person (or committee) may award on one event.
 */
import type { Member, Role } from '../typings/models';
import { DomainError } from './errors';
import type { Scheme } from './scheme';

/** The parts of a member that decide their authority. */
export type AuthorityHolder = Pick<Member, 'tier' | 'positions' | 'status'>;

/**
 * The highest limit among the member's tier and positions; 0 for a plain member, for an official
 * without a limit in the table (政治指导员) and for anyone who has left (第十七条).
 */
export function authorityLimit(member: AuthorityHolder, scheme: Scheme): number {
  if (member.status !== 'active') return 0;
  const fromTier = member.tier === null ? 0 : (scheme.authority.tiers[member.tier] ?? 0);
  const fromPositions = member.positions.map((p) => scheme.authority.positions[p] ?? 0);
  return Math.max(0, fromTier, ...fromPositions);
}

/**
 * A committee's limit (第十三条 1、2): 'association' is the 会长会; any other value is a branch id,
 * whose 会长会 has the branch limit.
 */
export function committeeAuthority(committee: string, scheme: Scheme): number {
  return committee === 'association' ? scheme.authority.committees.association : scheme.authority.committees.branch;
}

/** 第十二条 领导小组: a leader is anyone with an authority limit. */
export function isLeader(member: AuthorityHolder, scheme: Scheme): boolean {
  return authorityLimit(member, scheme) > 0;
}

/** The highest limit any one person can hold in this scheme (committees excluded). */
export function highestPersonalAuthority(scheme: Scheme): number {
  const limits = [...Object.values(scheme.authority.tiers), ...Object.values(scheme.authority.positions)];
  return Math.max(0, ...limits.map((n) => n ?? 0));
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

/** Roles shown to the member (me.get): their positions, plus the secretariat. */
export function rolesOf(member: Pick<Member, 'positions' | 'secretariat'>): Role[] {
  const roles: Role[] = [...member.positions];
  if (member.secretariat) roles.push('secretariat');
  return roles;
}

