import { capabilitiesOf } from '../../domain/capabilities';
import type { Scheme } from '../../domain/scheme';
import { CHANGZHOU_SCHEME } from '../../domain/schemes/changzhou';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { ENTERPRISE_SCHEME, PARTY_BRANCH_SCHEME, QIUXIAN_SCHEME, VILLAGE_SCHEME } from '../../domain/schemes';
import { member } from './builders';

/** 常州's organisation with seeds/001's 一票否决: a condition and the 机关党委 deciding it. */
const WITH_VETOES: Scheme = {
  ...CHANGZHOU_SCHEME,
  outcomes: { ...CHANGZHOU_SCHEME.outcomes, vetoes: [{ id: 'crime', name: '触犯刑律', effect: 'zero', article: '篇二十一' }] },
  review: { ...CHANGZHOU_SCHEME.review, chains: { ...CHANGZHOU_SCHEME.review.chains, veto: [{ kind: 'roles', roles: ['party_committee'] }] } },
};

/** 荆门's organisation with seeds/003's 末尾淘汰. */
const WITH_BOTTOM: Scheme = { ...JINGMEN_SCHEME, outcomes: { ...JINGMEN_SCHEME.outcomes, bottom: { share: 0.05, least: 3 } } };

const inBranch = (roles: string[]) => member({ branchId: 'b1', branchName: '第一党支部', category: 'full', roles });

describe('who is offered 提出一票否决 (seeds/001 篇二十一)', () => {
  it('offers it to a 支部书记 and a 记分员 of their 支部, where the template has conditions and a chain', () => {
    expect(capabilitiesOf(inBranch(['branch_secretary']), WITH_VETOES).veto).toBe(true);
    expect(capabilitiesOf(inBranch(['scorekeeper']), WITH_VETOES).veto).toBe(true);
  });

  it('offers it to nobody else: a 支委委员, a 党员, a 机关党委委员 whose right is held at the root', () => {
    expect(capabilitiesOf(inBranch(['branch_committee']), WITH_VETOES).veto).toBe(false);
    expect(capabilitiesOf(inBranch([]), WITH_VETOES).veto).toBe(false);
    expect(capabilitiesOf(member({ category: 'full', roles: ['party_committee'] }), WITH_VETOES).veto).toBe(false);
  });

  it('offers it on no template without conditions or without a chain to decide them', () => {
    expect(capabilitiesOf(inBranch(['branch_secretary']), CHANGZHOU_SCHEME).veto).toBe(false);
    const noChain: Scheme = { ...WITH_VETOES, review: CHANGZHOU_SCHEME.review };
    expect(capabilitiesOf(inBranch(['branch_secretary']), noChain).veto).toBe(false);
  });
});

describe('who is offered 末尾淘汰名单 (seeds/003)', () => {
  it('offers it to the 会长会 (readers of every 分会) and the secretariat, where the template has one', () => {
    expect(capabilitiesOf(member({ roles: ['president'] }), WITH_BOTTOM).eliminate).toBe(true);
    expect(capabilitiesOf(null, WITH_BOTTOM, true).eliminate).toBe(true);
    expect(capabilitiesOf(member({ roles: ['president'] }), JINGMEN_SCHEME).eliminate).toBe(false);
  });

  it('does not offer it to a 分会’s leaders, who read their own 分会 only, nor to a member', () => {
    expect(capabilitiesOf(member({ branchId: 'b1', branchName: '东宝分会', roles: ['branch_president'] }), WITH_BOTTOM).eliminate).toBe(false);
    expect(capabilitiesOf(member(), WITH_BOTTOM).eliminate).toBe(false);
  });
});

describe('who is offered the 积分超市 (seeds/004 第三篇 四(五)1②, S20)', () => {
  const WITH_SHOP: Scheme = { ...JINGMEN_SCHEME, shop: { keeperRole: 'president', subsidyShare: 0.5, redemptionDays: { day: 15, months: [3, 6, 9, 12] } } };

  it('offers it to every active account where the template keeps one', () => {
    expect(capabilitiesOf(member(), WITH_SHOP).shop).toBe(true);
    expect(capabilitiesOf(member({ roles: ['president'] }), WITH_SHOP).shop).toBe(true);
  });

  it('offers it to nobody where the template keeps none, nor to a caller without an active account', () => {
    expect(capabilitiesOf(member(), JINGMEN_SCHEME).shop).toBe(false);
    expect(capabilitiesOf(member({ status: 'left' }), WITH_SHOP).shop).toBe(false);
    expect(capabilitiesOf(null, WITH_SHOP, true).shop).toBe(false);
  });
});

describe('who exports their own unit’s sheets (docs/rules.md F2)', () => {
  const at = (roles: string[], category: string | null = 'member') => member({ branchId: 'u1', branchName: '本单位', category, roles });
  const exporters = (scheme: Scheme, roles: string[], category?: string | null) =>
    roles.filter((role) => capabilitiesOf(at([role], category), scheme).exportUnit);

  it('offers it on the party templates to the 支部书记 and the 记分员, not to a 支委委员 or a 党小组长', () => {
    for (const scheme of [PARTY_BRANCH_SCHEME, CHANGZHOU_SCHEME]) {
      expect(exporters(scheme, ['branch_secretary', 'scorekeeper', 'branch_committee', 'group_leader'], 'full')).toEqual(['branch_secretary', 'scorekeeper']);
    }
  });

  it('offers it on 荆门 and 邱县 to the 分会会长, not to the 分会领导班子 or a 理事', () => {
    expect(exporters(JINGMEN_SCHEME, ['branch_president', 'branch_leader'])).toEqual(['branch_president']);
    expect(exporters(QIUXIAN_SCHEME, ['branch_president', 'branch_leader'])).toEqual(['branch_president']);
    expect(capabilitiesOf(at([], 'director'), JINGMEN_SCHEME).exportUnit).toBe(false);
  });

  it('offers it to a 村民小组长 for their group, and to a 部门经理 but not a 班组长', () => {
    expect(exporters(VILLAGE_SCHEME, ['group_leader'], null)).toEqual(['group_leader']);
    expect(exporters(ENTERPRISE_SCHEME, ['dept_manager', 'team_leader'])).toEqual(['dept_manager']);
  });

  it('offers it to no holder of a root role, whose wider sheets are the secretariat’s, nor to anyone who left', () => {
    expect(capabilitiesOf(member({ branchId: 'u1', category: 'full', roles: ['party_committee'] }), PARTY_BRANCH_SCHEME).exportUnit).toBe(false);
    expect(capabilitiesOf(member({ roles: ['president'] }), JINGMEN_SCHEME).exportUnit).toBe(false);
    expect(capabilitiesOf(member({ branchId: 'u1', roles: ['branch_president'], status: 'left' }), JINGMEN_SCHEME).exportUnit).toBe(false);
    expect(capabilitiesOf(null, JINGMEN_SCHEME, true).exportUnit).toBe(false);
  });
});
