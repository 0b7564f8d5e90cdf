/**
 * Who may put points forward (第十三条, 第十五条): members self-report claimable items; leaders propose
 * awards within their authority; the secretariat records committee decisions. Nobody puts forward
 * points for themselves except as a self-report, which two other people then review (第十四条).
 */
import type { CatalogItem, Member } from '../typings/models';
import { authorityLimit, committeeAuthority } from './authority';
import { DomainError } from './errors';
import type { Scheme } from './scheme';

/** A member may self-report a claimable item while they are a member (第十五条 个性化事件). */
export function assertMayClaim(claimant: Member, item: CatalogItem): void {
  if (claimant.status !== 'active') throw new DomainError('FORBIDDEN', '您已不是在册会员，不能申报');
  if (!item.claimable) throw new DomainError('FORBIDDEN', `“${item.name}”不能自行申报`, { itemId: item.id });
}

export interface ProposalRight {
  /** The limit that caps the discretionary points of each line. */
  authority: number;
  /** 'leader': final review by the proposer's level; 'committee': by the scheme's committee reviewer. */
  route: 'leader' | 'committee';
}

/**
 * Checks that `proposer` may award `item` to `recipientIds` and returns the authority that caps it.
 * `committee` ('association' or a branch id) marks a committee decision recorded by the secretariat:
 * it is required for committee items, and it also lets a committee award a range value beyond any
 * one person's authority (e.g. 16 of 第七条's 1–20).
 */
export function assertMayPropose(
  proposer: Member,
  item: CatalogItem,
  recipientIds: readonly string[],
  scheme: Scheme,
  committee?: string,
): ProposalRight {
  if (proposer.status !== 'active') throw new DomainError('FORBIDDEN', '您已不是在册会员，不能奖分');
  if (item.kind === 'dues') {
    throw new DomainError('FORBIDDEN', '职务积分由秘书处根据会费记录计入', { itemId: item.id });
  }
  if (recipientIds.includes(proposer._id)) throw new DomainError('SELF_REVIEW', '不能给自己奖分');

  if (committee !== undefined || item.kind === 'committee') {
    if (!proposer.secretariat) throw new DomainError('FORBIDDEN', '会长会研究决定的加分由秘书处录入');
    if (!committee) throw new DomainError('INVALID_INPUT', '请注明作出决定的会长会');
    return { authority: committeeAuthority(committee, scheme), route: 'committee' };
  }
  const authority = authorityLimit(proposer, scheme);
  if (authority === 0) throw new DomainError('FORBIDDEN', '只有积分制管理工作领导小组成员可以奖分');
  return { authority, route: 'leader' };
}
