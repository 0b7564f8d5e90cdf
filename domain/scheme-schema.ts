/**
 * Validation of a scheme (scheme.ts) when it is loaded or published: every field's form, and every
 * reference between its parts (an item's part and cap group, a chain's roles, the dues table's
 * categories), each problem named in Chinese.
 */
import { z } from 'zod';
import type { ItemKind } from '../typings/models';
import { PERIODS } from './calendar';
import { DomainError } from './errors';
import { KIND_NAMES } from './glossary';
import type { Scheme } from './scheme';

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
    claimsWindowDays: positive.max(3650),
    shop: shopSchema.optional(),
  })
  .strict()
  .superRefine((scheme, ctx) => checkReferences(scheme as Scheme, (message) => ctx.addIssue({ code: 'custom', message })));

function checkReferences(scheme: Scheme, fail: (message: string) => void): void {
  const { organisation, review } = scheme;
  duplicates(scheme.items.map((i) => i.id)).forEach((id) => fail(`项目 id 重复: ${id}`));
  duplicates(scheme.levels.map((l) => l.id)).forEach((id) => fail(`级别 id 重复: ${id}`));
  duplicates(organisation.roles.map((r) => r.id)).forEach((id) => fail(`职务 id 重复: ${id}`));
  duplicates(organisation.categories.map((c) => c.id)).forEach((id) => fail(`类别 id 重复: ${id}`));

  const items = new Map(scheme.items.map((i) => [i.id, i]));
  const levels = new Set(scheme.levels.map((l) => l.id));
  const components = new Set(scheme.composition?.components.map((c) => c.id) ?? []);
  const capGroups = new Set(scheme.composition?.capGroups?.map((g) => g.id) ?? []);
  for (const item of scheme.items) {
    if (item.level !== undefined && !levels.has(item.level)) fail(`${item.id}: 未知级别 ${item.level}`);
    if (item.component !== undefined && !components.has(item.component)) fail(`${item.id}: 未知组成部分 ${item.component}`);
    if (scheme.composition && item.component === undefined && item.kind !== 'dues') fail(`${item.id}: 须注明计入哪个组成部分`);
    if (item.capGroup !== undefined && !capGroups.has(item.capGroup)) fail(`${item.id}: 未知封顶组 ${item.capGroup}`);
    for (const extra of Object.values(item.extras ?? {})) {
      const target = extra === undefined ? undefined : items.get(extra);
      if (!target) fail(`${item.id}: 附加项目 ${extra} 不存在`);
      else if (target.kind !== 'fixed') fail(`${item.id}: 附加项目 ${extra} 必须是固定分值项目`);
    }
  }
  if (capGroups.size > 0 && !scheme.calendar.periods.includes('month')) fail('有每月封顶的项目，须按月统计');

  const roles = new Map(organisation.roles.map((r) => [r.id, r]));
  const categories = new Set(organisation.categories.map((c) => c.id));
  const knownRole = (id: string, where: string) => roles.has(id) || fail(`${where}引用了不存在的职务 ${id}`);
  if (organisation.defaultCategory !== null && !categories.has(organisation.defaultCategory)) fail(`默认类别 ${organisation.defaultCategory} 不存在`);
  duplicates(review.escalation).forEach((id) => fail(`终审逐级上报顺序重复: ${id}`));
  review.escalation.forEach((id) => knownRole(id, '逐级上报顺序'));
  review.bands.forEach((rule, i) => {
    knownRole(rule.role, '终审表');
    if (i > 0 && rule.upTo <= review.bands[i - 1].upTo) fail('终审表必须按权限从低到高排列');
    if (!review.escalation.includes(rule.role)) fail(`终审人 ${rule.role} 不在逐级上报顺序中`);
  });
  for (const [kind, steps] of Object.entries(review.chains)) {
    for (const step of steps) {
      if (step.kind === 'roles') step.roles.forEach((id) => knownRole(id, `${kind} 审核链`));
      if (step.kind === 'band' && review.bands.length === 0) fail(`${kind} 审核链按权限终审，但没有终审表`);
    }
  }
  if (scheme.publication) {
    const signer = roles.get(scheme.publication.signedBy);
    if (!signer) fail(`公示签字人 ${scheme.publication.signedBy} 不存在`);
    else if (!signer.rights.includes('sign')) fail(`公示签字人 ${signer.name} 没有签字权`);
  }
  for (const { category } of scheme.outcomes?.categoryWarnings ?? []) if (!categories.has(category)) fail(`预警引用了不存在的类别 ${category}`);
  const probationary = scheme.outcomes?.stars?.probationary;
  if (probationary && !categories.has(probationary)) fail(`星级引用了不存在的类别 ${probationary}`);
  for (const category of scheme.outcomes?.plaques?.categories ?? []) if (!categories.has(category)) fail(`挂牌公示引用了不存在的类别 ${category}`);
  const rankStars = scheme.outcomes?.rankStars ?? [];
  rankStars.forEach((band, i) => {
    if (i > 0 && (band.share <= rankStars[i - 1].share || band.stars >= rankStars[i - 1].stars)) fail('按名次评星须从高星级到低星级、按比例从小到大排列');
  });

  checkGradesAndVetoes(scheme, components, fail);
  checkFixedPoints(scheme, fail);
  if (scheme.shop) {
    const keeper = roles.get(scheme.shop.keeperRole);
    if (!keeper) fail(`积分超市的店员职务 ${scheme.shop.keeperRole} 不存在`);
    else if (!/店|超市/.test(keeper.name)) fail(`积分超市的店员职务“${keeper.name}”的名称应含“店”或“超市”`);
  }

  const duesItems = scheme.items.filter((i) => i.kind === 'dues').map((i) => i.id);
  if (scheme.dues) {
    for (const id of Object.values(scheme.dues.items)) if (items.get(id)?.kind !== 'dues') fail(`会费表引用的 ${id} 不是职务积分项目`);
    const named = new Set(Object.values(scheme.dues.items));
    duesItems.filter((id) => !named.has(id)).forEach((id) => fail(`职务积分项目 ${id} 未在会费表中使用`));
    for (const id of [...Object.keys(scheme.dues.annual), ...Object.keys(scheme.dues.monthly)]) if (!categories.has(id)) fail(`会费表引用了不存在的类别 ${id}`);
    // Whoever pays annual dues earns monthly points too (第五条 1、2): both tables name the same categories.
    for (const id of Object.keys(scheme.dues.annual)) if (scheme.dues.monthly[id] === undefined) fail(`dues.monthly 缺少类别 ${id}`);
    for (const id of Object.keys(scheme.dues.monthly)) if (scheme.dues.annual[id] === undefined) fail(`dues.annual 缺少类别 ${id}`);
  } else if (duesItems.length > 0) {
    fail('有职务积分项目但没有会费表');
  }
}

