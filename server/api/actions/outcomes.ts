/**
 * Reading a closed period's outcomes (outcome.list) and objecting (objection.submit), SCHEMES.md §3.
 *
 * 公示 is within the unit (seeds/002 六(二)(2): 在支部范围内进行公示): a member reads their own unit's
 * rows once published; drafts are for the unit's head and the secretariat; root readers and the
 * secretariat read every unit. An objection to an outcome while its window is open, or to an entry of
 * one's own, becomes a claim of kind `objection` in the deciders' inboxes (the template's objection
 * chain: 支委会); upholding an objection to an entry reverses it, upholding one to an outcome has the
 * row drafted again when the period is made final.
 */
import { z } from 'zod';
import type { ClaimLine, LedgerEntry } from '../../../typings/models';
import type { DataOf, OutcomeView } from '../../../typings/api';
import { periodKeyOf, PERIOD_NAMES } from '../../../domain/calendar';
import { reversalLine } from '../../../domain/corrections';
import { DomainError } from '../../../domain/errors';
import { holdsRight, ROOT } from '../../../domain/organisation';
import { graded, listOrder, shownFlags, type OutcomeRow } from '../../../domain/outcome-rows';
import { quotaPlaces } from '../../../domain/grades';
import { isOpen, publicationId, publicationIdsFor } from '../../../domain/publication';
import { chainOf, roleStep } from '../../../domain/routing';
import { shanghaiDate } from '../../../domain/periods';
import { unitWord, type Scheme } from '../../../domain/scheme';
import type { StoredMember } from '../../data/members';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { cursor, id, note } from '../validation';
import { database, getOrNull } from '../../cloud';
import { loadBranches } from '../../data/branches';
import { COLLECTIONS } from '../../data/collections';
import { decodeCursor, nextCursor, writeClaim } from '../../data/claims';
import { newClaim } from '../../data/claim-builder';
import { findMember, loadEndorsers } from '../../data/members';
import { countUnitRows, findPublication, findRow, rowsPage } from '../../data/outcomes';
import { notifyReviewers } from '../../notify';

const ROWS_PAGE = 200;

/** A row as the contract shows it: the grading pass's flags after the assessment's. */
function viewOfRow(row: OutcomeRow): OutcomeView {
  const { _id, publication: _publication, period: _period, key: _key, branchId: _branchId, category: _category, gradeFlags: _gradeFlags, ...view } = row;
  return { outcomeId: _id, ...view, flags: shownFlags(row) };
}

/** The quota line of one unit's graded rows (篇一 三、4: 优秀 at most 15% of its members, at least 1). */
async function quotaOf(publicationId: string, period: OutcomeRow['period'], unit: string | null, scheme: Scheme): Promise<DataOf<'outcome.list'>['quota'] | undefined> {
  const quota = scheme.outcomes?.grades?.quota;
  if (unit === null || !quota || !graded(period, scheme)) return undefined;
  const members = await countUnitRows(publicationId, unit);
  const name = scheme.outcomes!.grades!.grades.find((g) => g.id === quota.grade)?.name ?? quota.grade;
  return { grade: quota.grade, name, places: quotaPlaces(quota, members), members, share: quota.share, minimum: quota.minimum };
}

/** Whether the caller reads every unit's outcomes, or signs (and so sees the drafts of) this unit. */
async function reach(ctx: RequestContext, scheme: Scheme, unitId: string | null): Promise<{ all: boolean; signs: boolean; member: StoredMember | null }> {
  const member = await ctx.member();
  const secretariat = await ctx.isSecretariat();
  const active = member && member.status === 'active' ? member : null;
  const all = secretariat || Boolean(active && holdsRight(active, 'read', scheme.organisation, ROOT));
  const signs = secretariat || Boolean(active && holdsRight(active, 'sign', scheme.organisation, unitId ?? ROOT));
  return { all, signs, member: active };
}

export const outcomeList = defineAction('outcome.list', {
  schema: z
    .object({
      period: z.enum(['month', 'quarter', 'half', 'year', 'cycle']),
      key: z.string().trim().min(4, '格式不正确').max(7, '格式不正确'),
      scope: z.object({ branchId: id.optional() }).strict().optional(),
      cursor,
    })
    .strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const asked = payload.scope?.branchId;
    const { all, member } = await reach(ctx, scheme, asked ?? null);
    if (!all && !member) await ctx.requireMember();
    const unit = asked ?? (all ? null : (member?.branchId ?? null));
    if (!all && asked !== undefined && asked !== member?.branchId) {
      throw new DomainError('FORBIDDEN', `考评结果在本${unitWord(scheme)}范围内公示，只能查看本${unitWord(scheme)}的结果`);
    }
    const ids = publicationIdsFor(payload.period, payload.key, unit);
    const publications = await Promise.all(ids.map((pid) => findPublication(pid)));
    const publication = publications.find((p) => p !== null) ?? null;
    const units = all ? { units: (await loadBranches()).map((b) => ({ _id: b._id, name: b.name })) } : {};
    if (!publication) return { state: null, rows: [], cursor: null, unitId: unit, signs: (await reach(ctx, scheme, unit)).signs, ...units };
    const { signs } = await reach(ctx, scheme, publication.unitId);
    const visible = publication.state === 'public' || publication.state === 'final' || signs;
    const offset = decodeCursor(payload.cursor);
    const rows = visible ? await rowsPage(publication._id, unit, offset, ROWS_PAGE) : [];
    const data: DataOf<'outcome.list'> = {
      state: publication.state,
      rows: listOrder(rows, scheme).map(viewOfRow),
      cursor: nextCursor(offset, rows, ROWS_PAGE),
      unitId: unit,
      signs,
      ...units,
    };
    const quota = visible ? await quotaOf(publication._id, payload.period, unit, scheme) : undefined;
    if (quota) data.quota = quota;
    if (publication.publicUntil) data.publicUntil = publication.publicUntil;
    if (publication.signedBy) data.signedBy = publication.signedBy;
    return data;
  },
});

