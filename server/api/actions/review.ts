/**
 * The approval inbox and decisions (第十四条 双人审核, 第十五条 逐级审批).
 *
 * claim.decide is one transaction: it re-reads the claim, checks the decider against the claim's
 * current step, and either rejects, moves an endorsed claim to final review, or approves it into the
 * ledger and the tallies. Two reviewers racing on one claim: the store sees both write the claim,
 * one commit conflicts, its retry re-reads a decided claim and answers CONFLICT.
 */
import { z } from 'zod';
import type { Claim, MemberRecord } from '../../../typings/models';
import { decide } from '../../../domain/decide';
import { schemeTerms } from '../../../domain/glossary';
import { DomainError } from '../../../domain/errors';
import { ROOT } from '../../../domain/organisation';
import { rerouted, type RoutedPart } from '../../../domain/rerouting';
import { chainOf, roleStep } from '../../../domain/routing';
import type { Scheme } from '../../../domain/scheme';
import { defineAction } from '../action';
import { cursor, id, note, points } from '../validation';
import { decodeCursor, findClaim, inboxPage, nextCursor, readClaim, writeClaim } from '../../data/claims';
import { withEvidenceUrls } from '../../data/files';
import { postClaim } from '../../data/claim-posting';
import { COLLECTIONS } from '../../data/collections';
import { getOrNull } from '../../cloud';
import type { UnitItem } from '../../../domain/unit-items';
import { readMembers } from '../../data/ledger';
import { findMember, findMembers, loadEndorsers, type StoredMember } from '../../data/members';
import { loadSchemeVersion } from '../../data/schemes';
import { fileVeto } from '../../data/vetoes';
import { notifyClaimant, notifyReviewers } from '../../notify';

export const inboxList = defineAction('inbox.list', {
  schema: z.object({ cursor }).strict(),
  access: 'member',
  writes: false,
  async handle(ctx, payload) {
    const member = await ctx.requireMember();
    const offset = decodeCursor(payload.cursor);
    const [claims, scheme] = await Promise.all([inboxPage(member._id, offset), ctx.scheme()]);
    // Who filed each claim and their unit: one read of at most a page's creators, whatever the history.
    const [withUrls, creators] = await Promise.all([withEvidenceUrls(claims), findMembers(claims.map((claim) => claim.createdBy))]);
    const unitOf = new Map(creators.map((creator) => [creator._id, creator.branchName ?? null]));
    return {
      claims: withUrls.map((claim) => ({ ...claim, createdByBranchName: unitOf.get(claim.createdBy) ?? null })),
      cursor: nextCursor(offset, claims),
      // The card names a committee's award and counts accounts in the template's words (经理办公会, 户).
      terms: schemeTerms(scheme),
    };
  },
});

