/**
 * A new claim document, the same shape for self-reports, awards, committee awards, reversals and
 * corrections, and storing new claims.
 */
import { randomBytes } from 'crypto';
import type { CatalogItem, Claim, ClaimKind, ClaimLine, ClaimStep, Decision } from '../../typings/models';
import { claimTotal } from '../../domain/points';
import { routingOf, type Route } from '../../domain/routing';
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
  /** Who puts it forward: a member, or the secretariat without a member record. */
  creator: { _id: string; name: string };
  lines: ClaimLine[];
  input: Claim['input'];
  discretionary: number;
  step: ClaimStep;
  route: Route;
  decisions: Decision[];
  reversalOf?: string;
  reference?: string;
  committee?: Claim['committee'];
  /** A deterministic id (corrections: one pending claim per entry); random otherwise. */
  id?: string;
}

export function newClaimId(): string {
  return randomBytes(12).toString('hex');
}

export function newClaim(ctx: RequestContext, draft: ClaimDraft): Claim {
  const at = ctx.now.toISOString();
  const claim: Claim = {
    _id: draft.id ?? newClaimId(),
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
    total: claimTotal(draft.lines),
    status: 'pending',
    step: draft.step,
    waitingFor: { memberIds: draft.route.memberIds, label: draft.route.label },
    routing: routingOf(draft.route),
    decisions: draft.decisions,
    createdAt: at,
    updatedAt: at,
  };
  if (draft.reversalOf) claim.reversalOf = draft.reversalOf;
  if (draft.reference) claim.reference = draft.reference;
  if (draft.committee) claim.committee = draft.committee;
  return claim;
}

/**
 * Stores new claims in one (idempotent) transaction, then tells each reviewer a claim reached (the
 * reviewer template); a notification that cannot be sent never undoes a claim. The answer, stored
 * for retries, is `{ claim, claims }`: the first and all.
 */
export async function recordClaims(ctx: RequestContext, claims: Claim[], reviewers: readonly StoredMember[]): Promise<{ claim: Claim; claims: Claim[] }> {
  const result = await ctx.transact(async (tx) => {
    for (const claim of claims) await writeClaim(tx, claim);
    return { claim: claims[0], claims };
  });
  for (const claim of result.claims) await notifyReviewers(claim, reviewers);
  return result;
}

export async function recordClaim(ctx: RequestContext, claim: Claim, reviewers: readonly StoredMember[]): Promise<{ claim: Claim }> {
  const result = await ctx.transact(async (tx) => {
    await writeClaim(tx, claim);
    return { claim };
  });
  await notifyReviewers(result.claim, reviewers);
  return result;
}
