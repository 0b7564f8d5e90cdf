/**
 * Who may put points forward (第十三条, 第十五条): members self-report claimable items; leaders propose
 * awards within their authority; the secretariat records committee decisions. Nobody puts forward
 * points for themselves except as a self-report, which two other people then review (第十四条).
 */
import type { CatalogItem, Member } from '../typings/models';
import { authorityLimit, committeeAuthority, highestPersonalAuthority } from './authority';
import { isAssociationLeader } from './routing';
import { DomainError } from './errors';
import type { Scheme } from './scheme';

/** A member may self-report a claimable item while they are a member (第十五条 个性化事件). */
export function assertMayClaim(claimant: Member, item: CatalogItem): void {
  if (claimant.status !== 'active') throw new DomainError('FORBIDDEN', '您已不是在册会员，不能申报');
  if (!item.claimable) throw new DomainError('FORBIDDEN', `“${item.name}”不能自行申报`, { itemId: item.id });
}

/**
 * A self-report may ask for no more discretionary points than any one person may award (第十三条):
 * beyond that it is a 会长会 decision (第七条 突出表现, 第八条 重大贡献), which the secretariat records.
 */
export function assertSelfReportWithinAuthority(item: CatalogItem, discretionary: number, scheme: Scheme): void {
  const highest = highestPersonalAuthority(scheme);
  if (discretionary <= highest) return;
  throw new DomainError(
    'OVER_AUTHORITY',
    `${item.name}申报${discretionary}分，超过任何个人的奖分权限（最高${highest}分）：` +
      `这需要会长会研究决定（第十三条），请降低分值，或请秘书处按会长会决定录入`,
    { discretionary, highest },
  );
}

export interface ProposalRight {
  /** The limit that caps the discretionary points of each line. */
  authority: number;
  /** 'leader': final review by the proposer's level; 'committee': by the scheme's committee reviewer. */
  route: 'leader' | 'committee';
}

/** A committee that decided an award (第十三条 1、2): the 会长会, or a branch's 会长会 (`branchId`). */
export interface Committee {
  id: string;
  name: string;
  branchId: string | null;
}

export type Recipient = Pick<Member, '_id' | 'name' | 'branchId' | 'branchName'>;

/**
 * Checks that `proposer` may award `item` to `recipients` and returns the authority that caps it.
 * `committee` marks a committee decision recorded by the secretariat: it is required for committee
 * items, and it also lets a committee award a range value beyond any one person's authority (e.g. 16
 * of 第七条's 1–20). A branch's 会长会 decides for its own branch's members only, and a branch leader
 * awards only their own branch's members: points for other branches are the association's to give.
 */
export function assertMayPropose(
  proposer: Member,
  item: CatalogItem,
  recipients: readonly Recipient[],
  scheme: Scheme,
  committee?: Committee,
): ProposalRight {
  if (proposer.status !== 'active') throw new DomainError('FORBIDDEN', '您已不是在册会员，不能奖分');
  if (item.kind === 'dues') {
    throw new DomainError('FORBIDDEN', '职务积分由秘书处根据会费记录计入', { itemId: item.id });
  }
  if (recipients.some((r) => r._id === proposer._id)) throw new DomainError('SELF_REVIEW', '不能给自己奖分');

  if (committee !== undefined || item.kind === 'committee') {
    if (!proposer.secretariat) throw new DomainError('FORBIDDEN', '会长会研究决定的加分由秘书处录入');
    if (!committee) throw new DomainError('INVALID_INPUT', '请注明作出决定的会长会');
    if (committee.branchId !== null) assertAllInBranch(recipients, committee.branchId, `${committee.name}只能给本分会会员加分`);
    return { authority: committeeAuthority(committee.id, scheme), route: 'committee' };
  }
  const authority = authorityLimit(proposer, scheme);
  if (authority === 0) throw new DomainError('FORBIDDEN', '只有积分制管理工作领导小组成员可以奖分');
  if (!isAssociationLeader(proposer, scheme) && proposer.branchId !== null) {
    assertAllInBranch(recipients, proposer.branchId, `分会领导只能给本分会（${proposer.branchName ?? ''}）会员奖分；其他分会会员的奖分请由市新联会领导提出，或由秘书处按会长会决定录入`);
  }
  return { authority, route: 'leader' };
}

function assertAllInBranch(recipients: readonly Recipient[], branchId: string, rule: string): void {
  const outside = recipients.filter((r) => r.branchId !== branchId);
  if (outside.length === 0) return;
  const names = outside.map((r) => `${r.name}（${r.branchName ?? '总会直属'}）`);
  throw new DomainError('FORBIDDEN', `${rule}：${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 人` : ''}不属于本分会`);
}
