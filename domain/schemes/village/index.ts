/**
 * The `village` template: 乡村治理积分制管理实施方案 (seeds/004 第三篇, 重庆某区) with the 户积分
 * standard of seeds/001 篇十七, as data. The accounts are households (四(四) 以户为单位建立积分台账),
 * ranked within the 村 and within each 村民小组; a 评定小组 of 村干部 and 村民小组长, with 党员代表 and
 * 群众代表, records and reviews (四(二)); each quarter is assessed and published in the village for
 * objections, which the 村委会 decides after looking into them (四(三)); points accumulate and are
 * never cleared (四(五)1② 累计积分不清零), and the year's totals decide the year-end awards.
 */
import type { Scheme } from '../../scheme';
import { ITEMS } from './catalog';

/** Plain data, checked by parseScheme in the tests (test/domain/scheme.test.ts), not at every cold start. */
export const VILLAGE_SCHEME: Scheme = {
  template: 'village',
  name: '乡村治理积分制管理实施方案',
  version: 1,
  effectiveFrom: '2024-01-01T00:00:00+08:00',
  words: { member: '农户', category: '户类别', direct: '村直属' },
  // H12: the village's board and each 村民小组's; by category (脱贫户, 一般户) too.
  boards: { whole: '全村', groups: false, categories: true, facets: [] },
  organisation: {
    root: { kind: 'village', name: '村' },
    unitKinds: [{ id: 'group', name: '村民小组' }],
    categories: [
      { id: 'general', name: '一般户' },
      { id: 'lifted', name: '脱贫户' },
    ],
    defaultCategory: 'general',
    households: true,
    // 四(二): 评定小组 of 村干部 and 村民小组长, 党员代表 and 群众代表 taking part; 四(三) 村委会; 四(五)1② 专人管理 of the 积分超市.
    // They are people, not households (official: no category, no 积分台账 of their own; H11).
    roles: [
      { id: 'assessment_leader', name: '评定小组组长（村支书/村主任）', at: 'root', official: true, rights: ['record', 'read', 'sign', 'remind', 'shop'] },
      { id: 'village_cadre', name: '村干部', at: 'root', official: true, rights: ['record', 'read', 'shop'] },
      { id: 'group_leader', name: '村民小组长', at: 'unit', official: true, rights: ['record', 'read'] },
      { id: 'party_rep', name: '党员代表', at: 'root', official: true, rights: ['read'] },
      { id: 'masses_rep', name: '群众代表', at: 'root', official: true, rights: ['read'] },
      { id: 'village_committee', name: '村委会委员', at: 'root', official: true, rights: ['read'] },
      { id: 'shop_keeper', name: '超市管理员', at: 'root', official: true, rights: [] },
    ],
    committees: [{ at: 'root', name: '评定小组', limit: 500 }],
  },
  review: {
    chains: {
      // 篇十七 动态管理制度: 由户主自行申报 … 核实后及时填入户积分卡: the 村民小组长 checks, the 评定小组 confirms (H13).
      self: [
        { kind: 'roles', roles: ['group_leader'] },
        { kind: 'roles', roles: ['village_cadre', 'assessment_leader'] },
      ],
      // 四(二) 评定小组对农户积分事项进行记录并签字确认: a record by one member of it, confirmed by another.
      award: [{ kind: 'roles', roles: ['village_cadre', 'assessment_leader'] }],
      committee: [{ kind: 'roles', roles: ['assessment_leader'] }],
      correction: [{ kind: 'roles', roles: ['assessment_leader', 'village_committee'] }],
      // 四(三) 村民对积分有异议的…村委会调查核实后…作出处置.
      objection: [{ kind: 'roles', roles: ['village_committee', 'assessment_leader'] }],
      item: [{ kind: 'roles', roles: ['assessment_leader'] }],
      // 篇十七 动态管理制度: 形成村集体决定 — the 村委会 decides a 一票否决 the 评定小组 proposes.
      veto: [{ kind: 'roles', roles: ['village_committee', 'assessment_leader'] }],
    },
    bands: [],
    escalation: ['village_cadre', 'assessment_leader', 'village_committee'],
  },
  // 四(五)1② 累计积分不清零: permanent; quarters for the 公示, years for the year-end awards (H15).
  calendar: { cycle: { kind: 'permanent' }, periods: ['month', 'quarter', 'year', 'all'] },
  // 篇十七 四 14: 出现违法违纪问题，实行一票否决，在规定期限内仍可积分但不参与积分兑换奖励 (H19): for the year.
  outcomes: { vetoes: [{ id: 'offence', name: '出现违法违纪问题', effect: 'bar', article: '篇十七 四 14' }] },
  // 四(三) 每季度…公示，每季度至少更新一次: 5 working days for objections (H16), signed by the 评定小组组长.
  publication: { periods: ['quarter'], windowWorkingDays: 5, signedBy: 'assessment_leader' },
  // 四(五)1② 积分超市: 每1积分按人民币1元计算; 每季度至少组织开展一次积分兑换活动 (the 15th of each quarter's last
  // month); 五 财政补助 按照商品单价的50%; the 超市管理员 hands over, the 评定小组 keeps the rewards (the 'shop' right).
  shop: { keeperRole: 'shop_keeper', subsidyShare: 0.5, redemptionDays: { day: 15, months: [3, 6, 9, 12] } },
  levels: [],
  items: ITEMS,
  claimsWindowDays: 90,
};
