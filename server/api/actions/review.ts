/**
 * The approval inbox and decisions (第十四条 双人审核, 第十五条 逐级审批).
 *
 * claim.decide is one transaction: it re-reads the claim, checks the decider against the claim's
 * current step, and either rejects, moves an endorsed claim to final review, or approves it into the
 * ledger and the tallies. Two reviewers racing on one claim: the store sees both write the claim,
 * one commit conflicts, its retry re-reads a decided claim and answers CONFLICT.
 */
import { z } from 'zod';
import type { Claim, ClaimLine, Decision } from '../../../typings/models';
import { authorityLimit } from '../../../domain/authority';
import { flaggedLines } from '../../../domain/duplicates';
import { DomainError } from '../../../domain/errors';
import { approvableLines } from '../../../domain/leaving';
import { claimTotal, linePoints } from '../../../domain/points';
import { rerouted, type RoutedPart } from '../../../domain/rerouting';
import { assertMayDecide, finalReviewersFor } from '../../../domain/routing';
import { catalogItem, type Scheme } from '../../../domain/scheme';
import { defineAction } from '../action';
import { SECRETARIAT } from '../context';
import { cursor, id, note, points } from '../validation';
import { decodeCursor, findClaim, inboxPage, nextCursor, readClaim, writeClaim } from '../../data/claims';
import { tiersWithAuthority } from '../../data/claim-builder';
import { withEvidenceUrls } from '../../data/files';
import { postEntries, readMembers, type NewEntry } from '../../data/ledger';
import { findMember, loadEndorsers, loadOfficers, type StoredMember } from '../../data/members';
import { loadSchemeVersion } from '../../data/schemes';
import { notifyClaimant, notifyReviewers } from '../../notify';

export const inboxList = defineAction('inbox.list', {
  schema: z.object({ cursor }).strict(),
  access: 'member',
  writes: false,
  async handle(ctx, payload) {
    const member = await ctx.requireMember();
    const offset = decodeCursor(payload.cursor);
    const claims = await inboxPage(member._id, offset);
    return { claims: await withEvidenceUrls(claims), cursor: nextCursor(offset, claims) };
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
    const movesToFinal = payload.decision === 'approve' && seen.step === 'endorse';
    // Final review falls to officers (第十四条): only they are candidates for the next step.
    const leaders = movesToFinal ? await loadOfficers() : [];
    const current = await currentRoute(seen, decider, scheme);

    const result = await ctx.transact(async (tx) => {
      let claim = await readClaim(tx, payload.claimId);
      // The decider acted on the claim as they saw it; if another reviewer moved it on meanwhile, say so.
      if (claim.status !== seen.status || claim.step !== seen.step) {
        throw new DomainError('CONFLICT', '该申请刚被他人处理，请刷新后查看');
      }
      if (current) claim = { ...claim, ...current };
      assertMayDecide(decider, claim, scheme);
      const at = ctx.now.toISOString();
      const decision: Decision = { step: claim.step!, by: decider._id, byName: decider.name, decision: payload.decision, at };
      if (payload.reason) decision.reason = payload.reason;

      let next: Claim;
      if (payload.decision === 'reject') {
        next = { ...claim, status: 'rejected', step: null, waitingFor: null, routing: null };
      } else if (claim.step === 'endorse') {
        const lines = endorsedLines(claim, payload.points, decider, scheme);
        if (payload.points !== undefined) decision.points = payload.points;
        const route = finalReviewersFor(decider, claim.lines.map((l) => l.memberId), leaders, scheme);
        next = {
          ...claim,
          lines,
          total: claimTotal(lines),
          discretionary: payload.points ?? claim.discretionary,
          step: 'final',
          waitingFor: { memberIds: route.memberIds, label: route.label },
          routing: { keys: route.keys, from: route.from },
        };
      } else {
        if (payload.points !== undefined) throw new DomainError('INVALID_INPUT', '终审不能修改分值');
        // 第十七条: a line of a member who left is not approved; a batch goes on without it.
        const members = await readMembers(tx, claim.lines.map((l) => l.memberId));
        const left = new Set([...members.values()].filter((m) => m.status !== 'active').map((m) => m._id));
        const lines = approvableLines(claim.lines, left);
        next = { ...claim, lines, total: claimTotal(lines), status: 'approved', step: null, waitingFor: null, routing: null };
        // Reviewers are members: a proposal by the secretariat without a member record names none (docs/rules.md D4).
        const reviewers = [...claim.decisions.filter((d) => d.decision === 'approve').map((d) => d.by), decider._id].filter((by) => by !== SECRETARIAT.id);
        const { skipped } = await postEntries(tx, entriesOf(next, reviewers), scheme, ctx.now, members);
        if (skipped > 0) {
          throw new DomainError('CONFLICT', claim.reversalOf ? '该记录已被冲正或更正过' : '该申请刚被他人处理，请刷新后查看');
        }
      }
      if (payload.decision === 'approve' && flaggedLines(next.lines).length > 0) decision.flagged = flaggedLines(next.lines);
      next = { ...next, decisions: [...claim.decisions, decision], updatedAt: at };
      await writeClaim(tx, next);
      return { claim: next };
    });
    if (result.claim.step === 'final') await notifyReviewers(result.claim, leaders);
    if (result.claim.status !== 'pending') await notifyClaimant(result.claim, await findMember(result.claim.createdBy));
    return result;
  },
});

