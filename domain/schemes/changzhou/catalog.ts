/**
 * 常州's catalog (seeds/002 附件 党员积分管理考核表) as data. Each item counts toward one part of the
 * 100 (基础分 70, 特色分 20, 评议分 10); 政治学习 and 组织生活 count up to their monthly maxima (每月得
 * 15 分为满分); misses and misconduct deduct (每次未登录扣 0.5 分, 扣 10 分). Records by the branch's
 * 记分员 count at once; members report 特色分 items themselves, monthly, to their 记分员.
 */
import type { CatalogItem } from '../../../typings/models';

const basic = (item: Omit<CatalogItem, 'component'>): CatalogItem => ({ ...item, component: 'basic' });
const feature = (item: Omit<CatalogItem, 'component'>): CatalogItem => ({ ...item, component: 'feature' });

export const CAP_GROUPS = [
  // 政治学习: 每月得 15 分为满分 (附件).
  { id: 'study', name: '政治学习', perMonth: 15 },
  // 组织生活: 每月以支部签到表为依据; the branch's meetings of a month count up to 15.
  { id: 'life', name: '组织生活', perMonth: 15 },
];

export const ITEMS: CatalogItem[] = [
  // 基础分 · 政治学习
  basic({ id: 'study.xuexi', name: '登录学习强国（当月）', category: '政治学习', kind: 'fixed', points: 10, claimable: false, capGroup: 'study', article: '附件 政治学习' }),
  basic({ id: 'study.xuexi_missed', name: '学习强国未登录（每次）', category: '政治学习', kind: 'per_count', points: 0.5, deduction: true, claimable: false, unit: '次', maxCount: 31, article: '附件 政治学习' }),
  basic({ id: 'study.quiz', name: '完成每日一题（当月）', category: '政治学习', kind: 'fixed', points: 10, claimable: false, capGroup: 'study', article: '附件 政治学习' }),
  basic({ id: 'study.group', name: '参加组织集中学习', category: '政治学习', kind: 'fixed', points: 5, claimable: false, capGroup: 'study', article: '附件 政治学习' }),
  basic({ id: 'study.other', name: '参加其他政治学习（含学法等专项学习）', category: '政治学习', kind: 'fixed', points: 5, claimable: false, capGroup: 'study', article: '附件 政治学习' }),
  // 基础分 · 组织生活
  basic({ id: 'life.branch_meeting', name: '参加支部大会', category: '组织生活', kind: 'fixed', points: 5, claimable: false, capGroup: 'life', article: '附件 组织生活' }),
  basic({ id: 'life.party_lecture', name: '参加支部党课', category: '组织生活', kind: 'fixed', points: 5, claimable: false, capGroup: 'life', article: '附件 组织生活' }),
  basic({ id: 'life.group_meeting', name: '参加党小组会', category: '组织生活', kind: 'fixed', points: 5, claimable: false, capGroup: 'life', article: '附件 组织生活' }),
  basic({ id: 'life.party_day', name: '参加主题党日活动', category: '组织生活', kind: 'fixed', points: 5, claimable: false, capGroup: 'life', article: '附件 组织生活' }),
  basic({ id: 'life.dues', name: '按时缴纳党费（当月）', category: '组织生活', kind: 'fixed', points: 5, claimable: false, article: '附件 党费缴纳' }),
  basic({ id: 'life.dues_late', name: '延期缴纳党费（当月）', category: '组织生活', kind: 'fixed', points: 5, deduction: true, claimable: false, article: '附件 党费缴纳' }),
  // 基础分 · 政治建设 (10%), rated each quarter.
  basic({ id: 'conduct.loyalty', name: '践行“四个意识”，坚定“四个自信”，做到“两个维护”（季度）', category: '政治建设', kind: 'fixed', points: 2.5, claimable: false, article: '附件 政治建设' }),
  basic({ id: 'conduct.integrity', name: '廉洁自律，尚俭戒奢（季度）', category: '政治建设', kind: 'fixed', points: 2.5, claimable: false, article: '附件 政治建设' }),
  basic({ id: 'conduct.law', name: '严格遵守各项法律法规（季度）', category: '政治建设', kind: 'fixed', points: 2.5, claimable: false, article: '附件 政治建设' }),
  basic({
    id: 'conduct.misconduct',
    name: '违纪违法情节轻微未构成处分、参与封建迷信、传播流言蜚语或参与群体上访闹事',
    category: '政治建设',
    kind: 'fixed',
    points: 10,
    deduction: true,
    claimable: false,
    article: '附件 政治建设',
  }),
  // 特色分 (20): self-reported monthly with evidence, recorded by the 记分员 (六(一)(1)).
  feature({ id: 'feature.grid', name: '党建网格化工程（网格化走访、扶贫）', category: '特色分', kind: 'fixed', points: 5, claimable: true, article: '附件 特色分' }),
  feature({ id: 'feature.volunteer', name: '参加志愿服务', category: '特色分', kind: 'fixed', points: 5, claimable: true, article: '附件 特色分' }),
  // 评议分 (10): 年度民主评议 (四(三)).
  { id: 'review.excellent', name: '年度民主评议：优秀', category: '评议分', kind: 'fixed', points: 10, claimable: false, component: 'review', article: '四(三)' },
  { id: 'review.qualified', name: '年度民主评议：合格', category: '评议分', kind: 'fixed', points: 7, claimable: false, component: 'review', article: '四(三)' },
  { id: 'review.basic', name: '年度民主评议：基本合格', category: '评议分', kind: 'fixed', points: 5, claimable: false, component: 'review', article: '四(三)' },
  { id: 'review.unqualified', name: '年度民主评议：不合格', category: '评议分', kind: 'fixed', points: 0, claimable: false, component: 'review', article: '四(三)' },
];
