import { flagDuplicates } from '../../domain/duplicates';
import { afterLeaving } from '../../domain/leaving';
import { rerouted } from '../../domain/rerouting';
import { finalReviewGroups } from '../../domain/review-groups';
import { JINGMEN_SCHEME as scheme } from '../../domain/schemes/jingmen';
import { claim, expectDomainError, member } from './builders';

const president = member({ _id: 'president', name: '会长', tier: 'council', positions: ['president'] });
const secretary = member({ _id: 'secretary', name: '秘书长', tier: 'council', positions: ['secretary_general'] });
const instructor = member({ _id: 'instructor', name: '指导员', tier: null, positions: ['political_instructor'] });
const plain = member({ _id: 'plain', name: '会员' });
const officers = [president, secretary, instructor];

describe('splitting a batch by final reviewer (第十四条)', () => {
  it('sends the 会长’s own lines to the 政治指导员 and keeps the rest with the 会长', () => {
    const groups = finalReviewGroups('president', 'secretary', [plain, president, instructor], officers, scheme);
    expect(groups.map((g) => [g.route.memberIds, g.recipientIds])).toEqual([
      [['president'], ['plain', 'instructor']],
      [['instructor'], ['president']],
    ]);
  });

  it('refuses by name a recipient for whom nobody is left up the line', () => {
    expectDomainError(() => finalReviewGroups('political_instructor', 'president', [plain, instructor], officers, scheme), 'SELF_REVIEW', /^指导员的积分没有可以终审的人/);
  });
});

describe('routing again when holders change (第十四条, 第十五条)', () => {
  it('passes a final review over a vacant 秘书长 to the 会长, and back when one is appointed', () => {
    const waiting = claim({ step: 'final', waitingFor: { memberIds: ['secretary'], label: '秘书长' }, routing: { keys: ['pos:secretary_general'], from: 'secretary_general' } });
    const vacant = rerouted(waiting, null, [president, instructor], scheme);
    expect(vacant.waitingFor).toEqual({ memberIds: ['president'], label: '会长（秘书长空缺，逐级上报）' });
    const filled = rerouted({ ...waiting, ...vacant }, null, [president, instructor, member({ _id: 'new', positions: ['secretary_general'] })], scheme);
    expect(filled.waitingFor).toEqual({ memberIds: ['new'], label: '秘书长' });
  });

  it('leaves a claim with nobody to take it waiting, and says why', () => {
    const waiting = claim({ step: 'final', routing: { keys: ['pos:secretary_general'], from: 'secretary_general' } });
    expect(rerouted(waiting, null, [], scheme).waitingFor).toEqual({ memberIds: [], label: expect.stringMatching(/^暂无审批人：没有可以终审的人/) });
  });
});

describe('members who leave (第十七条)', () => {
  it('closes their own self-report and excludes their line from someone else’s batch', () => {
    const by = { id: 'clerk', name: '秘书处' };
    const own = afterLeaving(claim({ createdBy: 'plain' }), plain, '2026-11-21T00:00:00.000Z', by);
    expect(own).toMatchObject({ status: 'rejected', decisions: [{ reason: '会员已退出本会，申请关闭（第十七条）' }] });
    const batch = claim({ kind: 'award', createdBy: 'secretary', lines: [{ memberId: 'plain', memberName: '会员', points: 10, itemId: 'x', itemName: 'x' }, { memberId: 'other', memberName: '其他', points: 10, itemId: 'x', itemName: 'x' }] });
    expect(afterLeaving(batch, plain, '2026-11-21T00:00:00.000Z', by)).toMatchObject({ status: 'pending', total: 10, lines: [{ excluded: expect.any(String) }, { memberId: 'other' }] });
  });
});

describe('the same deed twice (第十四条)', () => {
  it('names the earlier entry, not a reversed one, else the pending claim', () => {
    const line = { memberId: 'm1', itemId: 'meeting.attend.branch' };
    const entry = { _id: 'e1', memberId: 'm1', itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', points: 10 };
    const pending = { _id: 'c9', occurredOn: '2026-11-20', lines: [line] };
    expect(flagDuplicates([line], '2026-11-20', [entry], [pending])).toEqual([{ ...line, duplicateOf: 'e1' }]);
    const reversal = { _id: 'rev-e1', memberId: 'm1', itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', points: -10, reverses: 'e1' };
    expect(flagDuplicates([line], '2026-11-20', [entry, reversal], [pending])).toEqual([{ ...line, duplicateOf: 'c9' }]);
    expect(flagDuplicates([line], '2026-11-19', [entry], [pending])).toEqual([line]);
  });
});
