/**
 * The `party-branch` template: 党员积分制管理实施方案 (seeds/001 篇一, 篇二, 篇十五, 篇十六, 篇二十一;
 * seeds/004 第二篇), one template whose options cover the texts' variants:
 *
 * - weights of 日常 : 评议, each kept on 100 (篇二 (一): 按8:2的比例加权计算): 7:3 (篇一 三、2), 8:2
 *   (篇二 (一)) or 3:1 (004 第二篇 三);
 * - 星级 (篇十五) or none; the quota on 优秀 (篇一 三、4: 最高不超过党员数的15%; 004 第二篇 五: 20%) or none;
 * - 动态管理积分 outside the 100, capped at 10 (篇二 (一)3; 004 第二篇 三、3), or none (篇一);
 * - the cycle from January (篇一: 以年终民主评议党员为界) or from 七一 (004 第二篇 二).
 *
 * 日常考核 starts at 100 and only deducts (扣完为止); each 支部's 记分员 records and the record counts
 * at once; the 支部书记 signs each quarter's registration and the year, published for 7 working days
 * (篇一 三、3: 公示期不少于7天); 等次 by 篇一's bands (or 004's), 一票否决 by 篇二十一 (or 004).
 * Readings: docs/rules.md T1–T19.
 */
import type { CatalogItem } from '../../../typings/models';
import type { ComponentDef } from '../../composition';
import type { GradeBand } from '../../grades';
import type { OutcomeRules } from '../../outcomes';
import type { Scheme } from '../../scheme';
import { AWARD_ITEMS, AWARD_ITEMS_004, DAILY_ITEMS, penaltiesIn, REVIEW_GRADE_ITEMS, REVIEW_SCORE_ITEMS } from './catalog';
import { FAILING, FAILING_004, ZEROING } from './vetoes';

export interface PartyBranchOptions {
  /** 日常 : 评议: 篇一 7:3, 篇二 8:2, 004 第二篇 3:1 (whose grade bands, quota and vetoes come with it). */
  weights: '7:3' | '8:2' | '3:1';
  /** 星级 by score (篇十五). */
  stars: boolean;
  /** The quota on 优秀 (篇一 15%, 004 第二篇 20%). */
  quota: boolean;
  /** 动态管理积分 outside the 100, at most 10 (篇二, 004 第二篇). */
  bonus: boolean;
  /** The cycle's first month: 1 (篇一), 7 (004 第二篇: 以“七一”为界). */
  startMonth: 1 | 7;
}

/**
 * The variants of the texts. The registered template (and the demo) is 篇一 with 篇十五's stars and
 * 篇二's 动态管理积分: 篇一 is the text with the 15% quota, the grade bands, the disqualifications, the
 * 公示 and the answer to objections, so its 7:3 is the weight that goes with them (docs/rules.md T1).
 */
export const PARTY_BRANCH_VARIANTS: Readonly<Record<string, PartyBranchOptions>> = {
  demo: { weights: '7:3', stars: true, quota: true, bonus: true, startMonth: 1 },
  pian1: { weights: '7:3', stars: false, quota: true, bonus: false, startMonth: 1 },
  pian2: { weights: '8:2', stars: false, quota: true, bonus: true, startMonth: 1 },
  pian15: { weights: '7:3', stars: true, quota: false, bonus: true, startMonth: 1 },
  zhengyang: { weights: '3:1', stars: false, quota: true, bonus: true, startMonth: 7 },
};

const WEIGHTS: Record<PartyBranchOptions['weights'], [number, number]> = { '7:3': [0.7, 0.3], '8:2': [0.8, 0.2], '3:1': [0.75, 0.25] };

/** 篇一 三、4 (80–89 read as 合格, T8); 004 第二篇 五 (90, 80, 65). */
const BANDS_001: GradeBand[] = [
  { id: 'excellent', name: '优秀', atLeast: 90 },
  { id: 'qualified', name: '合格', atLeast: 70 },
  { id: 'basic', name: '基本合格', atLeast: 60 },
  { id: 'unqualified', name: '不合格', atLeast: 0 },
];
const BANDS_004: GradeBand[] = [
  { id: 'excellent', name: '优秀', atLeast: 90 },
  { id: 'qualified', name: '合格', atLeast: 80 },
  { id: 'basic', name: '基本合格', atLeast: 65 },
  { id: 'unqualified', name: '不合格', atLeast: 0 },
];

