/**
 * What one claim line is worth (第五条 to 第十一条), and how much of it is discretionary: the part an
 * approver's authority must cover (第十三条). Points set by the rulebook (fixed, per count, share of a
 * value) need verification, not authority; the chosen value of a range item, the `other` item and
 * committee awards are discretionary.
 */
import type { CatalogItem } from '../typings/models';
import { assertAuthorityCovers } from './authority';
import { DomainError } from './errors';
import { catalogItem, committeeName, type Scheme } from './scheme';

/** What the claimant or proposer entered; fields an item does not use are ignored. */
export interface LineInput {
  value?: number;
  count?: number;
  points?: number;
}

export interface LinePoints {
  /** Signed: negative for deduction items. */
  points: number;
  /** Points on this event that the deciding authority must cover; 0 for rulebook points. */
  discretionary: number;
}

/**
 * Points of one line. `authority`, when given, is the limit of whoever sets a discretionary value
 * (the proposer, the endorser or the committee); a value above it is OVER_AUTHORITY.
 */
export function linePoints(item: CatalogItem, input: LineInput, authority?: number): LinePoints {
  const { points, discretionary } = magnitude(item, input);
  if (authority !== undefined) assertAuthorityCovers(authority, discretionary);
  return { points: item.deduction ? -points : points, discretionary };
}

function magnitude(item: CatalogItem, input: LineInput): LinePoints {
  switch (item.kind) {
    case 'fixed':
      return { points: required(item.points, item), discretionary: 0 };
    case 'per_count': {
      const count = input.count;
      if (count === undefined || !Number.isSafeInteger(count) || count < 1) {
        throw invalid(`请填写${item.unit ? `${item.unit}数` : '次数'}（不小于1的整数）`, item);
      }
      if (item.maxCount !== undefined && count > item.maxCount) {
        throw invalid(`每次最多${item.maxCount}${item.unit ?? '次'}，本次填写了${count}${item.unit ?? '次'}；更多请分次申报或提交会长会研究`, item);
      }
      return { points: required(item.points, item) * count, discretionary: 0 };
    }
    case 'value_share':
      return { points: valueShare(item, input.value), discretionary: 0 };
    case 'range': {
      const [min, max] = required(item.range, item);
      const chosen = chosenPoints(input.points, min, max, item);
      return { points: chosen, discretionary: chosen };
    }
    case 'discretionary':
    case 'committee': {
      const chosen = chosenPoints(input.points, 1, Number.MAX_SAFE_INTEGER, item);
      return { points: chosen, discretionary: chosen };
    }
    case 'hours':
      return { points: volunteerPoints(item, input.value), discretionary: 0 };
    case 'dues':
      throw new DomainError('FORBIDDEN', '职务积分由秘书处根据会费记录计入，不能申报', { itemId: item.id });
  }
}

/**
 * seeds/004 第五篇 二(五)3 志愿服务时长兑换积分 (W1–W3): hours in half-hour steps, at most the item's
 * `maxCount` in one report (one day's service), converted at `rate` points an hour and rounded down
 * to half a point, as the 台账 records half hours.
 */
function volunteerPoints(item: CatalogItem, hours: number | undefined): number {
  const rate = required(item.rate, item);
  if (hours === undefined || !Number.isFinite(hours) || hours <= 0) throw invalid('请填写志愿服务时长（小时，大于0）', item);
  if (Math.round(hours * 2) !== hours * 2) throw invalid(`志愿服务时长按半小时计，${hours} 小时不是半小时的整数倍`, item);
  if (item.maxCount !== undefined && hours > item.maxCount) throw invalid(`每次最多申报 ${item.maxCount} 小时，本次填写了 ${hours} 小时；多日的服务请分日申报`, item);
  const points = Math.floor(Math.round(hours * rate * 1e6) / 1e6 * 2) / 2;
  if (points <= 0) throw invalid(`${hours} 小时不足半分，不能折算积分`, item);
  return points;
}

/** The hours a line of an hours item converts, kept on the claim line and the ledger entry (W3). */
export function hoursOf(item: CatalogItem, input: LineInput): { hours?: number } {
  return item.kind === 'hours' && input.value !== undefined ? { hours: input.value } : {};
}

/** 第八条: value × rate rounded down, at most cap per deed; a value too small to earn a point is refused. */
function valueShare(item: CatalogItem, value: number | undefined): number {
  const rate = required(item.rate, item);
  const cap = required(item.cap, item);
  const unit = item.unit ?? '';
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw invalid(`请填写实事的价值（大于0的数字${unit ? `，单位${unit}` : ''}）`, item);
  }
  // Round away binary noise (e.g. 700 × 0.01 = 7.000000000000001, 5700 × 0.01 = 56.99999999999999).
  const earned = Math.floor(Math.round(value * rate * 1e6) / 1e6);
  if (earned < 1) {
    const least = Math.ceil(Math.round((1 / rate) * 1e6) / 1e6);
    throw invalid(`价值不足${least}${unit}，不能获得积分`, item);
  }
  return Math.min(earned, cap);
}