export const objectionSubmit = defineAction('objection.submit', {
  schema: z
    .object({ outcomeId: id.optional(), entryId: id.optional(), reason: note(300).pipe(z.string().min(2, '请写明异议的理由')) })
    .strict()
    .refine((p) => (p.outcomeId === undefined) !== (p.entryId === undefined), '请指明对哪一项考评结果或哪一条积分记录提出异议'),
  access: 'member',
  writes: true,
  async handle(ctx, payload) {
    const objector = await ctx.requireMember();
    const scheme = await ctx.scheme();
    const target = payload.outcomeId ? await outcomeTarget(ctx, payload.outcomeId, objector, scheme) : await entryTarget(ctx, payload.entryId!, objector, scheme);
    const [step] = chainOf('objection', scheme);
    if (!step) throw new DomainError('INVALID_INPUT', '本方案没有异议处理');
    const candidates = await loadEndorsers(target.unitId === ROOT ? null : target.unitId, scheme);
    const route = roleStep(step.def, null, new Set([objector._id, target.memberId]), target.unitId, candidates, scheme);
    const claim = newClaim(ctx, {
      kind: 'objection',
      item: { id: 'objection', name: target.title },
      scheme,
      occurredOn: target.occurredOn,
      note: payload.reason,
      evidence: [],
      creator: await ctx.actor(),
      lines: target.lines,
      input: {},
      discretionary: 0,
      step: 'final',
      route,
      decisions: [],
      reversalOf: target.entryId,
    });
    if (target.outcome) {
      claim.outcomeId = target.outcome._id;
      claim.publication = target.outcome.publication;
    }
    const result = await ctx.transact(async (tx) => {
      if (target.outcome) {
        const row = await getOrNull<OutcomeRow>(tx.collection(COLLECTIONS.outcomes).doc(target.outcome._id));
        if (row?.objection?.state === 'pending') throw new DomainError('CONFLICT', '该考评结果已有待处理的异议');
        await tx.collection(COLLECTIONS.outcomes).doc(target.outcome._id).update({ data: { objection: { claimId: claim._id, state: 'pending' } } });
      }
      await writeClaim(tx, claim);
      return { claim };
    });
    await notifyReviewers(result.claim, candidates);
    return result;
  },
});

interface ObjectionTarget {
  title: string;
  memberId: string;
  unitId: string;
  occurredOn: string;
  lines: ClaimLine[];
  outcome?: OutcomeRow;
  entryId?: string;
}

/** An outcome of the objector's unit, while its 公示 is open (SCHEMES.md §3). */
async function outcomeTarget(ctx: RequestContext, outcomeId: string, objector: StoredMember, scheme: Scheme): Promise<ObjectionTarget> {
  const row = await findRow(outcomeId);
  if (!row) throw new DomainError('NOT_FOUND', '没有这项考评结果');
  const publication = await findPublication(row.publication);
  if (!publication || !isOpen(publication, ctx.now)) throw new DomainError('OUT_OF_WINDOW', '该考评结果不在公示期内，不能提出异议');
  // 接受党员群众的监督 (六(二)(2)): the member concerned, or a member of the same unit.
  if (row.memberId !== objector._id && row.branchId !== objector.branchId) {
    throw new DomainError('FORBIDDEN', `只能对本${unitWord(scheme)}的考评结果提出异议`);
  }
  return {
    title: `对${row.name} ${row.key} ${PERIOD_NAMES[row.period]}考评结果的异议`,
    memberId: row.memberId,
    unitId: row.branchId ?? ROOT,
    occurredOn: shanghaiDate(ctx.now),
    lines: [],
    outcome: row,
  };
}

/**
 * An entry of the objector's own, while its quarter is not final for their unit (seeds/002 六(一)(2):
 * 存在争议的，由支部委员会研究决定): upheld, it is reversed.
 */
async function entryTarget(ctx: RequestContext, entryId: string, objector: StoredMember, scheme: Scheme): Promise<ObjectionTarget> {
  const entry = await getOrNull<LedgerEntry>(database().collection(COLLECTIONS.ledger).doc(entryId));
  if (!entry) throw new DomainError('NOT_FOUND', '积分记录不存在');
  if (entry.memberId !== objector._id) throw new DomainError('FORBIDDEN', '只能对自己的积分记录提出异议');
  if (entry.reverses || entry.corrects) throw new DomainError('INVALID_INPUT', '冲正或更正记录不能再提出异议');
  if (await getOrNull(database().collection(COLLECTIONS.ledger).doc(`rev-${entryId}`))) throw new DomainError('CONFLICT', '该记录已被冲正或更正过');
  const quarter = periodKeyOf('quarter', entry.occurredOn, scheme.calendar);
  for (const unit of [objector.branchId ?? ROOT, ROOT]) {
    const closed = await findPublication(publicationId('quarter', quarter, unit));
    if (closed?.state === 'final') throw new DomainError('OUT_OF_WINDOW', `${quarter} 季度已考评确定，不能再对其中的记录提出异议`);
  }
  const { total } = await database().collection(COLLECTIONS.claims).where({ kind: 'objection', status: 'pending', reversalOf: entryId }).count();
  if (total > 0) throw new DomainError('CONFLICT', '该记录已有待处理的异议');
  const member = await findMember(entry.memberId);
  return {
    title: `对“${entry.itemName}”记录的异议`,
    memberId: entry.memberId,
    unitId: member?.branchId ?? ROOT,
    occurredOn: entry.occurredOn,
    lines: [reversalLine(entry)],
    entryId,
  };
}
