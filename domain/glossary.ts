import type { Period, SchemeTerms } from '../typings/api';
import type { ItemKind } from '../typings/models';
import { highestAuthority } from './organisation';
import { DEFAULT_BOARDS, unitWord, type Scheme } from './scheme';

const TAB_LABELS: Record<Period, string> = { month: '月榜', quarter: '季榜', half: '半年榜', year: '年榜', cycle: '年度榜', all: '累计' };

/** How an item is scored, in the words of the notices and messages. */
export const KIND_NAMES: Readonly<Record<ItemKind, string>> = {
  fixed: '固定分值',
  range: '区间分值',
  per_count: '按人次计分',
  value_share: '按价值折算',
  discretionary: '酌情奖分',
  committee: '集体研究决定',
  dues: '职务积分',
  hours: '志愿服务时长折算',
};

/** The Chinese name of a role of the scheme's template, or of the secretariat (秘书处). */
export function roleName(scheme: Scheme, roleId: string): string {
  if (roleId === 'secretariat') return '秘书处';
  return scheme.organisation.roles.find((r) => r.id === roleId)?.name ?? roleId;
}

/** The Chinese name of a category of the scheme's template (荆门: 会员/理事/会长会成员). */
export function categoryName(scheme: Scheme, categoryId: string | null): string | null {
  if (categoryId === null) return null;
  return scheme.organisation.categories.find((c) => c.id === categoryId)?.name ?? categoryId;
}

/** Whether the template has vetoes to propose: conditions to choose from and a chain to decide them (seeds/001 篇二十一). */
export function hasVetoes(scheme: Pick<Scheme, 'outcomes' | 'review'>): boolean {
  return (scheme.outcomes?.vetoes?.length ?? 0) > 0 && (scheme.review.chains.veto?.length ?? 0) > 0;
}

/** The template's words and names for the pages (SchemeTerms of the api contract). */
export function schemeTerms(scheme: Scheme): SchemeTerms {
  const { organisation, calendar, composition } = scheme;
  const committee = (at: 'root' | 'unit') => organisation.committees.find((c) => c.at === at)?.name ?? '';
  const periods = [...new Set([...calendar.periods, 'all' as const])].filter((p) => p !== 'cycle' || calendar.cycle.kind === 'annual');
  const order: Period[] = ['month', 'quarter', 'half', 'year', 'cycle', 'all'];
  const terms: SchemeTerms = {
    template: scheme.template,
    name: scheme.name,
    words: {
      member: scheme.words.member,
      category: scheme.words.category,
      unit: unitWord(scheme),
      root: organisation.root.name,
      direct: scheme.words.direct,
      committee: committee('root'),
      unitCommittee: committee('unit'),
    },
    roles: organisation.roles.map((r) => ({ id: r.id, name: r.name, at: r.at })),
    categories: organisation.categories.map((c) => (c.rankedApart ? { id: c.id, name: c.name, rankedApart: true } : { id: c.id, name: c.name })),
    periods: order.filter((p) => periods.includes(p)),
    boards: boardsOf(scheme, order.filter((p) => periods.includes(p))),
  };
  if (composition) terms.components = composition.components.map((c) => ({ id: c.id, name: c.name, max: c.max }));
  if (scheme.publication) {
    const { periods: closed, windowWorkingDays, signedBy } = scheme.publication;
    terms.publication = { periods: [...closed], windowWorkingDays, signer: roleName(scheme, signedBy) };
  }
  if (calendar.cycle.kind === 'annual') terms.cycle = { startMonth: calendar.cycle.startMonth };
  if (scheme.outcomes?.bottom) terms.bottom = true;
  if (hasVetoes(scheme)) terms.vetoes = true;
  if (scheme.dues) terms.dues = true;
  if (organisation.households) terms.households = true;
  if (scheme.outcomes?.warnings) terms.warnings = scheme.outcomes.warnings.map((w) => ({ id: w.id, name: w.name }));
  if (scheme.fixedPoints) {
    terms.fixedPoints = { item: scheme.fixedPoints.item, attributes: scheme.fixedPoints.attributes.map((a) => ({ id: a.id, name: a.name, values: a.values.map((v) => ({ id: v.id, name: v.name, points: v.points })) })) };
  }
  if (scheme.separation) terms.separation = { atOrBelow: scheme.separation.atOrBelow, reprieves: scheme.separation.reprieves };
  if (scheme.payroll) terms.payroll = true;
  if (scheme.reminderArticle) terms.reminderArticle = scheme.reminderArticle;
  if (scheme.review.beyondLimit === 'escalate') terms.escalates = { upTo: highestAuthority(scheme.organisation) };
  return terms;
}

/** The 排行 page's tabs and scopes: a cycle's board replaces the year's, and is by score where there is one. */
function boardsOf(scheme: Scheme, periods: readonly Period[]): SchemeTerms['boards'] {
  const tabs = periods
    .filter((p) => !(p === 'year' && periods.includes('cycle')))
    .map((value) => ({ value, label: value === 'cycle' && scheme.composition ? '年度得分' : TAB_LABELS[value] }));
  const { whole, groups, categories, facets } = scheme.boards ?? DEFAULT_BOARDS;
  return { tabs, whole, groups, categories: categories && scheme.organisation.categories.length > 1, facets: [...facets] };
}
