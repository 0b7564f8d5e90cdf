/**
 * Leader awards and committee awards through the api (第十三条, 第十四条, 第十五条): who may award whom,
 * which committees exist, how a batch is split when its reviewer is a recipient, and the caps the
 * scheme sets on counts and hosts.
 */
import { ApiHarness } from '../support/api';
import { associationAt, openidOf } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;
const DATE = '2026-11-20';
const EVERYONE = ['president', 'vice', 'secgen', 'instructor', 'clerk', 'b1head', 'b1lead', 'director', 'm1', 'm2', 'm3', 'm4'];
const claimsStored = () => h.cloud.store.dump().claims ?? [];

describe('committees (第十三条 1、2)', () => {
  const committeeAward = (committee: string, recipients: string[]) =>
    h.call(as('clerk'), 'award.propose', {
      itemId: 'deed.major',
      committee,
      reference: '会长会纪要〔2026〕11号',
      occurredOn: DATE,
      recipients: recipients.map((memberId) => ({ memberId, points: 30 })),
      note: '招商引资重大贡献',
    });

  it('refuses a committee that is neither the 会长会 nor an existing branch', async () => {
    const result = await committeeAward('nosuchbranch', ['m1']);
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '决定机构应为会长会或某一分会的会长会，没有找到这个分会' } });
    expect(claimsStored()).toEqual([]);
  });

  it('lets a branch’s 会长会 award only that branch’s members', async () => {
    const result = await committeeAward('b1', ['m1', 'm3']);
    expect(result.ok || result.error).toEqual({ code: 'FORBIDDEN', message: '东宝分会会长会只能给本分会会员加分：会员丙（掇刀分会）不属于本分会' });
    expect(claimsStored()).toEqual([]);
  });

  it('records which committee decided', async () => {
    const branch = await committeeAward('b1', ['m1']);
    const association = await committeeAward('association', ['m3']);
    expect(branch.ok && branch.data.claim.committee).toEqual({ id: 'b1', name: '东宝分会会长会' });
    expect(association.ok && association.data.claim.committee).toEqual({ id: 'association', name: '会长会' });
  });

  it('caps a branch’s 会长会 at its authority, 50 points per person', async () => {
    const over = await h.call(as('clerk'), 'award.propose', {
      itemId: 'deed.major', committee: 'b1', reference: '纪要', occurredOn: DATE, recipients: [{ memberId: 'm1', points: 51 }], note: '',
    });
    expect(over.ok || over.error.code).toBe('OVER_AUTHORITY');
  });
});

describe('an event everyone attended (第十四条: nobody reviews their own points)', () => {
  it('records the 全体会员大会 for all members as one claim per final reviewer', async () => {
    // Every 会员 but the proposer; the political instructor is not one and has no ledger (H24).
    const recipients = EVERYONE.filter((k) => k !== 'secgen' && k !== 'instructor');
    const { claim, claims } = await h.ok(as('secgen'), 'award.propose', {
      itemId: 'meeting.attend.association',
      occurredOn: DATE,
      recipients: recipients.map((memberId) => ({ memberId })),
      note: '2026 年全体会员大会',
    });
    expect(claims.map((c) => [c.waitingFor!.label, c.lines.map((l) => l.memberId)])).toEqual([
      ['会长', recipients.filter((k) => k !== 'president')],
      ['政治指导员（会长回避，逐级上报）', ['president']],
    ]);
    expect(claim).toEqual(claims[0]);
    for (const c of claims) await h.ok(as(c.waitingFor!.memberIds[0]), 'claim.decide', { claimId: c._id, decision: 'approve' });
    expect((h.cloud.store.dump().ledger ?? []).map((e) => e.memberId).sort()).toEqual([...recipients].sort());
  });

  it('splits a committee award the same way, the lines of the 会长 going to the 政治指导员', async () => {
    const { claims } = await h.ok(as('clerk'), 'award.propose', {
      itemId: 'activity.outstanding.association',
      committee: 'association',
      reference: '会长会纪要〔2026〕12号',
      occurredOn: DATE,
      recipients: ['president', 'vice', 'm1'].map((memberId) => ({ memberId, points: 8 })),
      note: '年度活动突出表现',
    });
    expect(claims.map((c) => [c.waitingFor!.memberIds, c.lines.map((l) => l.memberId)])).toEqual([
      [['president'], ['vice', 'm1']],
      [['instructor'], ['president']],
    ]);
  });

  it('answers a retry of a split award with the same claims, writing nothing new', async () => {
    const payload = { itemId: 'meeting.attend.association', occurredOn: DATE, recipients: [{ memberId: 'president' }, { memberId: 'm1' }], note: '' };
    const first = await h.ok(as('secgen'), 'award.propose', payload, 'split-retry-1');
    const again = await h.ok(as('secgen'), 'award.propose', payload, 'split-retry-1');
    expect(again).toEqual(first);
    expect(claimsStored()).toHaveLength(2);
  });
});

describe('whose members a leader awards', () => {
  it('refuses a branch leader’s award to another branch’s member, and lets an association leader make it', async () => {
    const payload = { itemId: 'meeting.attend.branch', occurredOn: DATE, recipients: [{ memberId: 'm1' }, { memberId: 'm3' }], note: '' };
    const refused = await h.fails(as('b1head'), 'award.propose', payload);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('会员丙（掇刀分会）');
    expect((await h.fails(as('director'), 'award.propose', { ...payload, recipients: [{ memberId: 'm4' }] })).code).toBe('FORBIDDEN');
    expect((await h.ok(as('vice'), 'award.propose', payload)).claims).toHaveLength(1);
  });
});

describe('caps in the scheme (荆门: 20 persons per recruit claim, 3 hosts per event)', () => {
  it('refuses a recruit claim of more than 20 persons, naming the cap, and accepts 20', async () => {
    const over = await h.fails(as('m1'), 'claim.submit', { itemId: 'outreach.recruit', occurredOn: DATE, count: 1000, note: '' });
    expect(over).toEqual({ code: 'INVALID_INPUT', message: '介绍并发展会员：每次最多20人，本次填写了1000人；更多请分次申报或提交会长会研究' });
    const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'outreach.recruit', occurredOn: DATE, count: 20, note: '' });
    expect(claim.total).toBe(400);
    expect((await h.fails(as('b1head'), 'award.propose', { itemId: 'outreach.recruit', occurredOn: DATE, count: 21, recipients: [{ memberId: 'm2' }], note: '' })).code).toBe('INVALID_INPUT');
  });

  it('refuses more than 3 hosts of one meeting and shows reviewers the claim’s total', async () => {
    const hosts = (n: number) => ['m1', 'm2', 'm3', 'm4', 'director', 'b1lead'].map((memberId, i) => ({ memberId, hosted: i < n }));
    const six = await h.fails(as('president'), 'award.propose', { itemId: 'meeting.attend.city_uf', occurredOn: DATE, recipients: hosts(6), note: '市级会议' });
    expect(six).toEqual({ code: 'INVALID_INPUT', message: '承办市级统战系统会议：每次最多3人，本次有6人；更多请提交会长会研究' });
    const { claim } = await h.ok(as('president'), 'award.propose', { itemId: 'meeting.attend.city_uf', occurredOn: DATE, recipients: hosts(3), note: '市级会议' });
    expect(claim.total).toBe(6 * 40 + 3 * 200);
    const [seen] = (await h.ok(as('instructor'), 'inbox.list', {})).claims;
    expect(seen.total).toBe(840);
  });
});
