import {
  assertMayDecide,
  decisionRefusal,
  endorsersFor,
  finalReviewersFor,
  isAssociationLeader,
  mayDecide,
} from '../../domain/routing';
import { JINGMEN_SCHEME as scheme } from '../../domain/schemes/jingmen';
import type { MemberRecord as Member } from '../../typings/models';
import { claim, expectDomainError, member } from './builders';

/** Committee awards are reviewed by the template's committee chain (荆门: the 会长, escalating). */
const committeeFinalReviewersFor = (recorder: Member, recipients: string[], candidates: Member[], s: typeof scheme) =>
  finalReviewersFor(recorder, recipients, candidates, s, 'committee');

/**
 * A small association: officers without a branch, one led branch (east) and one branch without
 * leaders (west).
 */
function association() {
  const east = { branchId: 'east', branchName: '东区分会' };
  const west = { branchId: 'west', branchName: '西区分会' };
  const people = {
    president: member({ _id: 'president', tier: 'council', positions: ['president'] }),
    secretary: member({ _id: 'secretary', tier: 'council', positions: ['secretary_general'] }),
    vice: member({ _id: 'vice', tier: 'council', positions: ['vice_president'], ...east }),
    instructor: member({ _id: 'instructor', tier: null, positions: ['political_instructor'] }),
    director: member({ _id: 'director', tier: 'director' }),
    councillor: member({ _id: 'councillor', tier: 'council' }),
    plain: member({ _id: 'plain' }),
    eastPresident: member({ _id: 'east-president', positions: ['branch_president'], ...east }),
    eastLeader: member({ _id: 'east-leader', positions: ['branch_leader'], ...east }),
    eastDirector: member({ _id: 'east-director', tier: 'director', ...east }),
    eastMember: member({ _id: 'east-member', ...east }),
    westMember: member({ _id: 'west-member', ...west }),
    leftLeader: member({ _id: 'left-leader', positions: ['branch_president'], status: 'left', ...east }),
  } satisfies Record<string, Member>;
  return { ...people, all: Object.values(people) as Member[] };
}

const org = association();

describe('who leads what (第十二条, 第十五条)', () => {
  it('counts officers, and those with authority outside any branch, as association leaders', () => {
    const leaders = org.all.filter((m) => isAssociationLeader(m, scheme)).map((m) => m._id);
    expect(leaders.sort()).toEqual(['councillor', 'director', 'president', 'secretary', 'vice']);
  });
});

describe('step 1 of a self-report: the endorser (第十五条 逐级审批)', () => {
  it('goes to every leader of the claimant’s branch for rulebook points', () => {
    const route = endorsersFor(org.eastMember, 0, org.all, scheme);
    expect(route).toMatchObject({ step: 'endorse', leadersOf: 'branch', label: '分会领导' });
    expect(route.memberIds).toEqual(['east-director', 'east-leader', 'east-president', 'vice']);
  });

  it('goes only to branch leaders whose authority covers the discretionary points (第十三条)', () => {
    const route = endorsersFor(org.eastMember, 5, org.all, scheme);
    expect(route.memberIds).toEqual(['east-president', 'vice']);
    expect(route.label).toBe('分会领导（奖分权限≥5分）');
  });

  it('routes an 8-point self-report past the 2-point and 5-point leaders to the president (第十三条)', () => {
    const route = endorsersFor(org.eastMember, 8, org.all, scheme);
    expect(route).toMatchObject({ leadersOf: 'association', memberIds: ['president'], label: '市新联会领导（奖分权限≥8分）' });
  });

  it('does not let a 2-point director endorse 8 points even without a branch', () => {
    const route = endorsersFor(org.plain, 8, org.all, scheme);
    expect(route.memberIds).not.toContain('director');
    expect(route.memberIds).toEqual(['president']);
  });

  it('sends members without a branch to the association’s leaders', () => {
    const route = endorsersFor(org.plain, 3, org.all, scheme);
    expect(route).toMatchObject({ leadersOf: 'association', memberIds: ['president', 'secretary', 'vice'] });
  });

  it('sends a branch without leaders to the association’s leaders', () => {
    const route = endorsersFor(org.westMember, 2, org.all, scheme);
    expect(route.memberIds).toEqual(['councillor', 'director', 'president', 'secretary', 'vice']);
  });

  it('never lets the claimant endorse their own report (第十四条)', () => {
    const route = endorsersFor(org.eastPresident, 5, org.all, scheme);
    expect(route.memberIds).toEqual(['vice']);
    expectDomainError(() => endorsersFor(org.president, 10, org.all, scheme), 'OVER_AUTHORITY');
  });

  it('skips leaders who have left', () => {
    expect(endorsersFor(org.eastMember, 5, org.all, scheme).memberIds).not.toContain('left-leader');
  });

  it('refuses points no one person may award (第十三条)', () => {
    expectDomainError(() => endorsersFor(org.eastMember, 11, org.all, scheme), 'OVER_AUTHORITY', /奖分权限≥11分/);
  });

  it('is deterministic whatever the candidates’ order', () => {
    const reversed = [...org.all].reverse();
    expect(endorsersFor(org.westMember, 2, reversed, scheme)).toEqual(endorsersFor(org.westMember, 2, org.all, scheme));
  });
});

