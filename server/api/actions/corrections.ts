/**
 * Reversing and correcting a ledger entry (SPEC §4: entries are never edited): entry.reverse takes an
 * entry back whole; entry.correct posts a reversing entry and the corrected one. Each is one claim
 * under the two-person rule (第十四条): the proposer (a leader, or the secretariat whether or not it
 * has a member record) and a final reviewer by the proposer's level, the 秘书长 for the secretariat.
 *
 * One pending reversal or correction per entry: its claim id is derived from the entry
 * (`fix-<entryId>-<n>`, n counting earlier ones that were rejected or withdrawn), so two racing
 * proposals write the same document, one commit conflicts, and its retry finds the other pending.
 */
import { createHash } from 'crypto';
import { z } from 'zod';
import type { Claim, ClaimLine, LedgerEntry } from '../../../typings/models';
import { authorityLimit } from '../../../domain/authority';
import { assertCorrectable, correctionLines, reversalLine } from '../../../domain/corrections';
import { DomainError } from '../../../domain/errors';
import { ROOT } from '../../../domain/organisation';
import { chainOf, roleStep } from '../../../domain/routing';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { id, note } from '../validation';
import { database, getOrNull, type Tx } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { newClaim } from '../../data/claim-builder';
import { writeClaim } from '../../data/claims';
import { loadEndorsers, type StoredMember } from '../../data/members';
import { loadSchemeVersion } from '../../data/schemes';
import { notifyReviewers } from '../../notify';

const reason = note(200).min(2, '请写明理由');
const MAX_ATTEMPTS = 50;

export const entryReverse = defineAction('entry.reverse', {
  schema: z.object({ entryId: id, reason }).strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, { entryId, reason: why }) {
    const proposer = await proposerOf(ctx);
    const entry = await correctableEntry(entryId, proposer.member);
    return proposeFix(ctx, proposer, entry, 'reversal', [reversalLine(entry)], 0, why);
  },
});

export const entryCorrect = defineAction('entry.correct', {
  schema: z
    .object({
      entryId: id,
      points: z.number().int('须为整数').min(-100000).max(100000).refine((n) => n !== 0, '不能为 0'),
      reason,
    })
    .strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, { entryId, points, reason: why }) {
    const proposer = await proposerOf(ctx);
    const entry = await correctableEntry(entryId, proposer.member);
    const scheme = await loadSchemeVersion(entry.schemeVersion);
    const item = scheme.items.find((i) => i.id === entry.itemId) ?? null;
    const authority = proposer.member ? authorityLimit(proposer.member, scheme) : 0;
    const { lines, discretionary } = correctionLines(entry, points, item, authority);
    return proposeFix(ctx, proposer, entry, 'correction', lines, discretionary, why);
  },
});

interface Proposer {
  /** The proposer's member record; null for an administrator configured by ADMIN_OPENIDS. */
  member: StoredMember | null;
  actor: { _id: string; name: string };
}

/** Leaders (authority > 0) and the secretariat propose corrections. */
async function proposerOf(ctx: RequestContext): Promise<Proposer> {
  const scheme = await ctx.scheme();
  if (await ctx.isSecretariat()) {
    const actor = await ctx.secretariatActor();
    const member = await ctx.member();
    return { member: member && member._id === actor.id ? member : null, actor: { _id: actor.id, name: actor.name } };
  }
  const member = await ctx.requireMember();
  if (authorityLimit(member, scheme) === 0) throw new DomainError('FORBIDDEN', '只有领导小组成员或秘书处可以提出冲正或更正');
  return { member, actor: { _id: member._id, name: member.name } };
}

async function correctableEntry(entryId: string, proposer: StoredMember | null): Promise<LedgerEntry> {
  const db = database();
  const entry = await getOrNull<LedgerEntry>(db.collection(COLLECTIONS.ledger).doc(entryId));
  if (!entry) throw new DomainError('NOT_FOUND', '积分记录不存在');
  assertCorrectable({ ...entry, _id: entryId }, proposer?._id ?? null);
  return { ...entry, _id: entryId };
}

async function proposeFix(
  ctx: RequestContext,
  proposer: Proposer,
  entry: LedgerEntry,
  kind: 'reversal' | 'correction',
  lines: ClaimLine[],
  discretionary: number,
  why: string,
): Promise<{ claim: Claim }> {
  const scheme = await ctx.scheme();
  const candidates = await loadEndorsers(proposer.member?.branchId ?? null, scheme);
  const [step] = chainOf('correction', scheme);
  if (!step) throw new DomainError('INTERNAL', 'the correction chain has no review step');
  // The secretariat without a member record proposes at the lowest level (docs/rules.md R9).
  const route = roleStep(step.def, proposer.member ?? null, new Set([proposer.actor._id, entry.memberId]), proposer.member?.branchId ?? ROOT, candidates, scheme);
  const at = ctx.now.toISOString();
  const draft = newClaim(ctx, {
    kind,
    item: { id: entry.itemId, name: `${kind === 'reversal' ? '冲正' : '更正'}：${entry.itemName}` },
    scheme: { ...scheme, version: entry.schemeVersion },
    occurredOn: entry.occurredOn,
    note: why,
    evidence: [],
    creator: proposer.actor,
    lines,
    input: kind === 'correction' ? { points: lines[1].points } : {},
    discretionary,
    step: 'final',
    route,
    decisions: [{ step: 'endorse', by: proposer.actor._id, byName: proposer.actor.name, decision: 'approve', at, reason: why }],
    reversalOf: entry._id,
  });
  const result = await ctx.transact(async (tx) => {
    if (await getOrNull(tx.collection(COLLECTIONS.ledger).doc(`rev-${entry._id}`))) {
      throw new DomainError('CONFLICT', '该记录已被冲正或更正过');
    }
    const claim: Claim = { ...draft, _id: await openFixId(tx, entry._id) };
    await writeClaim(tx, claim);
    return { claim };
  });
  await notifyReviewers(result.claim, candidates);
  return result;
}

/** `fix-<entryId>`, or a hash of a long entry id, so a claim id stays within 64 characters. */
const fixBase = (entryId: string): string =>
  entryId.length <= 52 ? `fix-${entryId}` : `fix-${createHash('sha1').update(entryId, 'utf8').digest('hex').slice(0, 24)}`;

/** The id of the entry's next reversal or correction; CONFLICT naming the one still pending. */
async function openFixId(tx: Tx, entryId: string): Promise<string> {
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    const claimId = `${fixBase(entryId)}-${n}`;
    const earlier = await getOrNull<Claim>(tx.collection(COLLECTIONS.claims).doc(claimId));
    if (!earlier) return claimId;
    if (earlier.status === 'pending') {
      const what = earlier.kind === 'reversal' ? '冲正' : '更正';
      throw new DomainError('CONFLICT', `该记录已有待审批的${what}申请（${earlier.createdByName}提出，等待${earlier.waitingFor?.label ?? '审批'}），请先处理该申请`, {
        pending: claimId,
      });
    }
    if (earlier.status === 'approved') throw new DomainError('CONFLICT', '该记录已被冲正或更正过');
  }
  throw new DomainError('CONFLICT', '该记录的冲正、更正申请过多，请联系秘书处');
}

