/**
 * The references between a scheme's parts, checked once every field has its form (scheme-schema.ts):
 * an item's part and cap group, a chain's roles, the publication's signer, outcomes' categories,
 * grades and vetoes, the fixed points' item, the shop's keeper, the dues table's categories; each
 * problem named in Chinese.
 */
import type { Scheme } from './scheme';

/** Every problem of the scheme's references, each told to `fail`. */
export function checkReferences(scheme: Scheme, fail: (message: string) => void): void {
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
