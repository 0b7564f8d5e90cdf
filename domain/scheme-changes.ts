/**
 * What a new scheme version changes, in the Chinese lines of its notice (第二十条: a new version is
 * published as a notice): items added and removed, and for each item kept, its points, range, rate,
 * cap, name, category and whether members may self-report it.
 */
import type { CatalogItem } from '../typings/models';
import { KIND_NAMES } from './glossary';


/** How an item is scored, e.g. '40 分', '1–20 分', '每人 20 分', '按 1% 折算，最高 100 分'. */
export function describePoints(item: CatalogItem): string {
  switch (item.kind) {
    case 'fixed':
      return `${item.points} 分`;
    case 'per_count':
      return `每${item.unit ?? '次'} ${item.points} 分`;
    case 'range':
      return item.range ? rangeText(item.range) : KIND_NAMES.range;
    case 'value_share':
      return `按 ${percent(item.rate)} 折算，最高 ${item.cap} 分`;
    case 'discretionary':
      return '1 分至奖分权限';
    case 'committee':
      return '由会长会研究决定';
    case 'dues':
      return '按会费档次';
    case 'hours':
      return `每小时 ${item.rate} 分`;
  }
}

const capText = (what: string, cap: number | undefined, unit: string): string =>
  cap === undefined ? `${what.replace('最多', '')}不再限${unit}数` : `${what} ${cap} ${unit}`;

const rangeText = (range: [number, number]): string => (range[0] === range[1] ? `${range[0]} 分` : `${range[0]}–${range[1]} 分`);
const percent = (rate: number | undefined): string => `${Number(((rate ?? 0) * 100).toPrecision(6))}%`;

/** The change lines from `before` to `after`, in the order of the new catalog, removals last. */
export function schemeChanges(before: readonly CatalogItem[], after: readonly CatalogItem[]): string[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  const lines: string[] = [];
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) lines.push(`新增项目：${item.name}（${describePoints(item)}）`);
    else lines.push(...itemChanges(was, item));
  }
  for (const item of before) if (!kept.has(item.id)) lines.push(`删除项目：${item.name}`);
  return lines;
}

function itemChanges(was: CatalogItem, now: CatalogItem): string[] {
  const lines: string[] = [];
  if (was.name !== now.name) lines.push(`项目更名：${was.name} 改为 ${now.name}`);
  const name = now.name;
  if (was.kind !== now.kind) {
    lines.push(`${name}：计分方式由${KIND_NAMES[was.kind]}（${describePoints(was)}）改为${KIND_NAMES[now.kind]}（${describePoints(now)}）`);
  } else if (describePoints(was) !== describePoints(now)) {
    lines.push(`${name}：分值由 ${describePoints(was)} 改为 ${describePoints(now)}`);
  }
  if (was.category !== now.category) lines.push(`${name}：类别由“${was.category}”改为“${now.category}”`);
  if (was.claimable !== now.claimable) lines.push(`${name}：${now.claimable ? '改为可由会员自行申报' : '改为不可自行申报'}`);
  const extras = (item: CatalogItem) => JSON.stringify([item.extras?.spoke ?? null, item.extras?.hosted ?? null]);
  if (extras(was) !== extras(now)) lines.push(`${name}：发言、承办的附加项目有调整`);
  if (Boolean(was.deduction) !== Boolean(now.deduction)) lines.push(`${name}：${now.deduction ? '改为扣分项目' : '改为加分项目'}`);
  if (was.maxCount !== now.maxCount) lines.push(`${name}：${capText('每次申报最多', now.maxCount, now.unit ?? '次')}`);
  if (was.maxPerEvent !== now.maxPerEvent) lines.push(`${name}：${capText('每次活动最多', now.maxPerEvent, '人')}`);
  return lines;
}
