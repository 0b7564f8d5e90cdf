/**
 * A points scheme (积分方案) as data: one template of the engine (SCHEMES.md §1) in one version. The
 * template gives the organisation (units, categories, roles and their authority), the review chains,
 * the calendar, the composition of the score and the outcome rules; the version gives the catalog.
 * Validated when it is loaded (scheme-schema.ts), so logic never meets a half-formed scheme. No
 * scheme's numbers, roles or units live in logic: 荆门's is one value of this type
 * (schemes/jingmen/), 常州's another (schemes/changzhou/).
 */
import type { CatalogItem, ItemKind } from '../typings/models';
import type { CalendarDef } from './calendar';
import type { ReviewDef } from './chains';
import type { CompositionDef } from './composition';
import { DomainError } from './errors';
import type { FixedPointsDef } from './fixed-points';
import type { OrganisationDef } from './organisation';
import type { OutcomeRules } from './outcomes';
import type { ShopDef } from './shop';

export interface Level {
  id: string;
  name: string;
}

/** 第五条 职务积分: points per dues-year and per month covered, by the member's category (会费档次). */
export interface DuesTable {
  items: { annual: string; monthly: string; termBonus: string };
  annual: Record<string, number>;
  monthly: Record<string, number>;
  termBonus: { years: number; points: number };
}

/**
 * 公示 of a closed period (seeds/002 六(二)(2): 5 个工作日; seeds/001 篇一: at least 7 days): the
 * periods that are closed and published, how many working days the window stays open (not counting
 * the day of publication), and who signs it for a unit (publishing is the signature).
 */
export interface PublicationDef {
  periods: ('month' | 'quarter' | 'half' | 'year' | 'cycle')[];
  windowWorkingDays: number;
  /** The unit's head: a unit role with the 'sign' right. */
  signedBy: string;
}

/** Accounts at or below `atOrBelow` at a month's end are listed for HR; each person may be reprieved `reprieves` times. */
export interface SeparationDef {
  atOrBelow: number;
  reprieves: number;
}

/**
 * How the 排行 page offers its boards: what the whole organisation's board is called (全会, 全部),
 * whether it splits leaders from members (荆门 第十六条), by category (正式党员, 预备党员), and by
 * the free-text facets members carry (职业, 社会职务).
 */
export interface BoardsDef {
  whole: string;
  groups: boolean;
  categories: boolean;
  facets: ('profession' | 'socialRole')[];
}

export const DEFAULT_BOARDS: BoardsDef = { whole: '全部', groups: false, categories: true, facets: [] };

export interface Scheme {
  /** The template this scheme is a version of (SCHEMES.md §1: 'jingmen', 'changzhou', …). */
  template: string;
  name: string;
  version: number;
  /** ISO date-time from which this version applies (第二十、二十一条). */
  effectiveFrom: string;
  /**
   * The words the pages and messages use: what a member is called (会员, 党员), their category (会费档次,
   * 党员类别), and what members of the root directly are listed as (总会直属).
   */
  words: { member: string; category: string; direct: string };
  /** Absent: DEFAULT_BOARDS. */
  boards?: BoardsDef;
  organisation: OrganisationDef;
  review: ReviewDef;
  calendar: CalendarDef;
  composition?: CompositionDef;
  outcomes?: OutcomeRules;
  publication?: PublicationDef;
  levels: Level[];
  items: CatalogItem[];
  /** Absent for schemes without dues-based points (e.g. party branches). */
  dues?: DuesTable;
  /** 固定积分 by attribute, credited monthly from attendance (seeds/004 第一篇 五、1). */
  fixedPoints?: FixedPointsDef;
  /** 个人积分为零或负分时…申请一次不离职的机会 (seeds/004 第一篇 六、4): the month-end list and its reprieves. */
  separation?: SeparationDef;
  /** The export adds a sheet of month, quarter, year and all-time totals per person for payroll (seeds/004 六、1、2). */
  payroll?: boolean;
  /** The rulebook's article on the bottom of the year's board (荆门 第十九条), cited by 排名靠后; absent: its rulebook has none. */
  reminderArticle?: string;
  claimsWindowDays: number;
  /** 积分超市 (seeds/004 第三篇, 001 篇十七): absent for templates without one. */
  shop?: ShopDef;
}

/** The catalog item with this id, or NOT_FOUND. */
export function catalogItem(scheme: Scheme, itemId: string): CatalogItem {
  const item = scheme.items.find((i) => i.id === itemId);
  if (!item) throw new DomainError('NOT_FOUND', '没有这个积分项目', { itemId });
  return item;
}

export function levelName(scheme: Scheme, levelId: string): string {
  return scheme.levels.find((l) => l.id === levelId)?.name ?? levelId;
}

/** What the scheme calls a unit below the root (分会, 支部) and the root itself (市新联会, 机关党委). */
export function unitWord(scheme: Scheme): string {
  return scheme.organisation.unitKinds[0]?.name ?? '单位';
}

export function rootName(scheme: Scheme): string {
  return scheme.organisation.root.name;
}

/** The name of the committee of the root (会长会) or of a unit, for messages. */
export function committeeName(scheme: Scheme, at: 'root' | 'unit'): string {
  return scheme.organisation.committees.find((c) => c.at === at)?.name ?? '';
}

/** The words of roster messages. */
export function rosterTerms(scheme: Scheme): { unit: string; category: string; member: string } {
  return { unit: unitWord(scheme), category: scheme.words.category, member: scheme.words.member };
}

/** Dues points and committee decisions are never self-reported (SPEC §4). */
export function defaultClaimable(kind: ItemKind): boolean {
  return kind !== 'dues' && kind !== 'committee';
}

/**
 * Validates a scheme (scheme-schema.ts), loading the validator and zod on first use: most calls read
 * a template and never need them.
 */
export function parseScheme(raw: unknown): Scheme {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./scheme-schema') as typeof import('./scheme-schema')).parseScheme(raw);
}
