/**
 * What a change to members does to the claims still pending, written in the same transaction as the
 * change (admin.members.update, admin.members.import):
 * - claims waiting for a role the member held or now holds are routed again (第十四条, 第十五条), so
 *   a new 秘书长 sees and decides what waited for the old one, and a vacancy passes it up;
 * - a member who left (第十七条) has their own pending self-reports closed and their lines in
 *   batches excluded, with the reason, for every reviewer to see.
 * The affected claims are found by indexed queries before the transaction (`routing.keys`,
 * `lines.memberId`) and re-read by id inside it, so what is written is what the transaction saw.
 */
import type { Claim } from '../../typings/models';
import { afterLeaving, type Actor } from '../../domain/leaving';
import { rerouted, sameRoute } from '../../domain/rerouting';
import { ROOT } from '../../domain/organisation';
import { routingKeys } from '../../domain/routing';
import type { Scheme } from '../../domain/scheme';
import { database, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { readClaim, writeClaim } from './claims';
import { findMembers, loadEndorsers, loadOfficers, readAll, type StoredMember } from './members';

export interface MemberChange {
  before: StoredMember;
  after: StoredMember;
}

/** A claim the change rewrote, and the reviewers it newly reached (to be told). */
export interface ClaimChange {
  claim: Claim;
  newReviewers: StoredMember[];
}

const ROUTING_FIELDS = ['status', 'roles', 'category', 'branchId'] as const;

const routingChanged = ({ before, after }: MemberChange): boolean =>
  ROUTING_FIELDS.some((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));

export class PendingClaimsPlan {
  private constructor(
    private readonly claimIds: string[],
    private readonly leavers: StoredMember[],
    private readonly people: Map<string, StoredMember>,
    private readonly scheme: Scheme,
    private readonly actor: Actor,
  ) {}

  /** Finds the pending claims `changes` touch and loads who could decide them afterwards. */
  static async plan(changes: readonly MemberChange[], scheme: Scheme, actor: Actor): Promise<PendingClaimsPlan> {
    const db = database();
    const _ = db.command;
    const claims = db.collection(COLLECTIONS.claims);
    const keys = [...new Set(changes.filter(routingChanged).flatMap((c) => [...routingKeys(c.before, scheme), ...routingKeys(c.after, scheme)]))];
    const leavers = changes.filter((c) => c.before.status === 'active' && c.after.status === 'left').map((c) => c.after);
    const queries = [
      ...(keys.length > 0 ? [claims.where({ status: 'pending', 'routing.keys': _.in(keys) })] : []),
      ...leavers.map((m) => claims.where({ status: 'pending', 'lines.memberId': m._id })),
    ];
    const found = new Map<string, Claim>();
    for (const query of queries) for (const claim of await readAll<Claim>(query)) found.set(claim._id, claim);
    const people = new Map<string, StoredMember>();
    if (found.size > 0) {
      // Claimants of claims awaiting endorsement, and the leaders of their branches; the officers for final review.
      const claimantIds = [...found.values()].filter((c) => c.step === 'endorse').map((c) => c.createdBy);
      const overlay = (members: readonly StoredMember[]) => members.forEach((m) => people.set(m._id, m));
      overlay(await findMembers(claimantIds));
      changes.forEach((c) => people.set(c.after._id, c.after));
      const branches = new Set(claimantIds.map((memberId) => people.get(memberId)?.branchId ?? null));
      const units = new Set([...branches, ...[...found.values()].map((c) => (c.routing?.unit && c.routing.unit !== ROOT ? c.routing.unit : null))]);
      const loaded = await Promise.all([loadOfficers(scheme), ...[...units].map((branchId) => loadEndorsers(branchId, scheme))]);
      loaded.forEach((members) => members.forEach((m) => people.has(m._id) || people.set(m._id, m)));
      // What this change makes of its members wins over what was loaded before it.
      changes.forEach((c) => people.set(c.after._id, c.after));
    }
    return new PendingClaimsPlan([...found.keys()].sort(), leavers, people, scheme, actor);
  }

  get size(): number {
    return this.claimIds.length;
  }

  /** Re-reads each claim inside `tx`, closes, excludes and routes again as the change requires, and writes what changed. */
  async apply(tx: Tx, at: string): Promise<ClaimChange[]> {
    const out: ClaimChange[] = [];
    const candidates = [...this.people.values()];
    for (const claimId of this.claimIds) {
      const claim = await readClaim(tx, claimId);
      let next = claim;
      for (const leaver of this.leavers) next = afterLeaving(next, leaver, at, this.actor) ?? next;
      if (next.status === 'pending') {
        const route = rerouted(next, this.people.get(next.createdBy) ?? null, candidates, this.scheme);
        if (!sameRoute(route, next)) next = { ...next, ...route, updatedAt: at };
      }
      if (next === claim) continue;
      await writeClaim(tx, next);
      const before = new Set(claim.waitingFor?.memberIds ?? []);
      const newReviewers = (next.waitingFor?.memberIds ?? []).filter((id) => !before.has(id)).map((id) => this.people.get(id)!);
      out.push({ claim: next, newReviewers: newReviewers.filter(Boolean) });
    }
    return out;
  }
}