function chosenPoints(points: number | undefined, min: number, max: number, item: CatalogItem): number {
  if (points === undefined || !Number.isSafeInteger(points) || points < min || points > max) {
    const bounds = max === Number.MAX_SAFE_INTEGER ? `不小于${min}的整数` : `${min}–${max}分之间的整数`;
    throw invalid(`请填写分值（${bounds}）`, item);
  }
  return points;
}

function required<T>(value: T | undefined, item: CatalogItem): T {
  // parseScheme guarantees the fields each kind needs; reaching this is a bug, not bad input.
  if (value === undefined) throw new DomainError('INTERNAL', '积分项目配置有误', { itemId: item.id });
  return value;
}

function invalid(message: string, item: CatalogItem): DomainError {
  return new DomainError('INVALID_INPUT', `${item.name}：${message}`, { itemId: item.id });
}

/** One recipient of a leader award or collective event (第十五条 集体事件). */
export interface AwardRecipient {
  memberId: string;
  points?: number;
  spoke?: boolean;
  hosted?: boolean;
}

export interface AwardLine extends CountsIn {
  memberId: string;
  itemId: string;
  itemName: string;
  points: number;
}

/** Where an item's points count in a composition: its part, monthly cap group and whether it deducts. */
export type CountsIn = Pick<CatalogItem, 'component' | 'capGroup' | 'deduction'>;

export function countsIn(item: CatalogItem): CountsIn {
  const out: CountsIn = {};
  if (item.component) out.component = item.component;
  if (item.capGroup) out.capGroup = item.capGroup;
  if (item.deduction) out.deduction = true;
  return out;
}

/**
 * The lines of a collective event: one line on the item per recipient, plus a separate line for each
 * mark (spoke → the item's `extras.spoke`, hosted → `extras.hosted`). `discretionary` is the largest
 * discretionary value of any one line: authority caps points per person per event (第十三条).
 */
export function awardLines(
  item: CatalogItem,
  recipients: readonly AwardRecipient[],
  scheme: Scheme,
  options: { authority?: number; value?: number; count?: number } = {},
): { lines: AwardLine[]; discretionary: number } {
  if (recipients.length === 0) throw invalid('请至少选择一名会员', item);
  const seen = new Set<string>();
  const lines: AwardLine[] = [];
  const used = new Map<string, CatalogItem>([[item.id, item]]);
  let discretionary = 0;
  for (const recipient of recipients) {
    if (seen.has(recipient.memberId)) throw invalid('同一会员不能重复出现在名单中', item);
    seen.add(recipient.memberId);
    const own = linePoints(item, { points: recipient.points, value: options.value, count: options.count }, options.authority);
    discretionary = Math.max(discretionary, own.discretionary);
    lines.push({ memberId: recipient.memberId, itemId: item.id, itemName: item.name, points: own.points, ...countsIn(item) });
    for (const mark of ['spoke', 'hosted'] as const) {
      if (!recipient[mark]) continue;
      const extraId = item.extras?.[mark];
      if (!extraId) throw invalid(mark === 'spoke' ? '该项目没有发言加分' : '该项目没有承办加分', item);
      const extra = catalogItem(scheme, extraId);
      used.set(extra.id, extra);
      lines.push({ memberId: recipient.memberId, itemId: extra.id, itemName: extra.name, points: linePoints(extra, {}).points, ...countsIn(extra) });
    }
  }
  assertPerEventCaps(lines, used, scheme);
  return { lines, discretionary };
}

/** An item with `maxPerEvent` may appear on at most that many lines of one event (e.g. 3 hosts). */
function assertPerEventCaps(lines: readonly AwardLine[], items: ReadonlyMap<string, CatalogItem>, scheme: Scheme): void {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.itemId, (counts.get(line.itemId) ?? 0) + 1);
  for (const [itemId, n] of counts) {
    const item = items.get(itemId)!;
    if (item.maxPerEvent !== undefined && n > item.maxPerEvent) {
      throw invalid(`每次最多${item.maxPerEvent}人，本次有${n}人；更多请提交${committeeName(scheme, 'root')}研究`, item);
    }
  }
}

/** The points a claim posts if approved: the sum of its lines, leaving out excluded ones. */
export function claimTotal(lines: readonly { points: number; excluded?: string }[]): number {
  return lines.reduce((sum, line) => (line.excluded ? sum : sum + line.points), 0);
}

/**
 * An item as catalog.get shows it (SCHEMES.md §3): a deduction's points, or its range, negative.
 * The scheme stores magnitudes with the `deduction` flag; storedItem() is the way back.
 */
export function shownItem(item: CatalogItem): CatalogItem {
  if (!item.deduction) return item;
  const shown: CatalogItem = { ...item };
  if (item.points !== undefined) shown.points = -Math.abs(item.points);
  if (item.range) shown.range = [-Math.abs(item.range[1]), -Math.abs(item.range[0])];
  return shown;
}

/** An item as the scheme stores it, whichever sign a deduction was given in (an edited catalog). */
export function storedItem<T extends Pick<CatalogItem, 'deduction' | 'points' | 'range'>>(item: T): T {
  if (!item.deduction) return item;
  const stored: T = { ...item };
  if (item.points !== undefined) stored.points = Math.abs(item.points);
  if (item.range) stored.range = [Math.abs(item.range[0]), Math.abs(item.range[1])].sort((a, b) => a - b) as [number, number];
  return stored;
}
