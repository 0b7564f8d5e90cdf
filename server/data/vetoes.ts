/**
 * Vetoes in force (domain/vetoes.ts): one document per cycle and member (`<key>:<memberId>`), written
 * by claim.decide when a veto claim is approved, read when a cycle's rows are drafted, listed by
 * veto.list. Proposals are claims of kind 'veto' (`veto-<key>-<memberId>-<n>`), so two racing
 * proposals for one member and cycle write the same claim and one of them conflicts.
 */
import type { Veto } from '../../typings/api';
import type { Claim } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import { ROOT } from '../../domain/organisation';
import { publicationIdsFor, type Publication } from '../../domain/publication';
import { assertNoOpenVeto, assertVetoCycle, vetoClaimId, vetoId, vetoOfClaim } from '../../domain/vetoes';
import type { CalendarDef } from '../../domain/calendar';
import { database, getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { withoutId } from './ledger';
import { readAll } from './members';
import { readByIds } from './outcomes';

const MAX_PROPOSALS = 50;

/** The vetoes in force for these members in a cycle, by member. */
export async function vetoesInForce(memberIds: readonly string[], key: string): Promise<Map<string, Veto>> {
  const found = await readByIds<Veto>(COLLECTIONS.vetoes, memberIds.map((id) => vetoId(key, id)));
  return new Map(found.map((veto) => [veto.memberId, veto]));
}

/** A cycle's vetoes, of one unit (null: every unit), in the order they were decided. */
export async function listVetoes(key: string, branchId: string | null): Promise<Veto[]> {
  const where: Record<string, unknown> = { key };
  if (branchId !== null) where.branchId = branchId === ROOT ? null : branchId;
  const found = await readAll<Veto>(database().collection(COLLECTIONS.vetoes).where(where));
  return found.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a._id.localeCompare(b._id));
}

/** Veto proposals of a cycle not decided yet, for a unit's members (ROOT: every unit's). */
export async function pendingVetoes(key: string, unitId: string): Promise<number> {
  const where: Record<string, unknown> = { kind: 'veto', status: 'pending', 'veto.key': key };
  if (unitId !== ROOT) where.unitId = unitId;
  const { total } = await database().collection(COLLECTIONS.claims).where(where).count();
  return total;
}

/** The id of the next proposal for a member and cycle; CONFLICT where one is pending or a veto is in force. */
export async function openVetoClaimId(tx: Tx, key: string, memberId: string, name: string): Promise<string> {
  if (await getOrNull(tx.collection(COLLECTIONS.vetoes).doc(vetoId(key, memberId)))) throw new DomainError('CONFLICT', `${name} ${key} 年度已被一票否决`);
  for (let n = 1; n <= MAX_PROPOSALS; n++) {
    const claimId = vetoClaimId(key, memberId, n);
    const earlier = await getOrNull<Claim>(tx.collection(COLLECTIONS.claims).doc(claimId));
    if (!earlier) return claimId;
    assertNoOpenVeto(earlier, name, key);
  }
  throw new DomainError('CONFLICT', '对该党员本年度的一票否决提出过多，请联系秘书处');
}

/**
 * Files the veto an approved claim puts in force, in the decision's transaction. Refused once the
 * cycle is final for the member's unit; the unit's open publications are touched (`vetoedAt`), so a
 * finalize racing with the decision conflicts and counts it, or the decision finds the cycle final.
 */
export async function fileVeto(tx: Tx, claim: Claim, decider: { id: string; name: string }, at: string, calendar: CalendarDef): Promise<Veto> {
  const proposed = claim.veto;
  if (!proposed) throw new DomainError('INTERNAL', 'the claim proposes no veto');
  const member = await getOrNull<{ name: string; branchId: string | null }>(tx.collection(COLLECTIONS.members).doc(proposed.memberId));
  if (!member) throw new DomainError('NOT_FOUND', '被一票否决的人员不存在');
  const publications: Publication[] = [];
  for (const pubId of publicationIdsFor('cycle', proposed.key, member.branchId)) {
    const found = await getOrNull<Publication>(tx.collection(COLLECTIONS.publications).doc(pubId));
    if (found) publications.push({ ...found, _id: pubId });
  }
  assertVetoCycle(proposed.key, new Date(at), calendar, publications);
  const ref = tx.collection(COLLECTIONS.vetoes).doc(vetoId(proposed.key, proposed.memberId));
  if (await getOrNull(ref)) throw new DomainError('CONFLICT', `${member.name} ${proposed.key} 年度已被一票否决`);
  const veto = vetoOfClaim(claim, { _id: proposed.memberId, name: member.name, branchId: member.branchId }, decider, at);
  await ref.set({ data: withoutId(veto) });
  for (const publication of publications) await tx.collection(COLLECTIONS.publications).doc(publication._id).update({ data: { vetoedAt: at } });
  return veto;
}
