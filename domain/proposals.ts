/**
 * Who may put points forward (第十三条, 第十五条): members self-report claimable items; leaders propose
 * awards within their authority; a recorder (seeds/002 记分员) records for their unit; the secretariat
 * records committee decisions. Nobody puts forward points for themselves except as a self-report,
 * which others then review (第十四条).
 */
import type { CatalogItem, MemberRecord } from '../typings/models';
import { authorityLimit, committeeAuthority, highestPersonalAuthority } from './authority';
import { DomainError } from './errors';
import { assertAllHoldLedgers, assertMayReportForSelf } from './ledgers';
import { holdsRight } from './organisation';
import { isAssociationLeader } from './routing';
import { committeeName, rootName, unitWord, type Scheme } from './scheme';

/**
 * A member may self-report a claimable item while they are a member (第十五条 个性化事件), into a
 * ledger of their own: a person without one (an official of no category) is refused (H24).
 */
export function assertMayClaim(claimant: MemberRecord, item: CatalogItem, scheme: Scheme): void {
  if (claimant.status !== 'active') throw new DomainError('FORBIDDEN', `您已不是在册${scheme.words.member}，不能申报`);
  assertMayReportForSelf(claimant, scheme);
  if (!item.claimable) throw new DomainError('FORBIDDEN', `“${item.name}”不能自行申报`, { itemId: item.id });
}

/**
 * A self-report may ask for no more discretionary points than any one person may award (第十三条):
 * beyond that it is a committee's decision (第七条 突出表现, 第八条 重大贡献), which the secretariat records.
 */
export function assertSelfReportWithinAuthority(item: CatalogItem, discretionary: number, scheme: Scheme): void {
  const highest = highestPersonalAuthority(scheme);
  if (discretionary <= highest) return;
  const committee = committeeName(scheme, 'root');
  throw new DomainError(
    'OVER_AUTHORITY',
    `${item.name}申报${discretionary}分，超过任何个人的奖分权限（最高${highest}分）：` +
      `这需要${committee}研究决定（第十三条），请降低分值，或请秘书处按${committee}决定录入`,
    { discretionary, highest },
  );
}

export interface ProposalRight {
  /** The limit that caps the discretionary points of each line. */
  authority: number;
  /**
   * 'leader': reviewed by the award chain; 'committee': by the committee chain; 'record': a record by
   * the unit's recorder, which counts at once where the award chain has no step (seeds/002 记分员).
   */
  route: 'leader' | 'committee' | 'record';
}

/** A committee that decided an award (第十三条 1、2): the root's (会长会), or a unit's (`branchId`). */
export interface Committee {
  id: string;
  name: string;
  branchId: string | null;
}

export type Recipient = Pick<MemberRecord, '_id' | 'name' | 'branchId' | 'branchName' | 'category' | 'kind' | 'roles'>;

/**
 * Checks that `proposer` may award `item` to `recipients` and returns the authority that caps it.
 * `committee` marks a committee decision recorded by the secretariat: it is required for committee
 * items, and it also lets a committee award a range value beyond any one person's authority (e.g. 16
 * of 第七条's 1–20). A unit's committee decides for its own members only, and a unit's leader awards
 * only their own unit's members: points for other units are the root's to give.
 */
export function assertMayPropose(
  proposer: MemberRecord,
  item: CatalogItem,
  recipients: readonly Recipient[],
  scheme: Scheme,
  committee?: Committee,
): ProposalRight {
  const unit = unitWord(scheme);
  if (proposer.status !== 'active') throw new DomainError('FORBIDDEN', `您已不是在册${scheme.words.member}，不能奖分`);
  if (item.kind === 'dues') {
    throw new DomainError('FORBIDDEN', '职务积分由秘书处根据会费记录计入', { itemId: item.id });
  }
  if (item.id === scheme.fixedPoints?.item) {
    throw new DomainError('FORBIDDEN', '固定积分由人力资源部按月度出勤计入，不能手工奖分', { itemId: item.id });
  }
  if (recipients.some((r) => r._id === proposer._id)) throw new DomainError('SELF_REVIEW', '不能给自己奖分');
  // Points go to accounts only: an official of no category has no ledger a board counts (H24).
  assertAllHoldLedgers(recipients, scheme);

  if (committee !== undefined || item.kind === 'committee') {
    const rootCommittee = committeeName(scheme, 'root');
    if (!proposer.secretariat) throw new DomainError('FORBIDDEN', `${rootCommittee}研究决定的加分由秘书处录入`);
    if (!committee) throw new DomainError('INVALID_INPUT', `请注明作出决定的${rootCommittee}`);
    if (committee.branchId !== null) assertAllInBranch(recipients, committee.branchId, `${committee.name}只能给本${unit}${scheme.words.member}加分`, scheme);
    return { authority: committeeAuthority(committee.branchId === null ? 'root' : 'unit', scheme), route: 'committee' };
  }
  const authority = authorityLimit(proposer, scheme);
  const organisation = scheme.organisation;
  if (authority === 0) {
    // A recorder records for the people of their unit (seeds/002 六(一)(2): 记分员 负责党员的日常积分记录).
    if (!holdsRight(proposer, 'record', organisation)) throw new DomainError('FORBIDDEN', '只有积分制管理工作领导小组成员可以奖分');
    if (proposer.branchId !== null) assertAllInBranch(recipients, proposer.branchId, `记分员只能为本${unit}${scheme.words.member}记分`, scheme);
    return { authority, route: 'record' };
  }
  if (!isAssociationLeader(proposer, scheme) && proposer.branchId !== null) {
    assertAllInBranch(
      recipients,
      proposer.branchId,
      `${unit}领导只能给本${unit}（${proposer.branchName ?? ''}）${scheme.words.member}奖分；其他${unit}${scheme.words.member}的奖分请由${rootName(scheme)}领导提出，或由秘书处按${committeeName(scheme, 'root')}决定录入`,
      scheme,
    );
  }
  // 分层分级授权 (seeds/004 三、2): beyond one's limit, the proposal goes up rather than being refused (routing: coveringStart).
  if (scheme.review.beyondLimit === 'escalate') return { authority: highestPersonalAuthority(scheme), route: 'leader' };
  return { authority, route: 'leader' };
}

function assertAllInBranch(recipients: readonly Recipient[], branchId: string, rule: string, scheme: Scheme): void {
  const outside = recipients.filter((r) => r.branchId !== branchId);
  if (outside.length === 0) return;
  const names = outside.map((r) => `${r.name}（${r.branchName ?? scheme.words.direct}）`);
  throw new DomainError('FORBIDDEN', `${rule}：${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 人` : ''}不属于本${unitWord(scheme)}`);
}
