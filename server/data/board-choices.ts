/**
 * The values the 排行 page's filters offer (ranking.scopes): every unit with its active members (第一 before 第二), and
 * the professions and social roles active members hold, most held first (then by name). A board by
 * profession or social role matches the member's value exactly, so the page offers these instead of
 * asking for a typed word.
 */
import type { BoardChoice, BoardChoices } from '../../typings/api';
import { database } from '../cloud';
import { COLLECTIONS } from './collections';
import { loadBranches } from './branches';

/** Distinct values of `field` among active members and how many hold each (an array field is unwound first). */
async function countsOf(field: 'branchId' | 'profession' | 'socialRoles', unwind: boolean): Promise<Map<string, number>> {
  const $ = database().command.aggregate;
  let pipeline = database().collection(COLLECTIONS.members).aggregate().match({ status: 'active' });
  if (unwind) pipeline = pipeline.unwind(`$${field}`);
  const { list } = await pipeline
    .group({ _id: `$${field}`, members: $.sum(1) })
    .limit(1000)
    .end();
  const counts = new Map<string, number>();
  for (const group of list as { _id: unknown; members: number }[]) {
    if (typeof group._id === 'string' && group._id.trim() !== '') counts.set(group._id, group.members);
  }
  return counts;
}

const DIGITS = '一二三四五六七八九';

/** 一 to 九十九 as a number, so 第二党支部 sorts before 第十党支部. */
function chineseNumber(text: string): number {
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (c: string | undefined) => (c ? DIGITS.indexOf(c) + 1 : 0);
  return (text.includes('十') ? Math.max(1, digit(tens)) * 10 : 0) + digit(ones);
}

/** Units in the order people count them: 第一 before 第二 before 第十, then by name in Chinese. */
function unitOrder(a: string, b: string): number {
  const key = (name: string) => name.replace(/[一二三四五六七八九十]+/g, (n) => String(chineseNumber(n)).padStart(3, '0'));
  return key(a).localeCompare(key(b), 'zh-Hans-CN');
}

const byMembersThenName = (a: BoardChoice, b: BoardChoice) => b.members - a.members || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

function choicesOf(counts: Map<string, number>): BoardChoice[] {
  return [...counts].map(([value, members]) => ({ value, members })).sort(byMembersThenName);
}

export async function boardChoices(): Promise<BoardChoices> {
  const [units, perUnit, professions, socialRoles] = await Promise.all([
    loadBranches(),
    countsOf('branchId', false),
    countsOf('profession', false),
    countsOf('socialRoles', true),
  ]);
  return {
    units: units
      .map((unit) => ({ unitId: unit._id, name: unit.name, members: perUnit.get(unit._id) ?? 0 }))
      .sort((a, b) => unitOrder(a.name, b.name)),
    professions: choicesOf(professions),
    socialRoles: choicesOf(socialRoles),
  };
}
