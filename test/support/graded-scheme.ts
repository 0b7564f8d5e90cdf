/**
 * A graded party scheme for the engine's tests (seeds/001 篇一 三、4, 篇十五, 篇二十一): 常州's
 * organisation, calendar and 公示 with seeds/001's weighted composition (日常考核 starting full at 100,
 * ×0.7; 年度评议 out of 100, ×0.3), grades with the 15% quota broken by 日常 then 评议, stars, and
 * three veto conditions decided by the 支部书记 (the 机关党委 where the 书记 is interested). Items are
 * whole points per count, so a test sets any 日常 and 评议 it needs. Adopted by writing it as the
 * scheme's first version, as `admin.scheme.adopt` stores a template.
 */
import type { CatalogItem } from '../../typings/models';
import type { Scheme } from '../../domain/scheme';
import { CHANGZHOU_SCHEME } from '../../domain/schemes/changzhou';
import type { ApiHarness } from './api';

const ITEMS: CatalogItem[] = [
  { id: 'daily.absent', name: '无故缺席组织生活（每次）', category: '日常考核', kind: 'per_count', points: 1, deduction: true, claimable: false, unit: '次', maxCount: 100, component: 'daily' },
  { id: 'daily.duty', name: '完成支部安排的任务', category: '日常考核', kind: 'fixed', points: 2, claimable: false, component: 'daily' },
  { id: 'review.points', name: '年度民主评议得分（每分）', category: '年度评议', kind: 'per_count', points: 1, claimable: false, unit: '分', maxCount: 100, component: 'review' },
];

export const GRADED_SCHEME: Scheme = {
  ...CHANGZHOU_SCHEME,
  template: 'graded',
  name: '党员积分制（等次、名额与一票否决）',
  review: {
    ...CHANGZHOU_SCHEME.review,
    chains: { ...CHANGZHOU_SCHEME.review.chains, veto: [{ kind: 'roles', roles: ['branch_secretary', 'party_committee'] }] },
  },
  composition: {
    components: [
      { id: 'daily', name: '日常考核', max: 100, startsFull: true, weight: 0.7 },
      { id: 'review', name: '年度评议', max: 100, weight: 0.3 },
    ],
  },
  outcomes: {
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
    grades: {
      grades: [
        { id: 'excellent', name: '优秀', atLeast: 90 },
        { id: 'qualified', name: '合格', atLeast: 70 },
        { id: 'basic', name: '基本合格', atLeast: 60 },
        { id: 'failing', name: '不合格', atLeast: 0 },
      ],
      quota: { grade: 'excellent', share: 0.15, minimum: 1 },
      disqualified: 'failing',
      tiebreak: ['daily', 'review'],
    },
    vetoes: [
      { id: 'crime', name: '触犯刑律', effect: 'zero', article: '篇二十一' },
      { id: 'dues', name: '六个月无正当理由不交纳党费', effect: 'fail', article: '篇一 三、4' },
      { id: 'sanction', name: '当年受到党纪政纪处分', effect: 'fail', article: '篇一 三、4' },
    ],
  },
  items: ITEMS,
};

/** Puts `scheme` in force in place of the template adopted (before any points are recorded): it replaces the first version. */
export function replaceAdoptedScheme(h: ApiHarness, scheme: Scheme): void {
  const stored = (h.cloud.store.dump().schemes ?? []).find((doc) => doc._id === 'v1');
  if (!stored) throw new Error(`adopt a template first: the ${scheme.template} scheme replaces its first version`);
  h.cloud.store.commit([{ collection: 'schemes', id: 'v1', doc: { ...stored, scheme } }]);
}

/** Puts the graded scheme in force in place of the template adopted (before any points are recorded). */
export const adoptGradedScheme = (h: ApiHarness): void => replaceAdoptedScheme(h, GRADED_SCHEME);