/** Grades name their quota, failing grade and tie-breaking parts; vetoes need a chain to decide them and, to fail a member, grades. */
function checkGradesAndVetoes(scheme: Scheme, components: ReadonlySet<string>, fail: (message: string) => void): void {
  const grades = scheme.outcomes?.grades;
  if (grades) {
    const ids = new Set(grades.grades.map((g) => g.id));
    duplicates(grades.grades.map((g) => g.id)).forEach((id) => fail(`等次 id 重复: ${id}`));
    if (!grades.grades.some((g) => g.atLeast === 0)) fail('须有一个等次从 0 分起，每个得分才有等次');
    if (!ids.has(grades.disqualified)) fail(`不合格等次 ${grades.disqualified} 不在等次之中`);
    if (grades.quota) {
      const limited = grades.grades.find((g) => g.id === grades.quota!.grade);
      if (!limited) fail(`名额限制的等次 ${grades.quota.grade} 不在等次之中`);
      else if (!grades.grades.some((g) => g.atLeast < limited.atLeast)) fail(`等次“${limited.name}”有名额限制，其下须还有等次`);
    }
    grades.tiebreak.filter((part) => !components.has(part)).forEach((part) => fail(`等次并列时比较的组成部分 ${part} 不存在`));
  }
  const vetoes = scheme.outcomes?.vetoes ?? [];
  duplicates(vetoes.map((v) => v.id)).forEach((id) => fail(`一票否决条件 id 重复: ${id}`));
  if (vetoes.length > 0 && !scheme.review.chains.veto) fail('有一票否决条件，须有一票否决的审核链');
  if (vetoes.length === 0 && scheme.review.chains.veto) fail('有一票否决的审核链，但没有一票否决条件');
  for (const veto of vetoes) if (veto.effect === 'fail' && !grades) fail(`一票否决条件“${veto.name}”直接视作不合格，须设等次`);
}

/** The fixed points' item is in the catalog and never reported by hand; attributes and values are named once. */
function checkFixedPoints(scheme: Scheme, fail: (message: string) => void): void {
  const fixed = scheme.fixedPoints;
  if (!fixed) return;
  const item = scheme.items.find((i) => i.id === fixed.item);
  if (!item) fail(`固定积分项目 ${fixed.item} 不在项目表中`);
  else if (item.claimable || item.kind !== 'discretionary') fail(`固定积分项目 ${fixed.item} 须为不可申报的自定分值项目`);
  duplicates(fixed.attributes.map((a) => a.id)).forEach((id) => fail(`固定积分项 id 重复: ${id}`));
  for (const attribute of fixed.attributes) duplicates(attribute.values.map((v) => v.id)).forEach((id) => fail(`${attribute.name}的取值 id 重复: ${id}`));
}

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
  return result.data as Scheme;
}