/**
 * The claim's route as its role resolves now, when the decider is not among those it names: whoever
 * holds the role today decides it, even if the claim was routed an instant before they took it
 * (第十四条). Null when the stored route already names the decider, or the claim is decided.
 */
async function currentRoute(claim: Claim, decider: StoredMember, scheme: Scheme): Promise<RoutedPart | null> {
  if (claim.status !== 'pending' || !claim.waitingFor || claim.waitingFor.memberIds.includes(decider._id)) return null;
  const claimant = claim.step === 'endorse' ? await findMember(claim.createdBy) : null;
  const candidates = claimant ? await loadEndorsers(claimant.branchId, tiersWithAuthority(scheme)) : await loadOfficers();
  return rerouted(claim, claimant, candidates, scheme);
}

/**
 * The endorser may set the value of a range item within its range and their own authority
 * (第十五条); other items keep their points.
 */
function endorsedLines(claim: Claim, newPoints: number | undefined, endorser: StoredMember, scheme: Scheme): ClaimLine[] {
  if (newPoints === undefined) return claim.lines;
  const item = catalogItem(scheme, claim.itemId);
  if (claim.kind !== 'self' || (item.kind !== 'range' && item.kind !== 'discretionary')) {
    throw new DomainError('INVALID_INPUT', '该项目的分值由办法规定，不能修改');
  }
  const { points: set } = linePoints(item, { points: newPoints }, authorityLimit(endorser, scheme));
  return claim.lines.map((line) => ({ ...line, points: set }));
}

/** The ledger id of line i: reversals and corrections derive theirs from the entry they correct. */
function entryId(claim: Claim, i: number): string {
  if (claim.kind === 'reversal') return `rev-${claim.reversalOf}`;
  if (claim.kind === 'correction') return i === 0 ? `rev-${claim.reversalOf}` : `cor-${claim.reversalOf}`;
  return `${claim._id}-${i}`;
}

function entriesOf(claim: Claim, reviewers: string[]): NewEntry[] {
  return claim.lines.flatMap((line, i) => {
    if (line.excluded) return [];
    const entry: NewEntry = {
      _id: entryId(claim, i),
      memberId: line.memberId,
      itemId: line.itemId,
      itemName: line.itemName,
      points: line.points,
      occurredOn: claim.occurredOn,
      schemeVersion: claim.schemeVersion,
      claimId: claim._id,
      reviewers,
    };
    if (claim.note) entry.note = claim.note;
    if (line.duplicateOf) entry.duplicateOf = line.duplicateOf;
    if (claim.reversalOf && entry._id.startsWith('rev-')) entry.reverses = claim.reversalOf;
    if (claim.reversalOf && entry._id.startsWith('cor-')) entry.corrects = claim.reversalOf;
    return [entry];
  });
}
