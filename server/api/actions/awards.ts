/**
 * Leader awards and collective events (第十五条 集体事件), committee awards (第八条, 第十三条) and
 * corrections by reversing entry (SPEC §4), each a claim that one final reviewer approves.
 */
import { z } from 'zod';
import type { LedgerEntry } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { assertInClaimsWindow } from '../../../domain/periods';
import { awardLines } from '../../../domain/points';
import { assertMayPropose } from '../../../domain/proposals';
import { committeeFinalReviewersFor, finalReviewersFor } from '../../../domain/routing';
import { catalogItem } from '../../../domain/scheme';
import { authorityLimit } from '../../../domain/authority';
import { defineAction } from '../action';
import { calendarDate, evidence, id, note, points } from '../validation';
import { database, getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { findMembers, loadOfficers } from '../../data/members';
import { newClaim, recordClaim } from '../../data/claim-builder';

const MAX_RECIPIENTS = 300;

export const awardPropose = defineAction('award.propose', {
  schema: z
    .object({
      itemId: id,
      occurredOn: calendarDate,
      recipients: z
        .array(
          z
            .object({ memberId: id, points: points.optional(), spoke: z.boolean().optional(), hosted: z.boolean().optional() })
            .strict(),
        )
        .min(1, '请至少选择一名会员')
        .max(MAX_RECIPIENTS, `一次最多 ${MAX_RECIPIENTS} 人`),
      count: z.number().int('须为整数').min(1).max(1000).optional(),
      value: z.number().positive('须大于 0').max(1e10, '过大').optional(),
      note: note(),
      evidence,
      reference: z.string().trim().min(1).max(100).optional(),
      committee: z.string().trim().min(1).max(64).optional(),
    })
    .strict(),
  access: 'member',
  writes: true,
  async handle(ctx, payload) {
    const proposer = await ctx.requireMember();
    const scheme = await ctx.scheme();
    const item = catalogItem(scheme, payload.itemId);
    const recipientIds = payload.recipients.map((r) => r.memberId);
    const right = assertMayPropose(proposer, item, recipientIds, scheme, payload.committee);
    if (right.route === 'committee' && !payload.reference) throw new DomainError('INVALID_INPUT', '请填写会长会决定的文号或会议纪要');
    assertInClaimsWindow(payload.occurredOn, ctx.now, scheme.claimsWindowDays);

    const recipients = await findMembers(recipientIds);
    const byId = new Map(recipients.map((m) => [m._id, m]));
    for (const memberId of recipientIds) {
      const member = byId.get(memberId);
      if (!member) throw new DomainError('NOT_FOUND', `会员不存在：${memberId}`);
      if (member.status !== 'active') throw new DomainError('INVALID_INPUT', `${member.name}已退出，不能奖分`);
    }
    const { lines, discretionary } = awardLines(item, payload.recipients, scheme, {
      authority: right.authority,
      count: payload.count,
      value: payload.value,
    });
    const leaders = await loadOfficers();
    const route =
      right.route === 'committee'
        ? committeeFinalReviewersFor(proposer, recipientIds, leaders, scheme)
        : finalReviewersFor(proposer, recipientIds, leaders, scheme);
    const at = ctx.now.toISOString();
    const claim = newClaim(ctx, {
      kind: right.route === 'committee' ? 'committee' : 'award',
      item,
      scheme,
      occurredOn: payload.occurredOn,
      note: payload.note,
      evidence: payload.evidence ?? [],
      creator: proposer,
      lines: lines.map((line) => ({ ...line, memberName: byId.get(line.memberId)!.name })),
      input: Object.fromEntries(Object.entries({ count: payload.count, value: payload.value }).filter(([, v]) => v !== undefined)),
      discretionary,
      step: 'final',
      waitingFor: { memberIds: route.memberIds, label: route.label },
      // The proposal is the first of the two people (第十四条).
      decisions: [{ step: 'endorse', by: proposer._id, byName: proposer.name, decision: 'approve', at }],
      reference: payload.reference,
    });
    return recordClaim(ctx, claim, leaders);
  },
});

export const entryReverse = defineAction('entry.reverse', {
  schema: z.object({ entryId: id, reason: note(200).min(2, '请写明冲正理由') }).strict(),
  access: 'member',
  writes: true,
  async handle(ctx, { entryId, reason }) {
    const proposer = await ctx.requireMember();
    const scheme = await ctx.scheme();
    if (authorityLimit(proposer, scheme) === 0 && !(await ctx.isSecretariat())) {
      throw new DomainError('FORBIDDEN', '只有领导小组成员或秘书处可以提出冲正');
    }
    const db = database();
    const entry = await getOrNull<LedgerEntry>(db.collection(COLLECTIONS.ledger).doc(entryId));
    if (!entry) throw new DomainError('NOT_FOUND', '积分记录不存在');
    if (entry.reverses) throw new DomainError('INVALID_INPUT', '冲正记录不能再冲正');
    if (entry.memberId === proposer._id) throw new DomainError('SELF_REVIEW', '不能冲正自己的积分');
    if (await getOrNull(db.collection(COLLECTIONS.ledger).doc(`rev-${entryId}`))) {
      throw new DomainError('CONFLICT', '该记录已被冲正过');
    }
    const { total: pending } = await db
      .collection(COLLECTIONS.claims)
      .where({ kind: 'reversal', reversalOf: entryId, status: 'pending' })
      .count();
    if (pending > 0) throw new DomainError('CONFLICT', '该记录已有待审批的冲正申请');

    const leaders = await loadOfficers();
    const route = finalReviewersFor(proposer, [entry.memberId], leaders, scheme);
    const at = ctx.now.toISOString();
    const claim = newClaim(ctx, {
      kind: 'reversal',
      item: { id: entry.itemId, name: `冲正：${entry.itemName}` },
      scheme: { ...scheme, version: entry.schemeVersion },
      occurredOn: entry.occurredOn,
      note: reason,
      evidence: [],
      creator: proposer,
      lines: [{ memberId: entry.memberId, memberName: entry.memberName, points: -entry.points, itemId: entry.itemId, itemName: entry.itemName }],
      input: {},
      discretionary: 0,
      step: 'final',
      waitingFor: { memberIds: route.memberIds, label: route.label },
      decisions: [{ step: 'endorse', by: proposer._id, byName: proposer.name, decision: 'approve', at, reason }],
      reversalOf: entryId,
    });
    return recordClaim(ctx, claim, leaders);
  },
});
