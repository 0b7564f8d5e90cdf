/**
 * A points scheme (积分方案) as data: the catalog, the authority table (第十三条), the final reviewers
 * (第十四条), the dues table (第五条) and the claims window. Validated when it is loaded, so logic never
 * meets a half-formed scheme. No scheme's numbers live in logic: the default 荆门 scheme is one value
 * of this type (schemes/jingmen.ts); other associations' schemes are other values.
 */
import { z } from 'zod';
import type { CatalogItem, ItemKind, Position, Tier } from '../typings/models';
import { DomainError } from './errors';
import { KIND_NAMES } from './glossary';

export interface Level {
  id: string;
  name: string;
}

/** 第十三条 管理架构及奖分权限: a person's limit is the highest of their roles. */
export interface AuthorityTable {
  tiers: Partial<Record<Tier, number>>;
  positions: Partial<Record<Position, number>>;
  /** 会长会 (the association's committee) and a branch's 会长会. */
  committees: { association: number; branch: number };
}

/** 第十四条 双人审核: who gives final review, by the proposer's authority level. */
export interface FinalReviewTable {
  /** Ascending: a proposer whose authority is ≤ upTo is final-reviewed by position. */
  byAuthority: { upTo: number; position: Position }[];
  /** Where the final reviewer is a recipient or the proposer, the next position up in this order. */
  escalation: Position[];
  /** Final reviewer of committee awards recorded by the secretariat. */
  committee: Position;
}

/** 第五条 职务积分. */
export interface DuesTable {
  items: { annual: string; monthly: string; termBonus: string };
  annual: Record<Tier, number>;
  monthly: Record<Tier, number>;
  termBonus: { years: number; points: number };
}

export interface Scheme {
  name: string;
  version: number;
  /** ISO date-time from which this version applies (第二十、二十一条). */
  effectiveFrom: string;
  levels: Level[];
  items: CatalogItem[];
  authority: AuthorityTable;
  finalReview: FinalReviewTable;
  /** Absent for schemes without dues-based points (e.g. party branches). */
  dues?: DuesTable;
  claimsWindowDays: number;
  /** 第十六条 为会长和会员设立独立的排名: tiers ranked on the 'leaders' board. */
  ranking: { leaderTiers: Tier[] };
  /** 'permanent': points never reset (第十七条); 'annual': boards start over each year (other seeds). */
  cycle: 'permanent' | 'annual';
  /** 100-point compositions (基础分 70 + 特色分 20 + 评议分 10, seeds/001–002). */
  components?: { id: string; name: string; max: number }[];
  /** 积分超市 redemption (seeds/004); absent where points are never spent (第十七条). */
  redemption?: { rewards: { id: string; name: string; cost: number }[] };
}

const TIERS = ['member', 'director', 'council'] as const satisfies readonly Tier[];
const POSITIONS = [
  'president',
  'vice_president',
  'secretary_general',
  'political_instructor',
  'branch_president',
  'branch_leader',
] as const satisfies readonly Position[];
const KINDS = [
  'fixed',
  'range',
  'per_count',
  'value_share',
  'discretionary',
  'committee',
  'dues',
] as const satisfies readonly ItemKind[];

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, '只能由小写字母、数字、下划线和点组成');
const points = z.number().int().nonnegative();
const positive = z.number().int().positive();
const tier = z.enum(TIERS);
const position = z.enum(POSITIONS);

const itemSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    category: z.string().min(1),
    kind: z.enum(KINDS),
    points: positive.optional(),
    range: z.tuple([positive, positive]).optional(),
    rate: z.number().positive().optional(),
    cap: positive.optional(),
    claimable: z.boolean(),
    article: z.string().optional(),
    unit: z.string().optional(),
    level: z.string().optional(),
    extras: z.object({ spoke: idSchema.optional(), hosted: idSchema.optional() }).strict().optional(),
    deduction: z.boolean().optional(),
    component: z.string().optional(),
    maxCount: positive.optional(),
    maxPerEvent: positive.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message: `“${item.name}”（${item.id}）${message}` });
    const kind = KIND_NAMES[item.kind];
    const needsPoints = item.kind === 'fixed' || item.kind === 'per_count';
    if (needsPoints && item.points === undefined) fail(`是${kind}项目，须填写分值`);
    if (!needsPoints && item.points !== undefined) fail(`是${kind}项目，不能填写固定分值`);
    if (item.kind === 'range' && !item.range) fail('是区间分值项目，须填写分值区间');
    if (item.range && item.range[0] > item.range[1]) fail('的分值区间下限不能大于上限');
    if (item.kind === 'value_share' && (item.rate === undefined || item.cap === undefined)) fail('是按价值折算项目，须填写折算比例和封顶分值');
    if (item.kind !== 'value_share' && (item.rate !== undefined || item.cap !== undefined)) fail('不是按价值折算项目，不能有折算比例和封顶分值');
    if (item.maxCount !== undefined && item.kind !== 'per_count') fail('不是按人次计分项目，不能有每次最多数量');
    if ((item.kind === 'dues' || item.kind === 'committee') && item.claimable) fail('是职务积分或会长会加分，不能由会员自行申报');
  });