describe('step 2: the final reviewer by the proposer’s level (第十四条 双人审核)', () => {
  const finalFor = (proposer: Member, recipients: string[] = ['plain']) => finalReviewersFor(proposer, recipients, org.all, scheme);

  it('sends a director’s award to the secretary general (第十四条 1)', () => {
    expect(finalFor(org.director)).toMatchObject({ step: 'final', role: 'secretary_general', memberIds: ['secretary'], label: '秘书长' });
  });

  it('sends a branch leader’s award to the secretary general, as a 2-point leader', () => {
    expect(finalFor(org.eastLeader).memberIds).toEqual(['secretary']);
  });

  it('sends a vice president’s, secretary general’s and branch president’s awards to the president (第十四条 2)', () => {
    for (const proposer of [org.vice, org.secretary, org.eastPresident]) {
      expect(finalFor(proposer)).toMatchObject({ role: 'president', memberIds: ['president'], label: '会长' });
    }
  });

  it('sends the president as endorser to the political instructor (第十四条 3)', () => {
    expect(finalFor(org.president, ['east-member'])).toMatchObject({ role: 'political_instructor', memberIds: ['instructor'], label: '政治指导员' });
  });

  it('sends an 8-point self-report endorsed by the president to the political instructor', () => {
    const endorser = endorsersFor(org.eastMember, 8, org.all, scheme);
    const president = org.all.find((m) => m._id === endorser.memberIds[0]) as Member;
    expect(finalFor(president, ['east-member']).memberIds).toEqual(['instructor']);
  });

  it('escalates to the president where the secretary general is the recipient', () => {
    const route = finalFor(org.director, ['secretary']);
    expect(route).toMatchObject({ role: 'president', memberIds: ['president'], label: '会长（秘书长回避，逐级上报）' });
    expect(route.passedOver).toEqual([{ role: 'secretary_general', reason: 'interested' }]);
  });

  it('escalates to the political instructor where the president is the recipient', () => {
    expect(finalFor(org.vice, ['president']).memberIds).toEqual(['instructor']);
  });

  it('escalates past the secretary general and the president when both are recipients', () => {
    const route = finalFor(org.director, ['secretary', 'president']);
    expect(route.memberIds).toEqual(['instructor']);
    expect(route.label).toBe('政治指导员（秘书长回避，会长回避，逐级上报）');
  });

  it('escalates past a vacant position', () => {
    const withoutSecretary = org.all.filter((m) => m._id !== 'secretary');
    const route = finalReviewersFor(org.director, ['plain'], withoutSecretary, scheme);
    expect(route).toMatchObject({ memberIds: ['president'], label: '会长（秘书长空缺，逐级上报）' });
  });

  it('lets a second holder of the position review where the first is the recipient', () => {
    const secondSecretary = member({ _id: 'secretary-2', tier: 'council', positions: ['secretary_general'] });
    const route = finalReviewersFor(org.director, ['secretary'], [...org.all, secondSecretary], scheme);
    expect(route.memberIds).toEqual(['secretary-2']);
  });

  it('refuses where the political instructor is the recipient of the president’s award: nobody is above (第十四条)', () => {
    expectDomainError(() => finalFor(org.president, ['instructor']), 'SELF_REVIEW', /请提交会长会研究/);
  });

  it('refuses where every reviewing position is vacant', () => {
    expectDomainError(() => finalReviewersFor(org.director, ['plain'], [org.director, org.plain], scheme), 'FORBIDDEN', /均空缺/);
  });

  it('never returns the proposer or a recipient, for any proposer and recipient', () => {
    let routes = 0;
    for (const proposer of org.all.filter((m) => m.status === 'active')) {
      for (const recipient of org.all.filter((m) => m._id !== proposer._id)) {
        const attempt = () => finalFor(proposer, [recipient._id]);
        if (proposer._id === 'president' && recipient._id === 'instructor') {
          expectDomainError(attempt, 'SELF_REVIEW');
          continue;
        }
        const route = attempt();
        expect(route.memberIds.length).toBeGreaterThan(0);
        expect(route.memberIds).not.toContain(proposer._id);
        expect(route.memberIds).not.toContain(recipient._id);
        routes += 1;
      }
    }
    expect(routes).toBe(12 * 12 - 1);
  });
});

