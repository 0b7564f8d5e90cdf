/**
 * The `changzhou` template: 常州市机关事务管理局 机关党员积分制考核管理实施方案 (常机管党〔2021〕12号,
 * seeds/002), as data. An annual cycle on the calendar year (五: 积分以年度为周期); 100 = 基础分 70 +
 * 特色分 20 + 评议分 10 (四); each branch's 记分员 records, members report 特色分 monthly to them, and
 * the 支委会 settles disputes (六(一)); the 支部书记 signs each quarter's 考评, published for 5 working
 * days (六(二)); warnings yellow 60–69 and red < 60, two years below 60 flagged, 预备党员 at 70 and 60
 * (七(二)).
 */
import type { Scheme } from '../../scheme';
import { CAP_GROUPS, ITEMS } from './catalog';

/** Plain data, checked by parseScheme in the tests (test/domain/scheme.test.ts), not at every cold start. */
export const CHANGZHOU_SCHEME: Scheme = {
  template: 'changzhou',
  name: '常州市机关事务管理局 机关党员积分制考核管理实施方案',
  version: 1,
  effectiveFrom: '2021-09-01T00:00:00+08:00',
  words: { member: '党员', category: '党员类别', direct: '机关党委直属' },
  organisation: {
    root: { kind: 'committee', name: '机关党委' },
    unitKinds: [{ id: 'branch', name: '支部' }],
    categories: [
      { id: 'full', name: '正式党员' },
      { id: 'probationary', name: '预备党员' },
    ],
    defaultCategory: 'full',
    // 五: 考评小组 (支部书记 任组长, 支委委员和党小组长), 记分员 (支委会研究确定); 机关党委 leads (五).
    roles: [
      { id: 'party_committee', name: '机关党委委员', at: 'root', rights: ['read', 'sign'] },
      { id: 'branch_secretary', name: '支部书记', at: 'unit', rights: ['read', 'sign', 'record', 'remind'] },
      { id: 'branch_committee', name: '支委委员', at: 'unit', rights: ['read'] },
      { id: 'group_leader', name: '党小组长', at: 'unit', rights: [] },
      { id: 'scorekeeper', name: '记分员', at: 'unit', rights: ['record', 'read'] },
    ],
    committees: [
      { at: 'root', name: '机关党委', limit: 20 },
      { at: 'unit', name: '支委会', limit: 10 },
    ],
  },
  review: {
    chains: {
      // 六(一)(1): 个人申报 to the 记分员, who records (the 支部书记 where the branch has none).
      self: [{ kind: 'roles', roles: ['scorekeeper', 'branch_secretary'] }],
      // 六(一)(2): the 记分员's record counts at once; the quarter's signature is the second person.
      award: [],
      committee: [{ kind: 'roles', roles: ['party_committee'] }],
      correction: [{ kind: 'roles', roles: ['branch_secretary', 'party_committee'] }],
      // 六(一)(2): 存在争议的，由支部委员会研究决定.
      objection: [{ kind: 'roles', roles: ['branch_committee', 'branch_secretary', 'party_committee'] }],
      // 附件 特色分: 其他支部自选分，由支部自选报党委审核后实施.
      item: [{ kind: 'roles', roles: ['party_committee'] }],
    },
    bands: [],
    escalation: ['branch_secretary', 'party_committee'],
  },
  calendar: { cycle: { kind: 'annual', startMonth: 1 }, periods: ['month', 'quarter', 'year', 'cycle'] },
  composition: {
    components: [
      { id: 'basic', name: '基础分', max: 70 },
      { id: 'feature', name: '特色分', max: 20 },
      { id: 'review', name: '评议分', max: 10 },
    ],
    capGroups: CAP_GROUPS,
  },
  // 七(二): 双色预警.
  outcomes: {
    warnings: [
      { below: 60, id: 'red', name: '红色预警', consequence: '取消本年度评先评优资格' },
      { below: 70, id: 'yellow', name: '黄色预警', consequence: '支部书记约谈提醒' },
    ],
    categoryWarnings: [
      {
        category: 'probationary',
        bands: [
          { below: 60, id: 'extend', name: '预备党员低于60分', consequence: '预备党员低于60分：视情延长预备期' },
          { below: 70, id: 'talk', name: '预备党员低于70分', consequence: '预备党员低于70分：支部书记约谈提醒' },
        ],
      },
    ],
    repeats: [{ warning: 'red', cycles: 2, flag: '连续两年低于60分：由支部书记按规定慎重处理' }],
  },
  // 六(二)(2): 季评结束后，在支部范围内进行公示（5个工作日）; the year's total likewise (六(三)(2)).
  publication: { periods: ['quarter', 'cycle'], windowWorkingDays: 5, signedBy: 'branch_secretary' },
  levels: [],
  items: ITEMS,
  claimsWindowDays: 90,
};
