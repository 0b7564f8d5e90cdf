/**
 * 一票否决 (seeds/001 篇二十一; 篇一 三、4 直接视作不合格; 篇十六 (二) 由支部考评小组认定): veto.propose
 * puts a veto forward for a member and a cycle as a claim of kind 'veto', routed on the template's
 * veto chain like an objection (the member and the proposer passed over); claim.decide approves it
 * into a `vetoes` document in the same transaction. veto.list shows a cycle's vetoes in force to those
 * who read the unit. Readings: docs/rules.md X1–X9.
 */
import { z } from 'zod';
import type { StoredMember } from '../../data/members';
import { DomainError } from '../../../domain/errors';
import { ROOT } from '../../../domain/organisation';
import { shanghaiDate } from '../../../domain/periods';
import { publicationIdsFor } from '../../../domain/publication';
import { chainOf, roleStep } from '../../../domain/routing';
import { unitWord, type Scheme } from '../../../domain/scheme';
import { assertVetoable, assertVetoCycle, conditionOf, mayProposeVeto, proposalRefusal, readsVetoes, vetoConditions } from '../../../domain/vetoes';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { id, note, yearKey } from '../validation';
import { newClaim } from '../../data/claim-builder';
import { writeClaim } from '../../data/claims';
import { findMember, loadEndorsers } from '../../data/members';
import { findPublication } from '../../data/outcomes';
import { listVetoes, openVetoClaimId } from '../../data/vetoes';
import { notifyReviewers } from '../../notify';

export const vetoPropose = defineAction('veto.propose', {
  schema: z
    .object({
      memberId: id,
      key: yearKey,
      condition: z.string().trim().min(1, '请选择').max(40, '过长'),
      reason: note(300).pipe(z.string().min(2, '请写明一票否决的事实和依据')),
    })
    .strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const condition = conditionOf(scheme, payload.condition);
    const target = assertVetoable(await findMember(payload.memberId), scheme);
    const unitId = target.branchId ?? ROOT;
    const proposer = await proposerFor(ctx, unitId, scheme);
    if (proposer._id === target._id) throw new DomainError('SELF_REVIEW', '不能对自己提出一票否决');
    const publications = await Promise.all(publicationIdsFor('cycle', payload.key, target.branchId).map((pid) => findPublication(pid)));
    assertVetoCycle(payload.key, ctx.now, scheme.calendar, publications);
    const [step] = chainOf('veto', scheme);
    const candidates = await loadEndorsers(target.branchId, scheme);
    const route = roleStep(step.def, null, new Set([proposer._id, target._id]), unitId, candidates, scheme);
    const draft = newClaim(ctx, {
      kind: 'veto',
      item: { id: 'veto', name: `一票否决：${target.name} ${payload.key} 年度（${condition.name}）` },
      scheme,
      occurredOn: shanghaiDate(ctx.now),
      note: payload.reason,
      evidence: [],
      creator: proposer,
      lines: [],
      input: {},
      discretionary: 0,
      step: 'final',
      route,
      decisions: [],
    });
    draft.veto = { condition: condition.id, conditionName: condition.name, effect: condition.effect, key: payload.key, memberId: target._id, memberName: target.name };
    draft.unitId = unitId;
    const result = await ctx.transact(async (tx) => {
      // One pending or approved veto per member and cycle; racing proposals write the same claim id.
      const claim = { ...draft, _id: await openVetoClaimId(tx, payload.key, target._id, target.name) };
      await writeClaim(tx, claim);
      return { claim };
    });
    await notifyReviewers(result.claim, candidates);
    return result;
  },
});

/** The proposer: a holder of 'record' or 'sign' for the member's unit, or the secretariat (X1). */
async function proposerFor(ctx: RequestContext, unitId: string, scheme: Scheme): Promise<{ _id: string; name: string }> {
  const member = await ctx.member();
  if (member && mayProposeVeto(member, unitId, scheme.organisation)) return { _id: member._id, name: member.name };
  if (await ctx.isSecretariat()) {
    const actor = await ctx.secretariatActor();
    return { _id: actor.id, name: actor.name };
  }
  if (!member) await ctx.requireMember();
  throw proposalRefusal(scheme);
}

export const vetoList = defineAction('veto.list', {
  schema: z.object({ key: yearKey, branchId: id.optional() }).strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    vetoConditions(scheme);
    const unit = await readableUnit(ctx, payload.branchId, scheme);
    return { vetoes: await listVetoes(payload.key, unit) };
  },
});

/** The unit whose vetoes the caller reads (null: every unit): root readers and the secretariat any, a unit's readers theirs (X8). */
async function readableUnit(ctx: RequestContext, asked: string | undefined, scheme: Scheme): Promise<string | null> {
  const member: StoredMember | null = await ctx.member();
  if ((await ctx.isSecretariat()) || readsVetoes(member, ROOT, scheme.organisation)) return asked ?? null;
  const active = await ctx.requireMember();
  const unit = asked ?? active.branchId;
  if (unit === null || !readsVetoes(active, unit, scheme.organisation)) {
    throw new DomainError('FORBIDDEN', `只有本${unitWord(scheme)}负责人、${scheme.organisation.root.name}或秘书处可以查看一票否决`);
  }
  return unit;
}
