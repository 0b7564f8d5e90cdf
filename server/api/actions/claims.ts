/**
 * Self-reports (第十五条 个性化事件): catalog.get, claim.submit, claim.withdraw, claim.get, claim.mine.
 */
import { z } from 'zod';
import type { Claim, ClaimStatus, Role } from '../../../typings/models';
import { authorityLimit, highestPersonalAuthority, rolesOf } from '../../../domain/authority';
import { DomainError } from '../../../domain/errors';
import { schemeTerms } from '../../../domain/glossary';
import { assertInClaimsWindow } from '../../../domain/periods';
import { capabilitiesOf } from '../../../domain/capabilities';
import { countsIn, hoursOf, linePoints, shownItem } from '../../../domain/points';
import { assertMayClaim, assertSelfReportWithinAuthority } from '../../../domain/proposals';
import { selfReportRefusal } from '../../../domain/ledgers';
import { selfReportRoute } from '../../../domain/routing';
import { itemFor } from '../../../domain/unit-items';
import { unitItemsOf } from '../../data/unit-items';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { calendarDate, cursor, evidence, id, noPayload, note, points } from '../validation';
import { claimsOfMember, decodeCursor, findClaim, nextCursor, readClaim, writeClaim } from '../../data/claims';
import { loadEndorsers } from '../../data/members';
import { newClaim, recordClaim } from '../../data/claim-builder';
import { withDuplicatesFlagged } from '../../data/duplicates';
import { withEvidenceUrls } from '../../data/files';

export const catalogGet = defineAction('catalog.get', {
  schema: noPayload,
  access: 'anyone',
  writes: false,
  async handle(ctx) {
    const scheme = await ctx.scheme();
    const member = await ctx.member();
    const active = member?.status === 'active' ? member : null;
    const roles: Role[] = active ? rolesOf(active) : [];
    if (!roles.includes('secretariat') && (await ctx.isSecretariat())) roles.push('secretariat');
    // A unit's own approved items (第四条) are offered to its people beside the scheme's.
    const own = await unitItemsOf(active?.branchId ?? null);
    return {
      version: scheme.version,
      effectiveFrom: scheme.effectiveFrom,
      items: [...scheme.items, ...own.map((u) => u.item)].map(shownItem),
      claimsWindowDays: scheme.claimsWindowDays,
      selfReportMax: highestPersonalAuthority(scheme),
      viewer: {
        memberId: active?._id ?? null,
        authority: active ? authorityLimit(active, scheme) : 0,
        roles,
        can: capabilitiesOf(active, scheme),
        selfReportRefusal: selfReportRefusal(active, scheme),
      },
      scheme: { id: scheme.template, name: scheme.name },
      roles: scheme.organisation.roles.map((r) => ({ id: r.id, name: r.name })),
      ...(scheme.composition ? { components: scheme.composition.components.map((c) => ({ id: c.id, name: c.name, max: c.max })) } : {}),
      ...(scheme.outcomes?.vetoes?.length ? { vetoes: scheme.outcomes.vetoes.map((v) => ({ id: v.id, name: v.name, effect: v.effect })) } : {}),
      terms: schemeTerms(scheme),
    };
  },
});

export const claimSubmit = defineAction('claim.submit', {
  schema: z
    .object({
      itemId: id,
      occurredOn: calendarDate,
      points: points.optional(),
      value: z.number().positive('须大于 0').max(1e10, '过大').optional(),
      count: z.number().int('须为整数').min(1).max(1000).optional(),
      note: note(),
      evidence,
    })
    .strict(),
  access: 'member',
  writes: true,
  async handle(ctx, payload) {
    const claimant = await ctx.requireMember();
    const scheme = await ctx.scheme();
    const item = itemFor(scheme, await unitItemsOf(claimant.branchId), payload.itemId, claimant.branchId);
    assertMayClaim(claimant, item, scheme);
    assertInClaimsWindow(payload.occurredOn, ctx.now, scheme.claimsWindowDays);
    const input = { value: payload.value, count: payload.count, points: payload.points };
    const { points: earned, discretionary } = linePoints(item, input);
    assertSelfReportWithinAuthority(item, discretionary, scheme);
    const leaders = await loadEndorsers(claimant.branchId, scheme);
    const route = selfReportRoute(claimant, discretionary, leaders, scheme);
    if (!route) throw new DomainError('INTERNAL', 'the self-report chain has no step');
    const line = { memberId: claimant._id, memberName: claimant.name, points: earned, itemId: item.id, itemName: item.name, ...countsIn(item), ...hoursOf(item, input) };
    const claim = newClaim(ctx, {
      kind: 'self',
      item,
      scheme,
      occurredOn: payload.occurredOn,
      note: payload.note,
      evidence: payload.evidence ?? [],
      creator: await ctx.actor(),
      lines: await withDuplicatesFlagged([line], payload.occurredOn),
      input: stripUndefined(input),
      discretionary,
      step: route.step,
      route,
      decisions: [],
    });
    return recordClaim(ctx, claim, leaders);
  },
});

export const claimWithdraw = defineAction('claim.withdraw', {
  schema: z.object({ claimId: id }).strict(),
  access: 'member',
  writes: true,
  async handle(ctx, { claimId }) {
    const member = await ctx.requireMember();
    return ctx.transact(async (tx) => {
      const claim = await readClaim(tx, claimId);
      if (claim.createdBy !== member._id) throw new DomainError('FORBIDDEN', '只能撤回自己提交的申请');
      if (claim.status !== 'pending') throw new DomainError('CONFLICT', '该申请已处理，不能撤回');
      const at = ctx.now.toISOString();
      const withdrawn: Claim = {
        ...claim,
        status: 'withdrawn',
        step: null,
        waitingFor: null,
        routing: null,
        updatedAt: at,
        decisions: [...claim.decisions, { step: claim.step ?? 'endorse', by: member._id, byName: member.name, decision: 'withdraw', at }],
      };
      await writeClaim(tx, withdrawn);
      return { claim: withdrawn };
    });
  },
});

/** Who may see a claim: its creator, its recipients, its reviewers past and present, the secretariat. */
async function assertMaySee(ctx: RequestContext, claim: Claim): Promise<void> {
  if (await ctx.isSecretariat()) return;
  const member = await ctx.requireMember();
  const involved =
    claim.createdBy === member._id ||
    claim.lines.some((line) => line.memberId === member._id) ||
    claim.decisions.some((d) => d.by === member._id) ||
    Boolean(claim.waitingFor?.memberIds.includes(member._id));
  if (!involved) throw new DomainError('FORBIDDEN', '您无权查看该申请');
}

export const claimGet = defineAction('claim.get', {
  schema: z.object({ claimId: id }).strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, { claimId }) {
    const claim = await findClaim(claimId);
    if (!claim) throw new DomainError('NOT_FOUND', '申请不存在');
    await assertMaySee(ctx, claim);
    const [shown] = await withEvidenceUrls([claim]);
    return { claim: shown };
  },
});

export const claimMine = defineAction('claim.mine', {
  schema: z
    .object({
      status: z.enum(['pending', 'approved', 'rejected', 'withdrawn'] satisfies ClaimStatus[]).optional(),
      cursor,
    })
    .strict(),
  access: 'member',
  writes: false,
  async handle(ctx, payload) {
    const member = await ctx.requireMember();
    const offset = decodeCursor(payload.cursor);
    const claims = await claimsOfMember(member._id, payload.status, offset);
    return { claims: await withEvidenceUrls(claims), cursor: nextCursor(offset, claims) };
  },
});

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
