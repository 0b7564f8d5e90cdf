/**
 * What a self-report will earn, computed in the page from the catalog item before submitting
 * (第五条 to 第十一条). The server computes it again and decides; this is the preview.
 */
import type { CatalogItem } from '../../typings/api';

export interface ClaimInput {
  points?: number;
  count?: number;
  value?: number;
}

/** Which input an item asks for on the 申报 form. */
export type InputKind = 'none' | 'points' | 'count' | 'value' | 'hours';

export function inputKindOf(item: CatalogItem): InputKind {
  switch (item.kind) {
    case 'range':
    case 'discretionary':
      return 'points';
    case 'per_count':
      return 'count';
    case 'value_share':
      return 'value';
    case 'hours':
      return 'hours';
    default:
      return 'none';
  }
}

const isWhole = (n: number | undefined): n is number => n !== undefined && Number.isSafeInteger(n) && n >= 1;

/**
 * An item's points and range as magnitudes: catalog.get shows a deduction's points negative
 * (SCHEMES.md §3), and its sign is the `deduction` flag.
 */
function magnitudes(item: CatalogItem): { points: number | undefined; range: [number, number] | undefined } {
  const points = item.points === undefined ? undefined : Math.abs(item.points);
  const range = item.range ? ([Math.abs(item.range[0]), Math.abs(item.range[1])].sort((a, b) => a - b) as [number, number]) : undefined;
  return { points, range };
}

/** The points the claim earns, or null while the input it needs is missing or out of range. */
export function earnedPoints(item: CatalogItem, input: ClaimInput): number | null {
  const sign = item.deduction ? -1 : 1;
  const { points, range } = magnitudes(item);
  switch (item.kind) {
    case 'fixed':
      return points === undefined ? null : sign * points;
    case 'per_count':
      return points === undefined || !isWhole(input.count) ? null : Math.round(sign * points * input.count * 100) / 100;
    case 'value_share': {
      const { value } = input;
      if (item.rate === undefined || item.cap === undefined || value === undefined || !(value > 0)) return null;
      // Same rounding as the server: away from binary noise (5700 × 0.01 = 56.99999999999999), then down.
      const earned = Math.floor(Math.round(value * item.rate * 1e6) / 1e6);
      return earned < 1 ? null : sign * Math.min(earned, item.cap);
    }
    case 'range': {
      if (!range || !isWhole(input.points)) return null;
      const [min, max] = range;
      return input.points < min || input.points > max ? null : sign * input.points;
    }
    case 'discretionary':
      return isWhole(input.points) ? sign * input.points : null;
    case 'hours': {
      // Same as the server (W2): half-hour steps, at most maxCount, rate per hour rounded down to half a point.
      const hours = input.value;
      if (item.rate === undefined || hours === undefined || !(hours > 0) || hours * 2 !== Math.round(hours * 2)) return null;
      if (item.maxCount !== undefined && hours > item.maxCount) return null;
      const earned = Math.floor((Math.round(hours * item.rate * 1e6) / 1e6) * 2) / 2;
      return earned > 0 ? sign * earned : null;
    }
    default:
      return null;
  }
}

/** How an item is scored, for the catalog list: '20分', '1–20分', '每人20分', '按价值1%，最高100分', '酌情'. */
export function itemPointsLabel(item: CatalogItem): string {
  const minus = item.deduction ? '-' : '';
  const { points, range } = magnitudes(item);
  switch (item.kind) {
    case 'fixed':
      return `${minus}${points ?? 0}分`;
    case 'per_count':
      return `每${item.unit ?? '次'}${minus}${points ?? 0}分`;
    case 'value_share':
      return `按价值${percentText(item.rate ?? 0)}，最高${item.cap ?? 0}分`;
    case 'range':
      return range ? `${item.deduction ? '扣' : ''}${range[0]}–${range[1]}分` : '酌情';
    case 'hours':
      return `每小时${item.rate ?? 0}分`;
    default:
      return '酌情';
  }
}

/** '1%', '15%', '0.5%': a share as a percentage, without trailing zeros. */
export function percentText(share: number): string {
  return `${Math.round(share * 10000) / 100}%`;
}

/** '+20', '-5', '0'. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}
