/**
 * The catalog as the 申报 picker shows it: the items a member may report (not dues, not committee
 * awards: 第五条, 第八条), grouped by category in the catalog's order.
 */
import type { CatalogItem } from '../../../typings/api';
import { inputKindOf, itemPointsLabel } from '../../format/points';

export interface ItemOption {
  id: string;
  name: string;
  pointsLabel: string;
  article: string;
}

export interface CategoryOption {
  name: string;
  items: ItemOption[];
}

/**
 * The items a member may report, with the points they may ask for bounded by `selfReportMax`: a
 * range above it (市级活动突出表现 1–20) is offered up to it, and a discretionary item (其他) gets
 * 1–`selfReportMax`, since no leader could endorse more (第十三条).
 */
export function reportableItems(items: readonly CatalogItem[], selfReportMax = Infinity): CatalogItem[] {
  return items
    .filter((item) => item.claimable && item.kind !== 'dues' && item.kind !== 'committee')
    .map((item) => {
      if (item.kind === 'range' && item.range && item.range[1] > selfReportMax) {
        return { ...item, range: [item.range[0], Math.max(item.range[0], selfReportMax)] as [number, number] };
      }
      if (item.kind === 'discretionary' && Number.isFinite(selfReportMax)) return { ...item, range: [1, selfReportMax] as [number, number] };
      return item;
    });
}

export function categoriesOf(items: readonly CatalogItem[]): CategoryOption[] {
  const categories: CategoryOption[] = [];
  for (const item of reportableItems(items)) {
    let category = categories.find((c) => c.name === item.category);
    if (!category) {
      category = { name: item.category, items: [] };
      categories.push(category);
    }
    category.items.push({ id: item.id, name: item.name, pointsLabel: itemPointsLabel(item), article: item.article ?? '' });
  }
  return categories;
}

/**
 * What the item field says before an item is chosen: what the catalog offers, in its own words (its
 * categories; a catalog of one category, its first items), so a company or a village is not shown
 * an association's 会议、活动.
 */
export function pickerHintOf(categories: readonly CategoryOption[]): string {
  const names = categories.length > 1 ? categories.map((c) => c.name) : (categories[0]?.items ?? []).map((i) => i.name);
  if (names.length === 0) return '';
  return names.length > 3 ? `${names.slice(0, 3).join('、')}等` : names.join('、');
}

/** One line under the chosen item: '会议 · 第六条 · 20分'. */
export function itemSummaryOf(item: CatalogItem): string {
  return [item.category, item.article, itemPointsLabel(item)].filter(Boolean).join(' · ');
}

/** The form's fields that follow from the chosen item: its name and summary, the input it asks for and its bounds. */
export function itemFieldsOf(item: CatalogItem) {
  return {
    itemId: item.id,
    itemName: item.name,
    itemSummary: itemSummaryOf(item),
    inputKind: inputKindOf(item),
    rangeMin: item.range ? item.range[0] : 1,
    rangeMax: item.range ? item.range[1] : 100,
    unit: item.unit ?? '',
  };
}
