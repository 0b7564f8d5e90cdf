/**
 * The `qiuxian` template: 邱县新的社会阶层人士联谊会 会员积分管理办法 as the county's article describes it
 * (seeds/003, 建立“四项机制”, 2025年07月24日), as data. An association like 荆门's (seeds/000) with 14 分会
 * (品牌引领制度: 700余名会员分配到医疗保障、心理咨询等14个分会); seven 板块 of items with no upper limit
 * (积分+, 不设积分上限); a calendar-year cycle with boards by month, quarter, half and year; 一月一公布
 * (each month closed and published), 一季一比拼 (分会 against each other on the quarter's board),
 * 半年一评比 (each half closed and assessed: 星级评比 by place, 挂牌公示 of the leading 会员单位、理事单位
 * 和会长单位), and 末尾淘汰 (the last places listed for the 会长会). Readings: docs/rules.md Q1–Q19.
 */
import type { Scheme } from '../../scheme';
import { ITEMS } from './catalog';

/** Plain data, checked by parseScheme in the tests (test/domain/scheme.test.ts), not at every cold start. */
export const QIUXIAN_SCHEME: Scheme = {
  template: 'qiuxian',
  name: '邱县新的社会阶层人士联谊会 会员积分管理办法',
  version: 1,
  effectiveFrom: '2024-01-01T00:00:00+08:00',
  words: { member: '会员', category: '会员类别', direct: '总会直属' },
  boards: { whole: '全会', groups: false, categories: true, facets: ['profession'] },
  organisation: {
    root: { kind: 'association', name: '邱县新联会' },
    unitKinds: [{ id: 'branch', name: '分会' }],
    // Q2: people and member units are accounts alike; a unit's account is named by the company and
    // held by its contact person.
    categories: [
      { id: 'member', name: '个人会员' },
      { id: 'unit_member', name: '会员单位' },
      { id: 'unit_director', name: '理事单位' },
      { id: 'unit_president', name: '会长单位' },
    ],
    defaultCategory: 'member',
    // Q5: 会长、副会长 (13, on 轮值), 秘书长 at the association; 分会会长 and the 分会's 班子 at their 分会;
    // the 县委统战部's liaison (在县委统战部的指导和引领下) final-reviews the 会长. The 秘书长 signs the
    // month's and the half-year's 公示 for the 秘书处.
    roles: [
      { id: 'president', name: '会长', at: 'root', limit: 20, rights: ['award', 'read'] },
      { id: 'vice_president', name: '副会长', at: 'root', limit: 10, rights: ['award', 'read'] },
      { id: 'secretary_general', name: '秘书长', at: 'root', limit: 10, rights: ['award', 'read', 'sign'] },
      { id: 'uf_liaison', name: '县委统战部联络员', at: 'root', official: true, rights: ['read'] },
      { id: 'branch_president', name: '分会会长', at: 'unit', limit: 5, rights: ['award', 'read', 'remind'] },
      { id: 'branch_leader', name: '分会班子成员', at: 'unit', limit: 2, rights: ['award', 'read'] },
    ],
    committees: [
      { at: 'root', name: '会长会', limit: 200 },
      { at: 'unit', name: '分会会长会', limit: 50 },
    ],
  },
  review: {
    chains: {
      // Q6: like 荆门 第十五条: the 分会's leaders endorse, then final review by the endorser's level.
      self: [{ kind: 'leaders' }, { kind: 'band' }],
      award: [{ kind: 'band' }],
      committee: [{ kind: 'roles', roles: ['president', 'uf_liaison'] }],
      correction: [{ kind: 'band' }],
      objection: [{ kind: 'roles', roles: ['secretary_general', 'president', 'uf_liaison'] }],
      item: [{ kind: 'roles', roles: ['president', 'uf_liaison'] }],
    },
    // Q6: 分会班子 and 分会会长 → 秘书长; 副会长、秘书长 → 会长; 会长 → 县委统战部联络员.
    bands: [
      { upTo: 5, role: 'secretary_general' },
      { upTo: 10, role: 'president' },
      { upTo: 20, role: 'uf_liaison' },
    ],
    escalation: ['secretary_general', 'president', 'uf_liaison'],
  },
  // Q7: the calendar year; 一月一公布、一季一比拼、半年一评比 and the year.
  calendar: { cycle: { kind: 'annual', startMonth: 1 }, periods: ['month', 'quarter', 'half', 'year', 'cycle'] },
  outcomes: {
    // Q9: 半年一评比, and the year.
    periods: ['half', 'cycle'],
    // Q10: 星级评比 by place on the board (no upper limit to score against): the first tenth 五星, to
    // three tenths 四星, to six tenths 三星, to nine tenths 二星, the rest 一星.
    rankStars: [
      { stars: 5, share: 0.1 },
      { stars: 4, share: 0.3 },
      { stars: 3, share: 0.6 },
      { stars: 2, share: 0.9 },
      { stars: 1, share: 1 },
    ],
    // Q13: 末尾淘汰: the last 5% of the board, at least 5, ties included.
    bottom: { share: 0.05, least: 5 },
    // Q11: 挂牌公示 of the first three of each kind of unit.
    plaques: { categories: ['unit_member', 'unit_director', 'unit_president'], top: 3 },
  },
  // Q8: 一月一公布 and the half-year's 评比, published for 3 working days, signed by the 秘书长.
  publication: { periods: ['month', 'half', 'cycle'], windowWorkingDays: 3, signedBy: 'secretary_general' },
  levels: [],
  items: ITEMS,
  claimsWindowDays: 90,
};