export const claimDecide = defineAction('claim.decide', {
  schema: z
    .object({
      claimId: id,
      decision: z.enum(['approve', 'reject']),
      points: points.optional(),
      reason: note(200).optional(),
    })
    .strict(),
  access: 'member',
  writes: true,
  async handle(ctx, payload) {
    const decider = await ctx.requireMember();
    if (payload.decision === 'reject' && !payload.reason) throw new DomainError('INVALID_INPUT', '驳回时请填写理由');
    const seen = await findClaim(payload.claimId);
    if (!seen) throw new DomainError('NOT_FOUND', '申请不存在');
    // 第二十一条: a pending claim keeps the scheme version it was submitted under.
    const scheme = await loadSchemeVersion(seen.schemeVersion);
    const claimant = seen.step === 'endorse' ? await findMember(seen.createdBy) : null;
    // Only a claim moving on needs the next step's candidates: the leaders of the claimant's unit and the officers.
    const movesOn = payload.decision === 'approve' && seen.step === 'endorse';
    const candidates = movesOn ? await loadEndorsers(claimant?.branchId ?? null, scheme) : [];
    const current = await currentRoute(seen, decider, claimant, scheme);

    const result = await ctx.transact(async (tx) => {
      let claim = await readClaim(tx, payload.claimId);
      // The decider acted on the claim as they saw it; if another reviewer moved it on meanwhile, say so.
      if (claim.status !== seen.status || claim.step !== seen.step) {
        throw new DomainError('CONFLICT', '该申请刚被他人处理，请刷新后查看');
      }
      if (current) claim = { ...claim, ...current };
      const members = seen.step === 'final' ? await readMembers(tx, claim.lines.map((l) => l.memberId)) : new Map<string, StoredMember>();
      const { claim: next, posts } = decide(
        claim,
        { decider, decision: payload.decision, points: payload.points, reason: payload.reason, at: ctx.now.toISOString() },
        scheme,
        {
          nextRoute: (endorser, endorsed) => nextStepRoute(endorsed, endorser, claimant, candidates, scheme),
          leftIds: new Set([...members.values()].filter((m) => m.status !== 'active').map((m) => m._id)),
        },
      );
      if (posts) await postClaim(tx, next, scheme, ctx.now, members);
      // A unit's item approved (第四条): it applies to the unit's people from now on.
      if (next.kind === 'item' && next.status === 'approved' && next.proposedItem && next.unitId) {
        const unit = await getOrNull<{ name: string }>(tx.collection(COLLECTIONS.branches).doc(next.unitId));
        const filed: Omit<UnitItem, '_id'> = { unitId: next.unitId, unitName: unit?.name ?? '', item: next.proposedItem, claimId: next._id, approvedAt: next.updatedAt };
        await tx.collection(COLLECTIONS.unitItems).doc(next.proposedItem.id).set({ data: filed });
      }
      // A veto approved (seeds/001 篇二十一, 篇一): in force for the member's cycle from now on; a rejection files nothing.
      if (next.kind === 'veto' && next.status === 'approved') await fileVeto(tx, next, { id: decider._id, name: decider.name }, next.updatedAt, scheme.calendar);
      // An objection to an outcome: the row says how it was decided (upheld rows are drafted again at finalize).
      if (next.kind === 'objection' && next.outcomeId && next.status !== 'pending') {
        const state = next.status === 'approved' ? 'upheld' : 'rejected';
        await tx.collection(COLLECTIONS.outcomes).doc(next.outcomeId).update({ data: { objection: { claimId: next._id, state } } });
      }
      await writeClaim(tx, next);
      return { claim: next };
    });
    if (result.claim.step === 'final') await notifyReviewers(result.claim, candidates);
    if (result.claim.status !== 'pending') await notifyClaimant(result.claim, await findMember(result.claim.createdBy));
    return result;
  },
});

/** The second step of a claim's chain once its first was approved (第十四条: by the endorser's level). */
function nextStepRoute(claim: Claim, endorser: MemberRecord, claimant: StoredMember | null, candidates: readonly StoredMember[], scheme: Scheme) {
  const step = chainOf(claim.kind === 'self' ? 'self' : 'award', scheme)[1];
  if (!step) throw new DomainError('INTERNAL', 'the claim has no second step');
  const interested = new Set([endorser._id, ...claim.lines.map((l) => l.memberId), claim.createdBy]);
  return roleStep(step.def, endorser, interested, claimant?.branchId ?? ROOT, candidates, scheme);
}

/**
 * The claim's route as its role resolves now, when the decider is not among those it names: whoever
 * holds the role today decides it, even if the claim was routed an instant before they took it
 * (第十四条). Null when the stored route already names the decider, or the claim is decided.
 */
async function currentRoute(claim: Claim, decider: StoredMember, claimant: StoredMember | null, scheme: Scheme): Promise<RoutedPart | null> {
  if (claim.status !== 'pending' || !claim.waitingFor || claim.waitingFor.memberIds.includes(decider._id)) return null;
  const unit = claim.step === 'endorse' ? (claimant?.branchId ?? null) : claim.routing?.unit && claim.routing.unit !== ROOT ? claim.routing.unit : null;
  return rerouted(claim, claimant, await loadEndorsers(unit, scheme), scheme);
}

