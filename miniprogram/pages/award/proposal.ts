/**
 * A leader's award before it is sent (第十三条 奖分权限, 第十五条 集体事件), or a 记分员's record
 * (seeds/002 六(一): it counts at once): which items fit which mode, what it will add up to, and what
 * the server would refuse. The server decides; these checks only spare a round trip and say why in
 * the same words.
 */
import type { CatalogItem, Claim, PayloadOf } from '../../../typings/api';
import { earnedPoints } from '../../format/points';

export type AwardMode = 'event' | 'discretionary' | 'record';

export const MODE_LABELS: Record<AwardMode, string> = { event: '集体事件', discretionary: '酌情奖分', record: '记分' };

/** The modes a caller is offered: leaders award (events, discretionary), recorders record. */
export function modesFor(can: { award: boolean; record: boolean }, secretariat: boolean): { value: AwardMode; label: string }[] {
  const modes: AwardMode[] = [];
  if (can.award || secretariat) modes.push('event', 'discretionary');
  if (can.record) modes.push('record');
  return modes.map((value) => ({ value, label: MODE_LABELS[value] }));
}

/** Categories whose items are collective events when the scheme gives them no marks. */
const EVENT_CATEGORIES = ['会议', '活动'];

export interface Attendee {
  memberId: string;
  name: string;
  branchName: string | null;
  spoke: boolean;
  hosted: boolean;
}

export interface Recipient {
  memberId: string;
  name: string;
  branchName: string | null;
  /** As typed: checked before sending. */
  points: string;
}

export interface Preview {
  lines: number;
  points: number;
}

/**
 * Items a collective event is recorded on: fixed meeting and activity items (or any item with marks),
 * leaving out the items that only exist as a mark on another one (speaking, hosting).
 */
export function eventItems(items: readonly CatalogItem[]): CatalogItem[] {
  const marks = new Set(items.flatMap((item) => [item.extras?.spoke, item.extras?.hosted]).filter(Boolean));
  return items.filter(
    (item) => item.kind === 'fixed' && !marks.has(item.id) && (item.extras !== undefined || EVENT_CATEGORIES.includes(item.category)),
  );
}

/**
 * Items a recorder records for their unit's people: fixed and per-count items, deductions included,
 * leaving out the marks of other items; in the catalog's order, so they read by category.
 */
export function recordItems(items: readonly CatalogItem[]): CatalogItem[] {
  const marks = new Set(items.flatMap((item) => [item.extras?.spoke, item.extras?.hosted]).filter(Boolean));
  return items.filter((item) => (item.kind === 'fixed' || item.kind === 'per_count') && !marks.has(item.id));
}

/** A record's lines and total: each person gets the item's points (times the count), negative for a deduction. */
export function recordPreview(item: CatalogItem, people: number, count: string): Preview {
  const each = earnedPoints(item, { count: Number(count) }) ?? 0;
  return { lines: people, points: Math.round(each * people * 100) / 100 };
}

/** Problems of a record before it is sent, in Chinese. */
export function recordProblems(item: CatalogItem, people: number, count: string, memberWord: string): string[] {
  const problems: string[] = [];
  if (people === 0) problems.push(`请选择记分的${memberWord}`);
  if (item.kind === 'per_count') {
    const n = Number(count);
    const most = item.maxCount;
    if (!/^\d+$/.test(count.trim()) || n < 1 || (most !== undefined && n > most)) {
      problems.push(`请填写${item.unit ?? '次'}数（1${most !== undefined ? `–${most}` : ' 以上'}的整数）`);
    }
  }
  return problems;
}

export function recordPayload(item: CatalogItem, occurredOn: string, people: readonly { memberId: string }[], note: string, count: string): ProposePayload {
  return {
    itemId: item.id,
    occurredOn,
    recipients: people.map(({ memberId }) => ({ memberId })),
    note: note.trim(),
    ...(item.kind === 'per_count' ? { count: Number(count) } : {}),
  };
}

/** Items whose points the proposer chooses: range and discretionary items; committee items for the secretariat. */
export function discretionaryItems(items: readonly CatalogItem[], secretariat: boolean): CatalogItem[] {
  return items.filter((item) => item.kind === 'range' || item.kind === 'discretionary' || (secretariat && item.kind === 'committee'));
}

function byId(items: readonly CatalogItem[]): Map<string, CatalogItem> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Lines and points of a collective event: one line per attendee, one more per mark. */
export function eventPreview(item: CatalogItem, attendees: readonly Attendee[], catalog: readonly CatalogItem[]): Preview {
  const items = byId(catalog);
  const markPoints = (id: string | undefined): number => (id ? (items.get(id)?.points ?? 0) : 0);
  let lines = 0;
  let points = 0;
  for (const attendee of attendees) {
    lines += 1;
    points += item.points ?? 0;
    if (attendee.spoke) {
      lines += 1;
      points += markPoints(item.extras?.spoke);
    }
    if (attendee.hosted) {
      lines += 1;
      points += markPoints(item.extras?.hosted);
    }
  }
  return { lines, points };
}

