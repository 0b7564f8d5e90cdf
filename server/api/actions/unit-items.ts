/**
 * A unit proposes an item of its own (item.propose; 荆门 第四条, seeds/002 附件 特色分 自选): its head (a
 * holder of the 'sign' right there, or a leader of the unit) or the secretariat proposes; the root's
 * deciders approve it from their inbox (the template's `item` chain); once approved, claim.decide
 * files it in unitItems and it applies to that unit's people.
 */
import { z } from 'zod';
import { DomainError } from '../../../domain/errors';
import { holdsRight, ROOT } from '../../../domain/organisation';
import { chainOf, isBranchLeader, roleStep } from '../../../domain/routing';
import { draftUnitItem, unitItemId } from '../../../domain/unit-items';
import { shanghaiDate } from '../../../domain/periods';
import { unitWord } from '../../../domain/scheme';
import { defineAction } from '../action';
import { id } from '../validation';
import { findBranch } from '../../data/branches';
import { newClaim, newClaimId, recordClaim } from '../../data/claim-builder';
import { loadOfficers } from '../../data/members';

export const itemPropose = defineAction('item.propose', {
  schema: z
    .object({
      unitId: id.optional(),
      item: z
        .object({
          name: z.string().trim().min(2, '至少 2 个字').max(40, '不能超过 40 个字'),
          points: z.number().positive('须大于 0').max(100, '不能超过 100 分'),
          component: z.string().trim().max(40).optional(),
          claimable: z.boolean().optional(),
        })
        .strict(),
      note: z.string().trim().max(300, '不能超过 300 字'),
    })
    .strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const member = await ctx.member();
    const unitId = payload.unitId ?? member?.branchId ?? null;
    if (!unitId) throw new DomainError('INVALID_INPUT', `请选择提出项目的${unitWord(scheme)}`);
    const unit = await findBranch(unitId);
    if (!unit) throw new DomainError('NOT_FOUND', `没有这个${unitWord(scheme)}`);
    const active = member?.status === 'active' ? member : null;
    const heads = Boolean(active && (holdsRight(active, 'sign', scheme.organisation, unitId) || isBranchLeader(active, unitId, scheme)));
    if (!heads && !(await ctx.isSecretariat())) throw new DomainError('FORBIDDEN', `只有本${unitWord(scheme)}负责人或秘书处可以提出自选项目`);
    const actor = active ? { id: active._id, name: active.name } : await ctx.secretariatActor();
    const claimId = newClaimId();
    const item = draftUnitItem(payload.item, unit.name, unitItemId(unitId, claimId), scheme);
    const [step] = chainOf('item', scheme);
    if (!step) throw new DomainError('INVALID_INPUT', '本方案没有自选项目的审核');
    const candidates = await loadOfficers(scheme);
    const route = roleStep(step.def, null, new Set([actor.id]), ROOT, candidates, scheme);
    const claim = newClaim(ctx, {
      id: claimId,
      kind: 'item',
      item: { id: item.id, name: `自选项目：${item.name}（${item.points}分）` },
      scheme,
      occurredOn: shanghaiDate(ctx.now),
      note: payload.note,
      evidence: [],
      creator: { _id: actor.id, name: actor.name },
      lines: [],
      input: {},
      discretionary: 0,
      step: 'final',
      route,
      decisions: [],
    });
    claim.proposedItem = item;
    claim.unitId = unitId;
    return recordClaim(ctx, claim, candidates);
  },
});
