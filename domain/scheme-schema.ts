/**
 * Validation of a scheme (scheme.ts) when it is loaded or published: every field's form, and then
 * every reference between its parts (scheme-references.ts), each problem named in Chinese.
 */
import { z } from 'zod';
import type { ItemKind } from '../typings/models';
import { PERIODS } from './calendar';
import { DomainError } from './errors';
import { KIND_NAMES } from './glossary';
import type { Scheme } from './scheme';
import { checkReferences } from './scheme-references';

const KINDS = ['fixed', 'range', 'per_count', 'value_share', 'discretionary', 'committee', 'dues', 'hours'] as const satisfies readonly ItemKind[];

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, '只能由小写字母、数字、下划线和点组成');
const name = z.string().min(1);
const positive = z.number().int().positive();
/** Points of an item: halves and quarters occur (seeds/002 扣 0.5 分); kept to two decimals. */
const itemPoints = z.number().nonnegative().refine((n) => Math.round(n * 100) === n * 100, '最多两位小数');
const limit = z.number().int().nonnegative();

const itemSchema = z
  .object({
    id: idSchema,
    name,
    category: name,
    kind: z.enum(KINDS),
    points: itemPoints.optional(),
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
    capGroup: z.string().optional(),
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
    if (item.kind === 'per_count' && item.points === 0) fail('按人次计分，每次分值须大于 0');
    if (item.kind === 'range' && !item.range) fail('是区间分值项目，须填写分值区间');
    if (item.range && item.range[0] > item.range[1]) fail('的分值区间下限不能大于上限');
    if (item.kind === 'value_share' && (item.rate === undefined || item.cap === undefined)) fail('是按价值折算项目，须填写折算比例和封顶分值');
    if (item.kind === 'hours' && (item.rate === undefined || item.cap !== undefined)) fail('是志愿服务时长项目，须填写每小时分值，不设封顶分值');
    if (item.kind !== 'value_share' && item.kind !== 'hours' && (item.rate !== undefined || item.cap !== undefined)) fail('不是按价值折算项目，不能有折算比例和封顶分值');
    if (item.maxCount !== undefined && item.kind !== 'per_count' && item.kind !== 'hours') fail('不是按人次计分项目，不能有每次最多数量');
    if ((item.kind === 'dues' || item.kind === 'committee') && item.claimable) fail('是职务积分或会长会加分，不能由会员自行申报');
    if (item.capGroup !== undefined && item.deduction) fail('是扣分项目，不计入每月封顶');
  });

const rights = z.array(z.enum(['award', 'record', 'sign', 'read', 'remind', 'shop']));
const organisationSchema = z
  .object({
    root: z.object({ kind: idSchema, name }).strict(),
    unitKinds: z.array(z.object({ id: idSchema, name }).strict()),
    categories: z.array(z.object({ id: idSchema, name, limit: limit.optional(), rankedApart: z.boolean().optional() }).strict()).min(1),
    defaultCategory: idSchema.nullable(),
    roles: z.array(z.object({ id: idSchema, name, at: z.enum(['root', 'unit']), limit: limit.optional(), official: z.boolean().optional(), rights }).strict()),
    committees: z.array(z.object({ at: z.enum(['root', 'unit']), name, limit: positive }).strict()),
    households: z.boolean().optional(),
  })
  .strict();

const stepSchema = z.union([
  z.object({ kind: z.literal('leaders') }).strict(),
  z.object({ kind: z.literal('band') }).strict(),
  z.object({ kind: z.literal('roles'), roles: z.array(idSchema).min(1) }).strict(),
]);
const chain = z.array(stepSchema).max(2, '审核最多两步');
const reviewSchema = z
  .object({
    chains: z
      .object({
        self: chain,
        award: chain,
        committee: chain,
        correction: chain,
        objection: chain,
        item: chain,
        // 篇十六 (二): one body decides a veto (the 支部考评小组, else up the escalation).
        veto: z.array(stepSchema).min(1, '一票否决须有认定的环节').max(1, '一票否决由一个环节认定').optional(),
      })
      .strict(),
    bands: z.array(z.object({ upTo: positive, role: idSchema }).strict()),
    escalation: z.array(idSchema),
    beyondLimit: z.literal('escalate').optional(),
  })
  .strict();

const period = z.enum(PERIODS as [string, ...string[]]);
const band = z.object({ below: z.number(), id: idSchema, name, consequence: z.string().optional() }).strict();

/** 等次 (seeds/001 篇一 三、4): bands by score, a quota on one of them, the failing grade, the parts that break a tie. */
const gradesSchema = z
  .object({
    grades: z.array(z.object({ id: idSchema, name, atLeast: z.number().min(0, '等次的起点不能低于 0 分') }).strict()).min(2, '等次至少两个'),
    quota: z
      .object({
        grade: idSchema,
        share: z.number().gt(0, '名额比例须大于 0').max(1, '名额比例不能超过 1'),
        minimum: z.number().int('保底名额须为整数').nonnegative('保底名额不能为负'),
      })
      .strict()
      .optional(),
    disqualified: idSchema,
    tiebreak: z.array(idSchema),
  })
  .strict();

/** 一票否决 conditions (篇二十一: 归零; 篇一: 直接视作不合格). */
const vetoesSchema = z.array(z.object({ id: idSchema, name, effect: z.enum(['zero', 'fail', 'bar'], { error: '效果应为 zero（积分归零）、fail（直接视作不合格）或 bar（仍可积分但不参与兑换）' }), article: name }).strict()).min(1, '一票否决条件不能为空');