export function partyBranchScheme(options: PartyBranchOptions): Scheme {
  const of004 = options.weights === '3:1';
  const [daily, review] = WEIGHTS[options.weights];
  const components: ComponentDef[] = [
    { id: 'daily', name: '日常考核积分', max: 100, startsFull: true, weight: daily },
    { id: 'review', name: '年度评议积分', max: 100, weight: review },
  ];
  // 奖励性加分一般不超过总积分的10%; 惩罚性积分 may take the part below 0 (T5).
  if (options.bonus) components.push({ id: 'bonus', name: '动态管理积分', max: 10, bonus: true, floor: -100 });
  const items: CatalogItem[] = [
    ...DAILY_ITEMS,
    ...(of004 ? REVIEW_GRADE_ITEMS : REVIEW_SCORE_ITEMS),
    ...(options.bonus ? (of004 ? AWARD_ITEMS_004 : AWARD_ITEMS) : []),
    ...penaltiesIn(options.bonus ? 'bonus' : 'daily'),
  ];
  const outcomes: OutcomeRules = {
    grades: {
      grades: of004 ? BANDS_004 : BANDS_001,
      ...(options.quota ? { quota: { grade: 'excellent', share: of004 ? 0.2 : 0.15, minimum: 1 } } : {}),
      disqualified: 'unqualified',
      // A tie at the quota line: the year's record first, then the 评议 (G3).
      tiebreak: ['daily', 'review'],
    },
    ...(options.stars
      ? {
          stars: {
            bands: [
              { stars: 5, atLeast: 90 },
              { stars: 4, atLeast: 80 },
              { stars: 3, atLeast: 70 },
              { stars: 2, atLeast: 60 },
              { stars: 1, atLeast: 0 },
            ],
            probationary: 'probationary',
          },
        }
      : {}),
    vetoes: of004 ? FAILING_004 : [...ZEROING, ...FAILING],
  };
  return {
    template: 'party-branch',
    name: of004 ? '党员积分制管理办法（季度考评，以“七一”为界）' : '党员积分制管理实施方案',
    version: 1,
    effectiveFrom: '2018-01-01T00:00:00+08:00',
    words: { member: '党员', category: '党员类别', direct: '党委直属' },
    organisation: {
      root: { kind: 'committee', name: '党委' },
      unitKinds: [{ id: 'branch', name: '支部' }],
      // 篇十六 三: 中共正式党员、预备党员.
      categories: [
        { id: 'full', name: '正式党员' },
        { id: 'probationary', name: '预备党员' },
      ],
      defaultCategory: 'full',
      // 篇一 四、1: 党组织负责人, 党务专干, 支部书记 直接责任人; 篇十六 二: 考评小组 (支部委员), 记录员.
      roles: [
        { id: 'party_committee', name: '党委委员', at: 'root', rights: ['read', 'sign'] },
        { id: 'branch_secretary', name: '支部书记', at: 'unit', rights: ['read', 'sign', 'record', 'remind'] },
        { id: 'branch_committee', name: '支委委员', at: 'unit', rights: ['read'] },
        { id: 'group_leader', name: '党小组长', at: 'unit', rights: [] },
        { id: 'scorekeeper', name: '记分员', at: 'unit', rights: ['record', 'read'] },
      ],
      committees: [
        { at: 'root', name: '党委会', limit: 20 },
        { at: 'unit', name: '支委会', limit: 10 },
      ],
    },
    review: {
      chains: {
        // 篇十六 四(一) 申报: a 党员's report goes to the 支部, 由考评小组审核登记.
        self: [{ kind: 'roles', roles: ['scorekeeper', 'branch_secretary'] }],
        // 篇二 (二): 组织委员 registers; the record counts at once, the quarter's 支部 approval signs it (T10).
        award: [],
        committee: [{ kind: 'roles', roles: ['party_committee'] }],
        correction: [{ kind: 'roles', roles: ['branch_secretary', 'party_committee'] }],
        // 篇一 三、3: 党员有异议的，可向所在党支部反映，党支部应及时调查.
        objection: [{ kind: 'roles', roles: ['branch_committee', 'branch_secretary', 'party_committee'] }],
        // 篇十六 (五): 未列明的项目…由党支部提交党组进行研究确定.
        item: [{ kind: 'roles', roles: ['party_committee'] }],
        // 篇十六 四(二): the 支部考评小组, headed by the 支部书记, 认定 a 一票否决; an interested 书记 passes it to the 党委 (T16).
        veto: [{ kind: 'roles', roles: ['branch_secretary', 'party_committee'] }],
      },
      bands: [],
      escalation: ['branch_secretary', 'party_committee'],
    },
    calendar: { cycle: { kind: 'annual', startMonth: options.startMonth }, periods: ['month', 'quarter', 'year', 'cycle'] },
    composition: { components },
    outcomes,
    // 篇一 三、3: 每季度…公示, 公示期不少于7天: 7 working days are never fewer than 7 days (T12).
    publication: { periods: ['quarter', 'cycle'], windowWorkingDays: 7, signedBy: 'branch_secretary' },
    levels: [],
    items,
    claimsWindowDays: 90,
  };
}

/** Plain data, checked by parseScheme in the tests (test/domain/party-branch-scheme.test.ts). */
export const PARTY_BRANCH_SCHEME: Scheme = partyBranchScheme(PARTY_BRANCH_VARIANTS.demo);
