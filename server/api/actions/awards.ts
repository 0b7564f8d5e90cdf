/**
 * Leader awards and collective events (第十五条 集体事件) and committee awards (第八条, 第十三条): the
 * proposal is the first of the two people (第十四条); the final reviewer decides the batch. A batch
 * whose usual reviewer is among its recipients is split, one claim per final reviewer.
 */
import { z } from 'zod';
import type { Claim } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { assertInClaimsWindow } from '../../../domain/periods';
import { awardLines } from '../../../domain/points';
import { assertMayPropose, type Committee } from '../../../domain/proposals';
import { finalReviewGroups } from '../../../domain/review-groups';
import { finalReviewStart } from '../../../domain/routing';
import { catalogItem } from '../../../domain/scheme';
import { defineAction } from '../action';
import { calendarDate, evidence, id, note, points } from '../validation';
import { database, getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { findMembers, loadOfficers } from '../../data/members';
import { newClaim, recordClaims } from '../../data/claim-builder';
import { withDuplicatesFlagged } from '../../data/duplicates';
import type { Branch } from '../../../typings/models';

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
    assertInClaimsWindow(payload.occurredOn, ctx.now, scheme.claimsWindowDays);

    const recipientIds = payload.recipients.map((r) => r.memberId);
    const byId = new Map((await findMembers(recipientIds)).map((m) => [m._id, m]));
    const recipients = recipientIds.map((memberId) => {
      const member = byId.get(memberId);
      if (!member) throw new DomainError('NOT_FOUND', `会员不存在：${memberId}`);
      // 第十七条: nobody is awarded points after leaving.
      if (member.status !== 'active') throw new DomainError('INVALID_INPUT', `${member.name}已退出本会，不能奖分`);
      return member;
    });
    const committee = payload.committee === undefined ? undefined : await resolveCommittee(payload.committee);
    const right = assertMayPropose(proposer, item, recipients, scheme, committee);
    if (right.route === 'committee' && !payload.reference) throw new DomainError('INVALID_INPUT', '请填写会长会决定的文号或会议纪要');
    const { lines, discretionary } = awardLines(item, payload.recipients, scheme, {
      authority: right.authority,
      count: payload.count,
      value: payload.value,
    });
    const named = await withDuplicatesFlagged(
      lines.map((line) => ({ ...line, memberName: byId.get(line.memberId)!.name })),
      payload.occurredOn,
    );

    const officers = await loadOfficers();
    const start = right.route === 'committee' ? scheme.finalReview.committee : finalReviewStart(proposer, scheme);
    const groups = finalReviewGroups(start, proposer._id, recipients, officers, scheme);
    const at = ctx.now.toISOString();
    const claims: Claim[] = groups.map((group) =>
      newClaim(ctx, {
        kind: right.route === 'committee' ? 'committee' : 'award',
        item,
        scheme,
        occurredOn: payload.occurredOn,
        note: payload.note,
        evidence: payload.evidence ?? [],
        creator: proposer,
        lines: named.filter((line) => group.recipientIds.includes(line.memberId)),
        input: Object.fromEntries(Object.entries({ count: payload.count, value: payload.value }).filter(([, v]) => v !== undefined)),
        discretionary,
        step: 'final',
        route: group.route,
        // The proposal is the first of the two people (第十四条).
        decisions: [{ step: 'endorse', by: proposer._id, byName: proposer.name, decision: 'approve', at }],
        reference: payload.reference,
        committee: committee && { id: committee.id, name: committee.name },
      }),
    );
    return recordClaims(ctx, claims, officers);
  },
});

/** 'association' is the 会长会; any other value must be the id of a branch, whose 会长会 decided (第十三条 1、2). */
async function resolveCommittee(committeeId: string): Promise<Committee> {
  if (committeeId === 'association') return { id: 'association', name: '会长会', branchId: null };
  const branch = await getOrNull<Branch>(database().collection(COLLECTIONS.branches).doc(committeeId));
  if (!branch) throw new DomainError('INVALID_INPUT', '决定机构应为会长会或某一分会的会长会，没有找到这个分会');
  return { id: committeeId, name: `${branch.name}会长会`, branchId: committeeId };
}
