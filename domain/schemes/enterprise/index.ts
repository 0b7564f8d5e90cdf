/**
 * The `enterprise` template: 积分制管理实施方案 of a coal company and its mines (seeds/004 第一篇), as
 * data. 以矿、部室为单位，实行分层分级授权奖扣分 (三、2): managers award and deduct within their
 * limit for their own department, a proposal beyond it goes up to a manager whose limit covers it,
 * and a second person approves every one (docs/rules.md E9–E12). Points are permanent while one
 * stays employed (三、3 积分终身有效); 固定积分 come monthly from attendance (五、1); month, quarter
 * and year boards per department serve 奖金 and 福利 (六、1、2); at a month's end HR lists the accounts
 * at zero or below, each with one reprieve (六、4).
 */
import type { Scheme } from '../../scheme';
import { FIXED_POINTS, ITEMS } from './catalog';

/** Plain data, checked by parseScheme in the tests (test/domain/enterprise.test.ts), not at every cold start. */
export const ENTERPRISE_SCHEME: Scheme = {
  template: 'enterprise',
  name: '积分制管理实施方案（煤业公司）',
  version: 1,
  effectiveFrom: '2025-05-26T00:00:00+08:00',
  words: { member: '员工', category: '人员类别', direct: '公司机关' },
  boards: { whole: '全公司', groups: false, categories: false, facets: [] },
  organisation: {
    root: { kind: 'company', name: '公司' },
    // 三、2 以矿、部室为单位: 区队 and 部室 alike.
    unitKinds: [{ id: 'department', name: '部门' }],
    categories: [{ id: 'staff', name: '员工' }],
    defaultCategory: 'staff',
    // 二 工作领导组 and 三、2 分层分级授权: each level's limit per event, the company's for the
    // company-wide roles, a department's for its manager and team leaders. 七(三): 人力资源部 runs
    // the scheme (its staff are the secretariat) and reads every account.
    roles: [
      { id: 'chairman', name: '董事长', at: 'root', limit: 200, rights: ['award', 'read'] },
      { id: 'general_manager', name: '总经理', at: 'root', limit: 100, rights: ['award', 'read'] },
      { id: 'dept_manager', name: '部门经理', at: 'unit', limit: 20, rights: ['award', 'read', 'remind'] },
      { id: 'team_leader', name: '班组长', at: 'unit', limit: 5, rights: ['award'] },
      { id: 'hr', name: '人力资源部', at: 'root', rights: ['read'] },
    ],
    committees: [{ at: 'root', name: '经理办公会', limit: 1000 }],
  },
  review: {
    chains: {
      // A self-report: the department's managers endorse, then the level above them decides.
      self: [{ kind: 'leaders' }, { kind: 'band' }],
      // 分层分级授权奖扣分: the proposer is the first person, the next level up the second.
      award: [{ kind: 'band' }],
      committee: [{ kind: 'roles', roles: ['chairman'] }],
      correction: [{ kind: 'band' }],
      objection: [{ kind: 'roles', roles: ['general_manager', 'chairman'] }],
      item: [{ kind: 'roles', roles: ['general_manager', 'chairman'] }],
    },
    bands: [
      { upTo: 5, role: 'dept_manager' },
      { upTo: 20, role: 'general_manager' },
      { upTo: 200, role: 'chairman' },
    ],
    escalation: ['dept_manager', 'general_manager', 'chairman'],
    beyondLimit: 'escalate',
  },
  // 三、3 积分终身有效; 六、1、2 与年、季、月度奖金、福利挂钩.
  calendar: { cycle: { kind: 'permanent' }, periods: ['month', 'quarter', 'year', 'all'] },
  levels: [],
  items: ITEMS,
  fixedPoints: FIXED_POINTS,
  separation: { atOrBelow: 0, reprieves: 1 },
  payroll: true,
  claimsWindowDays: 60,
};