export interface PointsBounds {
  min: number;
  /** null: no limit the page knows of (a committee's authority is the server's to check). */
  max: number | null;
}

/**
 * A range item's points as they are typed: a deduction's by their size (catalog.get shows its range
 * negative; award.propose takes the size and the item says it is deducted).
 */
function typedRange(item: CatalogItem): [number, number | null] {
  if (item.kind !== 'range' || !item.range) return [1, null];
  const [a, b] = item.range.map(Math.abs);
  return [Math.min(a, b), Math.max(a, b)];
}

/**
 * What one recipient may get: the item's range, and the proposer's authority (第十三条) unless the
 * award is a committee decision, whose limit the server holds.
 */
export function pointsBounds(item: CatalogItem, authority: number, viaCommittee: boolean): PointsBounds {
  const [min, rangeMax] = typedRange(item);
  if (viaCommittee) return { min, max: rangeMax };
  return { min, max: rangeMax === null ? authority : Math.min(rangeMax, authority) };
}

/** Problems of a discretionary award, in Chinese; empty when it may be sent. */
export function discretionaryProblems(
  item: CatalogItem,
  recipients: readonly Recipient[],
  authority: number,
  viaCommittee: boolean,
): string[] {
  if (recipients.length === 0) return ['请至少选择一名会员'];
  const problems: string[] = [];
  const [rangeMin, rangeMax] = typedRange(item);
  for (const recipient of recipients) {
    const text = recipient.points.trim();
    const points = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(points) || points < rangeMin || (rangeMax !== null && points > rangeMax)) {
      const bounds = rangeMax === null ? `不小于${rangeMin}的整数` : `${rangeMin}–${rangeMax}分之间的整数`;
      problems.push(`${recipient.name}：请填写分值（${bounds}）`);
    } else if (!viaCommittee && points > authority) {
      problems.push(`${recipient.name}：超出奖分权限：本次需要${points}分权限，您的权限为${authority}分`);
    }
  }
  return problems;
}

export function discretionaryPreview(recipients: readonly Recipient[], item: CatalogItem): Preview {
  const total = recipients.reduce((sum, r) => sum + (Number(r.points) || 0), 0);
  return { lines: recipients.length, points: item.deduction ? -total : total };
}

type ProposePayload = PayloadOf<'award.propose'>;

export function eventPayload(item: CatalogItem, occurredOn: string, attendees: readonly Attendee[], note: string): ProposePayload {
  return {
    itemId: item.id,
    occurredOn,
    recipients: attendees.map(({ memberId, spoke, hosted }) => ({
      memberId,
      ...(spoke ? { spoke: true } : {}),
      ...(hosted ? { hosted: true } : {}),
    })),
    note: note.trim(),
  };
}

export function discretionaryPayload(
  item: CatalogItem,
  occurredOn: string,
  recipients: readonly Recipient[],
  note: string,
  committee?: { committee: string; reference: string },
): ProposePayload {
  const payload: ProposePayload = {
    itemId: item.id,
    occurredOn,
    recipients: recipients.map(({ memberId, points }) => ({ memberId, points: Number(points) })),
    note: note.trim(),
  };
  return committee ? { ...payload, committee: committee.committee, reference: committee.reference.trim() } : payload;
}

export interface Submission {
  /** 已提交，等待会长审批; or, for a split proposal, how many parts it became. */
  title: string;
  /** One line per claim of a split proposal: its final reviewer, its recipients, its total. */
  parts: { key: string; text: string }[];
}

/**
 * What the leader is told once the award is filed (第十四条): nobody reviews their own points, so an
 * event whose final reviewer attended is split, one claim per final reviewer, and each is named.
 */
export function submissionOf(claims: readonly Claim[]): Submission {
  if (claims.every((claim) => claim.status === 'approved')) {
    const people = new Set(claims.flatMap((claim) => claim.lines.map((line) => line.memberId))).size;
    const total = Math.round(claims.reduce((sum, claim) => sum + claim.total, 0) * 100) / 100;
    return { title: `已记分：${people} 人，合计 ${total} 分，已计入积分`, parts: [] };
  }
  if (claims.length === 1) return { title: `已提交，等待${claims[0].waitingFor?.label ?? '终审人'}审批`, parts: [] };
  return {
    title: `已按终审人分为 ${claims.length} 份提交（终审人不审批自己的积分）：`,
    parts: claims.map((claim) => {
      const names = [...new Set(claim.lines.map((line) => line.memberName))];
      const who = names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} 人` : names.join('、');
      return { key: claim._id, text: `${claim.waitingFor?.label ?? '终审人'}审批：${who}，${claim.lines.length} 条，合计 ${claim.total} 分` };
    }),
  };
}
