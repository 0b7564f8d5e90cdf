/**
 * 秘书处 records a dues payment (第五条 职务积分).
 *
 * One transaction stores the dues record and posts every entry already due through the current
 * Shanghai month (annual points, the term bonus, each covered month so far), so a payment recorded
 * late credits the months it missed at once. Later months come from the monthly job, which uses the
 * same deterministic ledger ids: a month is credited once, whoever gets there first.
 *
 * Overlapping payments are refused (docs/rules.md «会费记录»): a second record for months already
 * covered is almost always the same payment entered twice, and crediting it would double the
 * member's position points. A renewal is recorded when the new dues period begins.
 */
import { z } from 'zod';
import type { DuesRecord } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { assertPaidOn, duesCoverage, duesEntriesThrough } from '../../../domain/dues';
import { currentMonthKey, shanghaiDate } from '../../../domain/periods';
import { defineAction } from '../action';
import { calendarDate, id } from '../validation';
import { getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { duesDrafts, findOverlappingDues, openDuesId } from '../../data/dues';
import { postEntries, withoutId } from '../../data/ledger';
import type { StoredMember } from '../../data/members';
import { loadSchemeVersions } from '../../data/schemes';

/** Dues paid before the scheme's first version took effect earned no points under it (第二十条). */
async function assertUnderScheme(paidOn: string): Promise<void> {
  const [first] = await loadSchemeVersions();
  const since = shanghaiDate(new Date(first.effectiveFrom));
  if (paidOn < since) {
    throw new DomainError('INVALID_INPUT', `缴费日期不能早于积分办法施行之日（${since}）`, { paidOn, since });
  }
}

export const adminDuesRecord = defineAction('admin.dues.record', {
  schema: z
    .object({
      memberId: id,
      paidOn: calendarDate,
      years: z.union([z.literal(1), z.literal(5)], { error: '只能是 1 年或 5 年（一届）' }),
    })
    .strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, payload) {
    assertPaidOn(payload.paidOn, ctx.now);
    await assertUnderScheme(payload.paidOn);
    const scheme = await ctx.scheme();
    const recorder = await ctx.member();
    const recordedBy = ctx.openid ?? '';
    const reviewers = recorder ? [recorder._id] : [];
    const { fromMonth, toMonth } = duesCoverage(payload.paidOn, payload.years);

    return ctx.transact(async (tx) => {
      const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(payload.memberId));
      if (!member) throw new DomainError('NOT_FOUND', '会员不存在');
      if (member.status !== 'active') throw new DomainError('INVALID_INPUT', `${member.name}已退出本会，不能记录会费`);
      if (!member.category) throw new DomainError('INVALID_INPUT', `${member.name}没有会费档次，不缴会费，不能记录`);

      // Read inside the transaction so a racing duplicate (same id) conflicts and, on retry, is seen.
      const { duesId, taken } = await openDuesId(tx, member._id, fromMonth);
      const overlapping = taken ?? (await findOverlappingDues(member._id, fromMonth, toMonth));
      if (overlapping) {
        throw new DomainError(
          'CONFLICT',
          `${member.name}已有 ${overlapping.fromMonth} 至 ${overlapping.toMonth} 的会费记录（缴费日期 ${overlapping.paidOn}），` +
            `与本次 ${fromMonth} 至 ${toMonth} 重叠；续缴请在已缴期满后的月份记录`,
          { existing: overlapping._id },
        );
      }

      const dues: DuesRecord = {
        _id: duesId,
        memberId: member._id,
        paidOn: payload.paidOn,
        years: payload.years,
        tier: member.category,
        fromMonth,
        toMonth,
        recordedBy,
        createdAt: ctx.now.toISOString(),
      };
      await tx.collection(COLLECTIONS.dues).doc(duesId).set({ data: withoutId(dues) });
      const due = duesEntriesThrough(dues, currentMonthKey(ctx.now), scheme);
      const { entries, skipped } = await postEntries(tx, duesDrafts(dues, due, scheme, reviewers), scheme, ctx.now);
      if (skipped > 0) throw new DomainError('CONFLICT', '该会费的积分已经计入过，请刷新后再试');
      return { dues, entries };
    });
  },
});
