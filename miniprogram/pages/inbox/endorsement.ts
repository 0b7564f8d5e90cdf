/**
 * 第十五条: the endorser of a self-report may set the value of a range or discretionary item, within
 * the item's range and their own authority (第十三条). The server checks the same; this keeps the
 * stepper from offering a value it would refuse.
 */
import type { CatalogItem } from '../../../typings/api';

export interface PointsBounds {
  min: number;
  max: number;
}

/** null when the item's value is not the endorser's to set, or their authority cannot cover even the least value. */
export function endorsementBounds(item: Pick<CatalogItem, 'kind' | 'range'> | undefined, authority: number): PointsBounds | null {
  if (!item) return null;
  let min: number;
  let max: number;
  if (item.kind === 'range' && item.range) [min, max] = item.range;
  else if (item.kind === 'discretionary') [min, max] = [1, authority];
  else return null;
  max = Math.min(max, authority);
  return max >= min ? { min, max } : null;
}

/** A whole number within the bounds, or null when the entry is not one. */
export function boundedPoints(entry: string | number, bounds: PointsBounds): number | null {
  const text = String(entry).trim();
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= bounds.min && value <= bounds.max ? value : null;
}

export function clampPoints(value: number, bounds: PointsBounds): number {
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
}
