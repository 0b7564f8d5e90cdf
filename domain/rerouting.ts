/**
 * Working a pending claim's route out again when the people holding its role change (第十四条,
 * 第十五条): a 秘书长 who leaves or is replaced, an endorser who left or lost the authority. The claim
 * stores the role it waits for (`routing`); whoever holds that role now decides it, or the next one
 * up where it is vacant. Pure: the shell loads the claimant and the candidates and writes the result.
 */
import type { Claim, MemberRecord } from '../typings/models';
import { DomainError } from './errors';
import { ROOT } from './organisation';
import { endorsementKeys, endorsersFor, reviewersFrom, roleKey } from './routing';
import type { Scheme } from './scheme';

export type RoutedPart = Pick<Claim, 'waitingFor' | 'routing'>;

/** Everyone with a stake in a claim: recipients (or the member a veto is for), its creator and whoever approved a step of it. */
export function interestedIn(claim: Pick<Claim, 'lines' | 'createdBy' | 'decisions' | 'veto'>): Set<string> {
  return new Set([
    ...claim.lines.map((line) => line.memberId),
    ...(claim.veto ? [claim.veto.memberId] : []),
    claim.createdBy,
    ...claim.decisions.filter((d) => d.decision === 'approve').map((d) => d.by),
  ]);
}

/**
 * The route of a pending claim as its role resolves among `candidates` today. Where nobody can take
 * it, it waits with nobody named and a label that says why; appointing someone routes it again.
 */
export function rerouted(claim: Claim, claimant: MemberRecord | null, candidates: readonly MemberRecord[], scheme: Scheme): RoutedPart {
  if (claim.status !== 'pending' || claim.step === null) return { waitingFor: claim.waitingFor, routing: claim.routing };
  if (claim.step === 'endorse') {
    if (!claimant) return { waitingFor: claim.waitingFor, routing: claim.routing };
    try {
      const route = endorsersFor(claimant, claim.discretionary, candidates, scheme);
      return { waitingFor: { memberIds: route.memberIds, label: route.label }, routing: { keys: route.keys } };
    } catch (error) {
      return stuck(error, { keys: endorsementKeys(claimant) });
    }
  }
  // A claim stored before routes were kept has no starting role to work from: it stays as it is.
  const from = claim.routing?.from;
  if (!from) return { waitingFor: claim.waitingFor, routing: claim.routing };
  const unit = claim.routing?.unit ?? ROOT;
  const order = claim.routing?.order ?? scheme.review.escalation;
  const routing = { from, unit, order };
  try {
    const route = reviewersFrom(from, interestedIn(claim), candidates, scheme, unit, order);
    return { waitingFor: { memberIds: route.memberIds, label: route.label }, routing: { keys: route.keys, ...routing } };
  } catch (error) {
    // Every role up the escalation is consulted: an appointment to any of them routes it again.
    const roles = order.slice(Math.max(0, order.indexOf(from)));
    return stuck(error, { keys: roles.map((role) => roleKey(role, scheme.organisation.roles.find((r) => r.id === role)?.at === 'root' ? ROOT : unit)), ...routing });
  }
}

function stuck(error: unknown, routing: NonNullable<Claim['routing']>): RoutedPart {
  if (!(error instanceof DomainError)) throw error;
  return { waitingFor: { memberIds: [], label: `暂无审批人：${error.message}` }, routing };
}

/** Whether two routes name the same reviewers with the same words. */
export function sameRoute(a: RoutedPart, b: RoutedPart): boolean {
  return JSON.stringify([a.waitingFor, a.routing]) === JSON.stringify([b.waitingFor, b.routing]);
}
