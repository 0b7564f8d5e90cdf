/**
 * A new claim document, the same shape for self-reports, awards, committee awards and reversals.
 */
import { randomBytes } from 'crypto';
import type { CatalogItem, Claim, ClaimKind, ClaimLine, ClaimStep, Decision, Tier, WaitingFor } from '../../typings/models';
import type { Scheme } from '../../domain/scheme';
import type { RequestContext } from '../api/context';
import type { StoredMember } from './members';
import { writeClaim } from './claims';
import { notifyReviewers } from '../notify';

export interface ClaimDraft {
  kind: ClaimKind;
  item: Pick<CatalogItem, 'id' | 'name'>;
  scheme: Scheme;
  occurredOn: string;
  note: string;
  evidence: string[];
  creator: StoredMember;
  lines: ClaimLine[];
  input: Claim['input'];
  discretionary: number;
  step: ClaimStep;
  waitingFor: WaitingFor;
  decisions: Decision[];
  reversalOf?: string;
  reference?: string;
}

export function newClaimId(): string {
  return randomBytes(12).toString('hex');
}

export function newClaim(ctx: RequestContext, draft: ClaimDraft): Claim {
  const at = ctx.now.toISOString();
  const claim: Claim = {
    _id: newClaimId(),
    kind: draft.kind,
    itemId: draft.item.id,
    itemName: draft.item.name,
    schemeVersion: draft.scheme.version,
    occurredOn: draft.occurredOn,
    note: draft.note,
    evidence: draft.evidence,
    createdBy: draft.creator._id,
    createdByName: draft.creator.name,
    lines: draft.lines,
    input: draft.input,
    discretionary: draft.discretionary,
    status: 'pending',
    step: draft.step,
    waitingFor: draft.waitingFor,
    decisions: draft.decisions,
    createdAt: at,
    updatedAt: at,
  };
  if (draft.reversalOf) claim.reversalOf = draft.reversalOf;
  if (draft.reference) claim.reference = draft.reference;
  return claim;
}

/** Tiers that carry authority in the scheme: the routing candidates are members of these tiers or with positions. */
export function tiersWithAuthority(scheme: Scheme): Tier[] {
  return (Object.entries(scheme.authority.tiers) as [Tier, number | undefined][])
    .filter(([, limit]) => (limit ?? 0) > 0)
    .map(([tier]) => tier);
}

/**
 * Stores a new claim in one (idempotent) transaction, then tells the reviewers it waits for; a
 * notification that cannot be sent never undoes the claim.
 */
export async function recordClaim(ctx: RequestContext, claim: Claim, reviewers: readonly StoredMember[]): Promise<{ claim: Claim }> {
  const result = await ctx.transact(async (tx) => {
    await writeClaim(tx, claim);
    return { claim };
  });
  await notifyReviewers(result.claim, reviewers);
  return result;
}