describe('committee awards (第八条, 第十三条 1、2)', () => {
  const recorder = member({ _id: 'clerk', secretariat: true });

  it('are final-reviewed by the president', () => {
    expect(committeeFinalReviewersFor(recorder, ['east-member'], org.all, scheme)).toMatchObject({ memberIds: ['president'], label: '会长' });
  });

  it('go up to the political instructor where the president is a recipient', () => {
    expect(committeeFinalReviewersFor(recorder, ['president', 'plain'], org.all, scheme).memberIds).toEqual(['instructor']);
  });

  it('never go to the recorder', () => {
    const presidentAsClerk = { ...org.president, secretariat: true };
    expect(committeeFinalReviewersFor(presidentAsClerk, ['plain'], org.all, scheme).memberIds).toEqual(['instructor']);
  });
});

describe('may this member decide the claim now?', () => {
  const atEndorse = claim({
    createdBy: 'east-member',
    lines: [{ memberId: 'east-member', memberName: '东区会员', points: 5, itemId: 'other', itemName: '其他' }],
    discretionary: 5,
    waitingFor: { memberIds: ['east-president', 'vice'], label: '分会领导（奖分权限≥5分）' },
  });

  it('lets a listed leader whose authority covers the points endorse', () => {
    expect(mayDecide(org.eastPresident, atEndorse, scheme)).toBe(true);
    expect(() => assertMayDecide(org.vice, atEndorse, scheme)).not.toThrow();
  });

  it('refuses someone the claim does not wait for', () => {
    expect(decisionRefusal(org.secretary, atEndorse, scheme)).toMatchObject({ code: 'FORBIDDEN', message: '该申请等待分会领导（奖分权限≥5分）审批' });
  });

  it('tells a 2-point leader that 5 points are over their authority (第十三条)', () => {
    expect(decisionRefusal(org.eastLeader, atEndorse, scheme)).toMatchObject({ code: 'OVER_AUTHORITY' });
  });

  it('refuses the recipient, even if listed', () => {
    const listed = { ...atEndorse, waitingFor: { memberIds: ['east-member'], label: 'x' } };
    expect(decisionRefusal(org.eastMember, listed, scheme)?.code).toBe('SELF_REVIEW');
  });

  it('refuses an endorser whose authority no longer covers the points', () => {
    const demoted = { ...org.eastPresident, roles: [] };
    expect(decisionRefusal(demoted, atEndorse, scheme)?.code).toBe('OVER_AUTHORITY');
  });

  it('refuses the endorser at the final step: two different people (第十四条)', () => {
    const atFinal = claim({
      ...atEndorse,
      step: 'final',
      waitingFor: { memberIds: ['president', 'east-president'], label: '会长' },
      decisions: [{ step: 'endorse', by: 'east-president', byName: '东区会长', decision: 'approve', at: '2026-03-02T00:00:00Z' }],
    });
    expect(decisionRefusal(org.eastPresident, atFinal, scheme)?.code).toBe('SELF_REVIEW');
    expect(mayDecide(org.president, atFinal, scheme)).toBe(true);
  });

  it('refuses the proposer of an award at its final step', () => {
    const award = claim({ kind: 'award', createdBy: 'director', step: 'final', lines: atEndorse.lines, waitingFor: { memberIds: ['director', 'secretary'], label: '秘书长' } });
    expectDomainError(() => assertMayDecide(org.director, award, scheme), 'SELF_REVIEW', '不能审批自己提出的申请');
    expect(mayDecide(org.secretary, award, scheme)).toBe(true);
  });

  it('refuses a claim already decided', () => {
    const done = claim({ ...atEndorse, status: 'approved', step: null, waitingFor: null });
    expect(decisionRefusal(org.eastPresident, done, scheme)?.code).toBe('CONFLICT');
  });

  it('refuses a leader who has left', () => {
    expect(decisionRefusal({ ...org.eastPresident, status: 'left' }, atEndorse, scheme)?.code).toBe('FORBIDDEN');
  });
});

describe('endorsers whose final review would fall back to the claimant (第十四条)', () => {
  it("leaves the president out of the political instructor's own claim, whose final reviewer would be the instructor", () => {
    const route = endorsersFor(org.instructor, 5, org.all, scheme);
    expect(route.memberIds).not.toContain('president');
    expect(route.memberIds).toEqual(expect.arrayContaining(['secretary', 'vice']));
  });
});

it('refuses a self-report that could never reach a final reviewer, saying so', () => {
  const lone = [org.eastPresident, org.eastMember];
  expect(() => endorsersFor(org.eastMember, 0, lone, scheme)).toThrow(/没有可以终审的人/);
});
