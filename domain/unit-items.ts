/**
 * Items a unit adds to the catalog for its own people (荆门 第四条: 各分会可细化制定实施细则，须经市新联会
 * 会长会审核通过后方可实施; seeds/002 附件: 其他支部自选分，由支部自选报党委审核后实施). The unit's head
 * proposes one; the root's deciders approve it (the template's `item` chain); it then applies to that
 * unit's people only, as a fixed item of the part it names.
 */
import { createHash } from 'crypto';
import type { CatalogItem } from '../typings/models';
import { DomainError } from './errors';
import type { Scheme } from './scheme';

export interface UnitItemInput {
  name: string;
  points: number;
  /** The part of the composition it counts toward (templates with one). */
  component?: string;
  /** Whether members may report it themselves; default yes. */
  claimable?: boolean;
}

/** An approved item of a unit. */
export interface UnitItem {
  /** The item's id. */
  _id: string;
  unitId: string;
  unitName: string;
  item: CatalogItem;
  claimId: string;
  approvedAt: string;
}

/** The id of a unit's item: `unit.<unit hash>.<claim hash>`, in the catalog's id form. */
export function unitItemId(unitId: string, claimId: string): string {
  const hash = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8);
  return `unit.u${hash(unitId)}.c${hash(claimId)}`;
}

/** The catalog item a unit proposes: fixed points, in a part of the composition, checked as the catalog's are. */
export function draftUnitItem(input: UnitItemInput, unitName: string, id: string, scheme: Scheme): CatalogItem {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 40) throw new DomainError('INVALID_INPUT', '项目名称应为 2–40 个字');
  if (!Number.isFinite(input.points) || input.points <= 0 || input.points > 100 || Math.round(input.points * 100) !== input.points * 100) {
    throw new DomainError('INVALID_INPUT', '分值应为 0–100 之间的正数，最多两位小数');
  }
  const parts = scheme.composition?.components ?? [];
  if (parts.length > 0 && !parts.some((c) => c.id === input.component)) {
    throw new DomainError('INVALID_INPUT', `请选择计入哪一部分：${parts.map((c) => c.name).join('、')}`);
  }
  if (parts.length === 0 && input.component !== undefined) throw new DomainError('INVALID_INPUT', '本方案的积分不分组成部分');
  if (scheme.items.some((i) => i.name === name)) throw new DomainError('INVALID_INPUT', `办法中已有“${name}”，无需自选`);
  const item: CatalogItem = { id, name, category: `${unitName}自选`, kind: 'fixed', points: input.points, claimable: input.claimable ?? true, article: '自选项目' };
  if (input.component) item.component = input.component;
  return item;
}

/** An item by id: the scheme's, or one of the unit's own (never another unit's). */
export function itemFor(scheme: Scheme, unitItems: readonly UnitItem[], itemId: string, unitId: string | null): CatalogItem {
  const own = scheme.items.find((i) => i.id === itemId) ?? unitItems.find((u) => u._id === itemId && u.unitId === unitId)?.item;
  if (!own) throw new DomainError('NOT_FOUND', '没有这个积分项目', { itemId });
  return own;
}
