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
import { escalationFrom } from '../../../domain/chains';
import { chainOf, coveringStart, stepStart, type Route } from '../../../domain/routing';
import { authorityLimit } from '../../../domain/authority';
import { committeeName, unitWord, type Scheme } from '../../../domain/scheme';
import { itemFor } from '../../../domain/unit-items';
import { unitItemsOf } from '../../data/unit-items';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { calendarDate, evidence, id, note, points } from '../validation';
import { findBranch } from '../../data/branches';
import { writeClaim } from '../../data/claims';
import { postClaim } from '../../data/claim-posting';
import { readMembers } from '../../data/ledger';
import { findMembers, loadEndorsers } from '../../data/members';
import { newClaim, recordClaims } from '../../data/claim-builder';
import { withDuplicatesFlagged } from '../../data/duplicates';

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
    // The scheme's items, or one of the proposer's unit's own (第四条), for that unit's people only.
    const item = itemFor(scheme, await unitItemsOf(proposer.branchId), payload.itemId, proposer.branchId);
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
    const committee = payload.committee === undefined ? undefined : await resolveCommittee(payload.committee, scheme);
    const right = assertMayPropose(proposer, item, recipients, scheme, committee);
    if (right.route === 'committee' && !payload.reference) throw new DomainError('INVALID_INPUT', `请填写${committeeName(scheme, 'root')}决定的文号或会议纪要`);
    const { lines, discretionary } = awardLines(item, payload.recipients, scheme, {
      authority: right.authority,
      count: payload.count,
      value: payload.value,
    });
    const named = await withDuplicatesFlagged(
      lines.map((line) => ({ ...line, memberName: byId.get(line.memberId)!.name })),
      payload.occurredOn,
    );

    const kind = right.route === 'committee' ? 'committee' : 'award';
    const at = ctx.now.toISOString();
    const draft = (lines: typeof named, route: Route) =>
      newClaim(ctx, {
        kind,
        item,
        scheme,
        occurredOn: payload.occurredOn,
        note: payload.note,
        evidence: payload.evidence ?? [],
        creator: proposer,
        lines,
        input: Object.fromEntries(Object.entries({ count: payload.count, value: payload.value }).filter(([, v]) => v !== undefined)),
        discretionary,
        step: 'final',
        route,
        // The proposal is the first of the two people (第十四条).
        decisions: [{ step: 'endorse', by: proposer._id, byName: proposer.name, decision: 'approve', at }],
        reference: payload.reference,
        committee: committee && { id: committee.id, name: committee.name },
      });

    const [step, ...more] = chainOf(kind, scheme);
    if (more.length > 0) throw new DomainError('INTERNAL', 'an award chain has one review step at most');
    if (!step) {
      // A chain without a review step: the record counts at once; its second person signs the period later (seeds/002).
      return recordAtOnce(ctx, draft(named, { step: 'final', memberIds: [], label: '', keys: [], passedOver: [] }), scheme);
    }
    const candidates = await loadEndorsers(proposer.branchId, scheme);
    const usual = stepStart(step.def, proposer, scheme);
    // 分层分级授权 (seeds/004 三、2): beyond the proposer's own limit, up to a level whose limit covers it.
    const own = authorityLimit(proposer, scheme);
    const beyond = scheme.review.beyondLimit === 'escalate' && right.route === 'leader' && discretionary > own;
    const start = beyond ? coveringStart(usual, escalationFrom(step.def, usual, scheme.review), discretionary, scheme) : usual;
    const groups = finalReviewGroups(start, proposer._id, recipients, candidates, scheme, escalationFrom(step.def, start, scheme.review));
    const routeOf = (route: Route): Route => (beyond ? { ...route, label: `${route.label}（超出提出人${own}分权限，上报）` } : route);
    const claims: Claim[] = groups.map((group) => draft(named.filter((line) => group.recipientIds.includes(line.memberId)), routeOf(group.route)));
    return recordClaims(ctx, claims, candidates);
  },
});

/** A record that counts at once: the claim is approved as it is stored, and its lines posted, in one transaction. */
async function recordAtOnce(ctx: RequestContext, pending: Claim, scheme: Scheme): Promise<{ claim: Claim; claims: Claim[] }> {
  const claim: Claim = { ...pending, status: 'approved', step: null, waitingFor: null, routing: null };
  return ctx.transact(async (tx) => {
    const members = await readMembers(tx, claim.lines.map((l) => l.memberId));
    await postClaim(tx, claim, scheme, ctx.now, members);
    await writeClaim(tx, claim);
    return { claim, claims: [claim] };
  });
}

/**
 * 'association' is the root's committee (会长会); any other value must be the id of a unit, whose
 * own committee decided (第十三条 1、2).
 */
async function resolveCommittee(committeeId: string, scheme: Scheme): Promise<Committee> {
  const root = committeeName(scheme, 'root');
  if (committeeId === 'association') return { id: 'association', name: root, branchId: null };
  const branch = await findBranch(committeeId);
  const unit = unitWord(scheme);
  if (!branch) throw new DomainError('INVALID_INPUT', `决定机构应为${root}或某一${unit}的${committeeName(scheme, 'unit')}，没有找到这个${unit}`);
  return { id: committeeId, name: `${branch.name}${committeeName(scheme, 'unit')}`, branchId: committeeId };
}
