/**
 * 秘书处 lists a member's dues records and voids one entered in error (第五条 职务积分): voiding posts a
 * reversing entry for each entry the record produced (those not reversed already), marks the record
 * void so the monthly job credits it no more, and frees its months for the right payment. The record
 * itself is kept, with when and why it was voided.
 */
import { z } from 'zod';
import type { DuesRecord, LedgerEntry } from '../../../typings/models';
import { duesEntries } from '../../../domain/dues';
import { DomainError } from '../../../domain/errors';
import { defineAction } from '../action';
import { id, note } from '../validation';
import { database, getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { duesLedgerId } from '../../data/dues';
import { postEntries, withoutId, type NewEntry } from '../../data/ledger';

export const adminDuesList = defineAction('admin.dues.list', {
  schema: z.object({ memberId: id }).strict(),
  access: 'secretariat',
  writes: false,
  async handle(_ctx, { memberId }) {
    const { data } = await database().collection(COLLECTIONS.dues).where({ memberId }).orderBy('paidOn', 'desc').limit(100).get();
    return { dues: data as DuesRecord[] };
  },
});

export const adminDuesVoid = defineAction('admin.dues.void', {
  schema: z.object({ duesId: id, reason: note(200).min(2, '请写明作废理由') }).strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, { duesId, reason }) {
    const scheme = await ctx.scheme();
    const actor = await ctx.secretariatActor();
    const reviewers = actor.id === (await ctx.member())?._id ? [actor.id] : [];
    return ctx.transact(async (tx) => {
      const stored = await getOrNull<DuesRecord>(tx.collection(COLLECTIONS.dues).doc(duesId));
      if (!stored) throw new DomainError('NOT_FOUND', '会费记录不存在');
      if (stored.voidedAt) throw new DomainError('CONFLICT', `该会费记录已于 ${stored.voidedAt.slice(0, 10)} 作废`);
      const dues: DuesRecord = { ...stored, _id: duesId, voidedAt: ctx.now.toISOString(), voidReason: reason };
      // Every entry the record could have produced, read inside the transaction. The monthly job writes
      // the record with each month it credits, so a month it posts meanwhile makes one of the two
      // transactions conflict; this one's retry then reverses that month too.
      const reversing: NewEntry[] = [];
      for (const due of duesEntries(dues, scheme)) {
        const entryId = duesLedgerId(due);
        const entry = await getOrNull<LedgerEntry>(tx.collection(COLLECTIONS.ledger).doc(entryId));
        if (!entry) continue;
        reversing.push({
          _id: `rev-${entryId}`,
          memberId: entry.memberId,
          itemId: entry.itemId,
          itemName: entry.itemName,
          points: -entry.points,
          occurredOn: entry.occurredOn,
          schemeVersion: entry.schemeVersion,
          claimId: null,
          reviewers,
          note: `会费记录作废：${reason}`,
          reverses: entryId,
        });
      }
      // An entry reversed on its own already (entry.reverse) is skipped: it is taken back once.
      const { entries } = await postEntries(tx, reversing, scheme, ctx.now);
      await tx.collection(COLLECTIONS.dues).doc(duesId).set({ data: withoutId(dues) });
      return { dues, entries };
    });
  },
});
