/**
 * 六、4 (seeds/004 第一篇): the month-end list of accounts at zero or below, for HR (人力资源部, the
 * secretariat), and the one reprieve (一次不离职的机会) HR records for a person on it. The list says
 * who has used theirs; a second is refused by name (docs/rules.md E13–E16).
 */
import { z } from 'zod';
import type { NegativeRow } from '../../../typings/api';
import type { Reprieve } from '../../../typings/models';
import { periodRange } from '../../../domain/calendar';
import { DomainError } from '../../../domain/errors';
import { shanghaiDate } from '../../../domain/periods';
import { assertEndedMonth, isListed, monthEndKeys, monthEndTotals, reprieveRefusal, separationOf } from '../../../domain/separation';
import type { Scheme } from '../../../domain/scheme';
import { defineAction } from '../action';
import { id, monthKey, note } from '../validation';
import { database, getOrNull, type Tx } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import type { StoredTally } from '../../data/ledger';
import { readAll, type StoredMember } from '../../data/members';

const reprieveId = (memberId: string, n: number): string => `${memberId}:${n}`;

/** Totals at the month's end of the given members (all of them: those without a tally stand at 0). */
async function totalsAt(month: string, memberIds: readonly string[], now: Date): Promise<Map<string, number>> {
  const db = database();
  const _ = db.command;
  const keys = monthEndKeys(month, now);
  const tallies: StoredTally[] = [];
  for (let i = 0; i < memberIds.length; i += 500) {
    const where = { memberId: _.in(memberIds.slice(i, i + 500)), key: _.in([keys.all, ...keys.later]) };
    tallies.push(...(await readAll<StoredTally>(db.collection(COLLECTIONS.tallies).where(where))));
  }
  return monthEndTotals(tallies, keys);
}

/** Active people on file by the month's end (someone who joined later is not on its list). */
function onFileBy(member: StoredMember, month: string, scheme: Scheme): boolean {
  return member.status === 'active' && shanghaiDate(new Date(member.createdAt)) <= periodRange('month', month, scheme.calendar).to;
}

export const adminNegativesList = defineAction('admin.negatives.list', {
  schema: z.object({ month: monthKey, branchId: id.optional() }).strict(),
  access: 'secretariat',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const def = separationOf(scheme);
    assertEndedMonth(payload.month, ctx.now);
    const db = database();
    const where: Record<string, unknown> = { status: 'active' };
    if (payload.branchId !== undefined) where.branchId = payload.branchId;
    const people = (await readAll<StoredMember>(db.collection(COLLECTIONS.members).where(where))).filter((m) => onFileBy(m, payload.month, scheme));
    const totals = await totalsAt(payload.month, people.map((m) => m._id), ctx.now);
    const listed = people.filter((m) => isListed(totals.get(m._id) ?? 0, def));
    const reprieves = listed.length === 0 ? [] : await readAll<Reprieve>(db.collection(COLLECTIONS.reprieves).where({ memberId: db.command.in(listed.map((m) => m._id)) }));
    const rows: NegativeRow[] = listed
      .map((m) => ({
        memberId: m._id,
        name: m.name,
        branchId: m.branchId,
        branchName: m.branchName,
        total: totals.get(m._id) ?? 0,
        reprieve: reprieves.find((r) => r.memberId === m._id) ?? null,
      }))
      .sort((a, b) => a.total - b.total || (a.branchName ?? '').localeCompare(b.branchName ?? '') || a.name.localeCompare(b.name));
    return { month: payload.month, atOrBelow: def.atOrBelow, rows };
  },
});

export const adminReprieveRecord = defineAction('admin.reprieve.record', {
  schema: z.object({ memberId: id, month: monthKey, note: note().pipe(z.string().min(1, '请填写申请情况')) }).strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const def = separationOf(scheme);
    assertEndedMonth(payload.month, ctx.now);
    const recorder = await ctx.member();
    const total = (await totalsAt(payload.month, [payload.memberId], ctx.now)).get(payload.memberId) ?? 0;
    return ctx.transact(async (tx) => {
      const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(payload.memberId));
      if (!member) throw new DomainError('NOT_FOUND', `${scheme.words.member}不存在`);
      if (!onFileBy({ ...member, _id: payload.memberId }, payload.month, scheme)) throw new DomainError('INVALID_INPUT', `${member.name}不在 ${payload.month} 的名单上`);
      // Read every place a reprieve of the person could be, so two HR staff recording at once conflict.
      const given = await givenReprieves(tx, payload.memberId, def.reprieves);
      const refusal = reprieveRefusal(member.name, payload.month, total, given, def);
      if (refusal) throw refusal;
      const reprieve: Reprieve = {
        _id: reprieveId(payload.memberId, given.length + 1),
        memberId: payload.memberId,
        name: member.name,
        month: payload.month,
        total,
        note: payload.note,
        recordedBy: recorder?._id ?? ctx.openid ?? '',
        recordedAt: ctx.now.toISOString(),
      };
      const { _id, ...data } = reprieve;
      await tx.collection(COLLECTIONS.reprieves).doc(_id).set({ data });
      return { reprieve };
    });
  },
});

async function givenReprieves(tx: Tx, memberId: string, allowed: number): Promise<Reprieve[]> {
  const given: Reprieve[] = [];
  for (let n = 1; n <= Math.max(1, allowed); n++) {
    const found = await getOrNull<Reprieve>(tx.collection(COLLECTIONS.reprieves).doc(reprieveId(memberId, n)));
    if (found) given.push({ ...found, _id: reprieveId(memberId, n) });
  }
  return given;
}