const schemeSchema = z
  .object({
    name: z.string().min(1),
    version: positive,
    effectiveFrom: z.iso.datetime({ offset: true }),
    levels: z.array(z.object({ id: idSchema, name: z.string().min(1) }).strict()).min(1),
    items: z.array(itemSchema).min(1),
    authority: z
      .object({
        tiers: z.partialRecord(tier, points),
        positions: z.partialRecord(position, points),
        committees: z.object({ association: positive, branch: positive }).strict(),
      })
      .strict(),
    finalReview: z
      .object({
        byAuthority: z.array(z.object({ upTo: positive, position }).strict()).min(1),
        escalation: z.array(position).min(1),
        committee: position,
      })
      .strict(),
    dues: z
      .object({
        items: z.object({ annual: idSchema, monthly: idSchema, termBonus: idSchema }).strict(),
        annual: z.record(tier, points),
        monthly: z.record(tier, points),
        termBonus: z.object({ years: positive, points }).strict(),
      })
      .strict()
      .optional(),
    claimsWindowDays: positive.max(3650),
    ranking: z.object({ leaderTiers: z.array(tier) }).strict(),
    cycle: z.enum(['permanent', 'annual']),
    components: z.array(z.object({ id: idSchema, name: z.string().min(1), max: positive }).strict()).optional(),
    redemption: z
      .object({ rewards: z.array(z.object({ id: idSchema, name: z.string().min(1), cost: positive }).strict()) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((scheme, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    duplicates(scheme.items.map((i) => i.id)).forEach((id) => fail(`项目 id 重复: ${id}`));
    duplicates(scheme.levels.map((l) => l.id)).forEach((id) => fail(`级别 id 重复: ${id}`));
    duplicates(scheme.components?.map((c) => c.id) ?? []).forEach((id) => fail(`组成部分 id 重复: ${id}`));
    duplicates(scheme.redemption?.rewards.map((r) => r.id) ?? []).forEach((id) => fail(`兑换品 id 重复: ${id}`));

    const items = new Map(scheme.items.map((i) => [i.id, i]));
    const levels = new Set(scheme.levels.map((l) => l.id));
    const components = new Set(scheme.components?.map((c) => c.id) ?? []);
    for (const item of scheme.items) {
      if (item.level !== undefined && !levels.has(item.level)) fail(`${item.id}: 未知级别 ${item.level}`);
      if (item.component !== undefined && !components.has(item.component)) {
        fail(`${item.id}: 未知组成部分 ${item.component}`);
      }
      for (const extra of Object.values(item.extras ?? {})) {
        const target = extra === undefined ? undefined : items.get(extra);
        if (!target) fail(`${item.id}: 附加项目 ${extra} 不存在`);
        else if (target.kind !== 'fixed') fail(`${item.id}: 附加项目 ${extra} 必须是固定分值项目`);
      }
    }

    const { byAuthority, escalation, committee } = scheme.finalReview;
    duplicates(escalation).forEach((p) => fail(`终审逐级上报顺序重复: ${p}`));
    byAuthority.forEach((rule, i) => {
      if (i > 0 && rule.upTo <= byAuthority[i - 1].upTo) fail('终审表必须按权限从低到高排列');
      if (!escalation.includes(rule.position)) fail(`终审人 ${rule.position} 不在逐级上报顺序中`);
    });
    if (!escalation.includes(committee)) fail(`会长会加分的终审人 ${committee} 不在逐级上报顺序中`);

    const duesItems = scheme.items.filter((i) => i.kind === 'dues').map((i) => i.id);
    if (scheme.dues) {
      for (const id of Object.values(scheme.dues.items)) {
        if (items.get(id)?.kind !== 'dues') fail(`会费表引用的 ${id} 不是职务积分项目`);
      }
      const named = new Set(Object.values(scheme.dues.items));
      duesItems.filter((id) => !named.has(id)).forEach((id) => fail(`职务积分项目 ${id} 未在会费表中使用`));
    } else if (duesItems.length > 0) {
      fail('有职务积分项目但没有会费表');
    }
  });

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * Validates a scheme at load; throws INVALID_INPUT naming every problem. `details.issues` keeps the
 * validator's issues, so the api can say them in words (server/api/validation.ts).
 */
export function parseScheme(raw: unknown): Scheme {
  const result = schemeSchema.safeParse(raw);
  if (!result.success) {
    const text = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new DomainError('INVALID_INPUT', `积分方案无效：${text.join('；')}`, { issues: result.error.issues });
  }
  const scheme: Scheme = result.data;
  return scheme;
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

/** Dues points and committee decisions are never self-reported (SPEC §4). */
export function defaultClaimable(kind: ItemKind): boolean {
  return kind !== 'dues' && kind !== 'committee';
}
