/**
 * The 申报 form as plain data: what the chosen item asks for, the points it will earn (shown before
 * submitting), what is still missing, and the claim.submit payload.
 */
import type { CatalogItem, Claim, PayloadOf } from '../../../typings/api';
import { STEP_LABELS } from '../../format/labels';
import { earnedPoints, inputKindOf, percentText, signedPoints, type InputKind } from '../../format/points';

export interface ClaimForm {
  item: CatalogItem | null;
  occurredOn: string;
  /** Chosen points (range, discretionary). */
  points: number;
  /** Count (per_count). */
  count: number;
  /** Value in yuan as typed (value_share); parsed on use. */
  value: string;
  note: string;
  /** fileIDs of the uploaded photos. */
  evidence: string[];
}

export const NOTE_MAX_LENGTH = 500;

/** The typed value in yuan, or undefined when it is not a positive number. */
export function parseValue(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{0,2})?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value > 0 ? value : undefined;
}

function inputOf(form: ClaimForm) {
  return { points: form.points, count: form.count, value: parseValue(form.value) };
}

export interface Preview {
  /** The points the claim will earn, or null while the input is incomplete. */
  points: number | null;
  /** '+20', shown big; '–' while incomplete. */
  pointsText: string;
  /** A line under it: how the number comes about, or what is missing. */
  hint: string;
}

export function previewOf(form: ClaimForm): Preview {
  const { item } = form;
  if (!item) return { points: null, pointsText: '–', hint: '请选择申报项目' };
  const points = earnedPoints(item, inputOf(form));
  const pointsText = points === null ? '–' : signedPoints(points);
  switch (item.kind) {
    case 'fixed':
      return { points, pointsText, hint: '按细则固定分值' };
    case 'per_count':
      return { points, pointsText, hint: points === null ? `请填写${unitName(item)}` : `每${item.unit ?? '次'} ${item.points} 分 × ${form.count}` };
    case 'value_share': {
      if (points !== null) return { points, pointsText, hint: `价值 × ${percentText(item.rate ?? 0)}，向下取整，每件最高 ${item.cap} 分` };
      const value = parseValue(form.value);
      const least = item.rate ? Math.ceil(Math.round((1 / item.rate) * 1e6) / 1e6) : 0;
      return { points, pointsText, hint: value === undefined ? '请填写实事的价值' : `价值不足 ${least} ${item.unit ?? '元'}，不能获得积分` };
    }
    case 'range':
      return { points, pointsText, hint: item.range ? `可在 ${item.range[0]}–${item.range[1]} 分内申请，由初审人确认` : '' };
    case 'discretionary':
      return { points, pointsText, hint: '分值由审核人在其权限内确认（第十三条）' };
    case 'hours':
      return { points, pointsText, hint: `志愿服务时长按半小时计，每小时 ${item.rate ?? 0} 分${item.maxCount ? `，每次最多 ${item.maxCount} 小时` : ''}` };
    default:
      return { points, pointsText, hint: '' };
  }
}

function unitName(item: CatalogItem): string {
  return item.unit === '人' ? '人数' : item.unit ? `${item.unit}数` : '次数';
}

/** What stops the form from being submitted, in Chinese; null when it is complete. */
export function missingOf(form: ClaimForm): string | null {
  const { item } = form;
  if (!item) return '请选择申报项目';
  if (!form.occurredOn) return '请选择发生日期';
  if (form.note.length > NOTE_MAX_LENGTH) return `说明不能超过 ${NOTE_MAX_LENGTH} 字`;
  if (earnedPoints(item, inputOf(form)) !== null) return null;
  switch (inputKindOf(item)) {
    case 'points':
      return item.range ? `请填写分值（${item.range[0]}–${item.range[1]} 分）` : '请填写分值';
    case 'count':
      return `请填写${unitName(item)}`;
    case 'value':
      return parseValue(form.value) === undefined ? '请填写实事的价值（元）' : previewOf(form).hint;
    case 'hours':
      return `请填写服务时长（小时，按半小时计${item.maxCount ? `，最多 ${item.maxCount} 小时` : ''}）`;
    default:
      return null;
  }
}

/** The claim.submit payload: only the input the item asks for (SPEC §5). */
export function payloadOf(form: ClaimForm): PayloadOf<'claim.submit'> {
  if (!form.item) throw new Error('payloadOf: no item chosen');
  const payload: PayloadOf<'claim.submit'> = { itemId: form.item.id, occurredOn: form.occurredOn, note: form.note.trim() };
  const kind: InputKind = inputKindOf(form.item);
  if (kind === 'points') payload.points = form.points;
  if (kind === 'count') payload.count = form.count;
  if (kind === 'value' || kind === 'hours') payload.value = parseValue(form.value);
  if (form.evidence.length > 0) payload.evidence = [...form.evidence];
  return payload;
}

/** The starting input for a newly chosen item: the least points of its range, one count, no value. */
export function defaultsFor(item: CatalogItem): Pick<ClaimForm, 'points' | 'count' | 'value'> {
  return { points: item.range ? item.range[0] : 1, count: 1, value: '' };
}

/** What the page says once the claim is in: the item, its points, and who reviews it next. */
export function submittedOf(claim: Claim): { itemName: string; points: string; waitingFor: string } {
  const points = claim.lines.reduce((sum, line) => sum + line.points, 0);
  return {
    itemName: claim.itemName,
    points: points > 0 ? `+${points}` : String(points),
    waitingFor: claim.waitingFor ? `${claim.waitingFor.label}${claim.step ? ` ${STEP_LABELS[claim.step]}` : ''}` : '',
  };
}