/** 积分超市 (seeds/004 第三篇 四(五)1②, 五): who hands over, how long a reservation waits, the subsidy, the redemption days. */
const shopSchema = z
  .object({
    keeperRole: idSchema,
    reservationDays: z.number().int('预约保留天数须为整数').min(1, '预约保留天数至少 1 天').max(366, '预约保留天数不能超过 366 天').optional(),
    subsidyShare: z.number().min(0, '财政补助比例不能为负').max(0.5, '财政补助不能超过商品单价的 50%'),
    redemptionDays: z
      .object({
        day: z.number().int().min(1, '兑换日应为 1–28 日').max(28, '兑换日应为 1–28 日'),
        months: z.array(z.number().int().min(1).max(12)).min(1),
      })
      .strict()
      // 004: 原则上每季度至少组织开展一次积分兑换活动.
      .refine((days) => [0, 1, 2, 3].every((q) => days.months.some((m) => Math.floor((m - 1) / 3) === q)), '每季度至少要有一个兑换日'),
    maxQuantity: z.number().int().min(1).max(100).optional(),
  })
  .strict();

/** 固定积分 (seeds/004 五、1): monthly points per attribute value. */
const fixedPointsSchema = z
  .object({
    item: idSchema,
    attributes: z
      .array(z.object({ id: idSchema, name, values: z.array(z.object({ id: idSchema, name, points: itemPoints }).strict()).min(1, '每项固定积分至少有一个取值') }).strict())
      .min(1, '固定积分至少有一项'),
  })
  .strict();

const schemeSchema = z
  .object({
    // Template ids are words joined by hyphens (party-branch, SCHEMES.md §1).
    template: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, '只能由小写字母、数字和连字符组成'),
    name,
    version: positive,
    effectiveFrom: z.iso.datetime({ offset: true }),
    words: z.object({ member: name, category: name, direct: name }).strict(),
    boards: z
      .object({ whole: name, groups: z.boolean(), categories: z.boolean(), facets: z.array(z.enum(['profession', 'socialRole'])) })
      .strict()
      .optional(),
    organisation: organisationSchema,
    review: reviewSchema,
    calendar: z
      .object({
        cycle: z.union([z.object({ kind: z.literal('permanent') }).strict(), z.object({ kind: z.literal('annual'), startMonth: z.number().int().min(1).max(12) }).strict()]),
        periods: z.array(period).min(1),
      })
      .strict(),
    composition: z
      .object({
        components: z.array(z.object({ id: idSchema, name, max: z.number().positive(), startsFull: z.boolean().optional(), bonus: z.boolean().optional(), weight: z.number().positive().max(1).optional(), floor: z.number().max(0).optional() }).strict()).min(1),
        capGroups: z.array(z.object({ id: idSchema, name, perMonth: z.number().positive() }).strict()).optional(),
      })
      .strict()
      .optional(),
    outcomes: z
      .object({
        warnings: z.array(band).optional(),
        categoryWarnings: z.array(z.object({ category: idSchema, bands: z.array(band) }).strict()).optional(),
        repeats: z.array(z.object({ warning: idSchema, cycles: z.number().int().min(2), flag: name }).strict()).optional(),
        stars: z
          .object({
            bands: z.array(z.object({ stars: z.number().int().min(1).max(5), atLeast: z.number().min(0) }).strict()).min(1),
            probationary: idSchema.optional(),
          })
          .strict()
          .optional(),
        periods: z.array(z.enum(['month', 'quarter', 'half', 'year', 'cycle'])).min(1).optional(),
        rankStars: z.array(z.object({ stars: z.number().int().min(1).max(5), share: z.number().positive().max(1) }).strict()).min(1).optional(),
        bottom: z.object({ share: z.number().positive().max(1), least: z.number().int().min(1) }).strict().optional(),
        plaques: z.object({ categories: z.array(idSchema).min(1), top: z.number().int().min(1) }).strict().optional(),
        grades: gradesSchema.optional(),
        vetoes: vetoesSchema.optional(),
      })
      .strict()
      .optional(),
    publication: z
      .object({
        periods: z.array(z.enum(['month', 'quarter', 'half', 'year', 'cycle'])).min(1),
        windowWorkingDays: positive,
        signedBy: idSchema,
      })
      .strict()
      .optional(),
    levels: z.array(z.object({ id: idSchema, name }).strict()),
    items: z.array(itemSchema).min(1),
    dues: z
      .object({
        items: z.object({ annual: idSchema, monthly: idSchema, termBonus: idSchema }).strict(),
        annual: z.record(z.string(), limit),
        monthly: z.record(z.string(), limit),
        termBonus: z.object({ years: positive, points: limit }).strict(),
      })
      .strict()
      .optional(),
    fixedPoints: fixedPointsSchema.optional(),
    separation: z.object({ atOrBelow: z.number(), reprieves: z.number().int().nonnegative() }).strict().optional(),
    payroll: z.boolean().optional(),
    reminderArticle: z.string().min(1).max(20).optional(),
    claimsWindowDays: positive.max(3650),
    shop: shopSchema.optional(),
  })
  .strict()
  .superRefine((scheme, ctx) => checkReferences(scheme as Scheme, (message) => ctx.addIssue({ code: 'custom', message })));

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
  return result.data as Scheme;
}
