/**
 * The `jingmen` template: 荆门市新的社会阶层人士联谊会 会员积分制管理办法 (试行稿, 2024年1月18日)
 * (seeds/000), as data. Points are permanent (第十七条); authority limits 2/5/10 and committees 50/200
 * (第十三条); two-person review by position (第十四条); self-reports endorsed by the leaders of the
 * member's branch (第十五条); dues-driven position points (第五条).
 */
import type { Scheme } from '../../scheme';
import { ITEMS, LEVELS } from './catalog';

/** Plain data, checked by parseScheme in the tests (test/domain/scheme.test.ts), not at every cold start. */
export const JINGMEN_SCHEME: Scheme = {
  template: 'jingmen',
  name: '荆门市新的社会阶层人士联谊会 会员积分制管理办法（试行稿）',
  version: 1,
  effectiveFrom: '2024-01-18T00:00:00+08:00',
  words: { member: '会员', category: '会费档次', direct: '总会直属' },
  // 第十六条: boards of the whole association, a branch, leaders and members; by profession and social role.
  boards: { whole: '全会', groups: true, categories: true, facets: ['profession', 'socialRole'] },
  organisation: {
    root: { kind: 'association', name: '市新联会' },
    unitKinds: [{ id: 'branch', name: '分会' }],
    // 第五条 会费档次; 第十三条 5: 理事 2 分. 会长会成员 are at least directors, and rank apart (第十六条).
    categories: [
      { id: 'member', name: '会员' },
      { id: 'director', name: '理事', limit: 2 },
      { id: 'council', name: '会长会成员', limit: 2, rankedApart: true },
    ],
    defaultCategory: 'member',
    // 第十二条 领导小组, 第十三条 奖分权限. Association positions are held at the root whatever the
    // holder's branch; 分会会长 and 分会领导班子成员 at their branch.
    roles: [
      { id: 'president', name: '会长', at: 'root', limit: 10, rights: ['award', 'read'] },
      { id: 'vice_president', name: '副会长', at: 'root', limit: 5, rights: ['award', 'read'] },
      { id: 'secretary_general', name: '秘书长', at: 'root', limit: 5, rights: ['award', 'read'] },
      { id: 'political_instructor', name: '政治指导员', at: 'root', official: true, rights: ['read'] },
      { id: 'branch_president', name: '分会会长', at: 'unit', limit: 5, rights: ['award', 'read', 'remind'] },
      { id: 'branch_leader', name: '分会领导班子成员', at: 'unit', limit: 2, rights: ['award', 'read'] },
    ],
    // 第十三条 1、2.
    committees: [
      { at: 'root', name: '会长会', limit: 200 },
      { at: 'unit', name: '会长会', limit: 50 },
    ],
  },
  review: {
    chains: {
      // 第十五条 逐级审批: the branch's leaders, then final review by the endorser's level.
      self: [{ kind: 'leaders' }, { kind: 'band' }],
      // 第十五条 集体事件: the proposer is the first person; final review by their level.
      award: [{ kind: 'band' }],
      // 第八条、第十三条: committee decisions recorded by the secretariat, final-reviewed by the 会长.
      committee: [{ kind: 'roles', roles: ['president', 'political_instructor'] }],
      correction: [{ kind: 'band' }],
      objection: [{ kind: 'roles', roles: ['secretary_general', 'president', 'political_instructor'] }],
      // 第四条: a branch's own items apply once the association approves them (the 会长 for the 会长会).
      item: [{ kind: 'roles', roles: ['president', 'political_instructor'] }],
    },
    // 第十四条: 理事→秘书长, 副会长/秘书长→会长, 会长→政治指导员.
    bands: [
      { upTo: 2, role: 'secretary_general' },
      { upTo: 5, role: 'president' },
      { upTo: 10, role: 'political_instructor' },
    ],
    escalation: ['secretary_general', 'president', 'political_instructor'],
  },
  calendar: { cycle: { kind: 'permanent' }, periods: ['month', 'year', 'all'] },
  levels: [...LEVELS],
  items: ITEMS,
  dues: {
    items: { annual: 'position.annual', monthly: 'position.monthly', termBonus: 'position.term_bonus' },
    annual: { member: 100, director: 200, council: 300 },
    monthly: { member: 10, director: 20, council: 30 },
    termBonus: { years: 5, points: 50 },
  },
  reminderArticle: '第十九条',
  claimsWindowDays: 90,
};
