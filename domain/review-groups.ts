/**
 * Splitting a batch by final reviewer (第十四条, 第十五条 集体事件): nobody final-reviews points of their
 * own, so when the reviewer of a collective event is among its recipients (the 全体会员大会: the 会长
 * and the 政治指导员 attend), that recipient's lines go to the next one up and the rest of the batch
 * stays with the usual reviewer. One claim per distinct set of final reviewers.
 */
import type { MemberRecord } from '../typings/models';
import { DomainError } from './errors';
import { ROOT } from './organisation';
import { reviewersFrom, type Route } from './routing';
import type { Scheme } from './scheme';

export interface ReviewGroup {
  route: Route;
  /** Recipients whose lines this reviewer decides, in the order given. */
  recipientIds: string[];
}

/**
 * Groups `recipients` by who may final-review their lines, starting at `start` (the proposer's level
 * or the committee reviewer). Groups come lowest position first (the usual reviewer), then in the
 * order of their first recipient. A recipient for whom nobody is left up the escalation is refused,
 * by name, as a whole batch would be.
 */
export function finalReviewGroups(
  start: string,
  proposerId: string,
  recipients: readonly Pick<MemberRecord, '_id' | 'name' | 'branchId'>[],
  candidates: readonly MemberRecord[],
  scheme: Scheme,
  order: readonly string[] = scheme.review.escalation,
): ReviewGroup[] {
  const groups = new Map<string, ReviewGroup>();
  for (const recipient of recipients) {
    let route: Route;
    try {
      route = reviewersFrom(start, new Set([proposerId, recipient._id]), candidates, scheme, recipient.branchId ?? ROOT, order);
    } catch (error) {
      if (error instanceof DomainError && recipients.length > 1) {
        throw new DomainError(error.code, `${recipient.name}的积分${error.message}`, error.details);
      }
      throw error;
    }
    // Recipients with the same reviewers share a claim; a reviewer is never among its own group's
    // recipients, since each recipient's reviewers leave that recipient out.
    const key = `${route.role}|${route.memberIds.join(',')}`;
    const group = groups.get(key);
    if (group) group.recipientIds.push(recipient._id);
    else groups.set(key, { route, recipientIds: [recipient._id] });
  }
  return [...groups.values()].sort((a, b) => order.indexOf(a.route.role!) - order.indexOf(b.route.role!));
}
