/**
 * Closing, publishing (公示) and finalizing a period (SCHEMES.md §3; seeds/002 六(二)、六(三)), for the
 * secretariat or the unit's head (a holder of the 'sign' right there: the 支部书记) for their unit.
 *
 * Closing drafts one outcome row per active account in batches of CLOSE_BATCH, resumable: each call
 * drafts the next batch (rows have deterministic ids, written before the publication's cursor moves:
 * a close cut short leaves rows ahead of the cursor, which the next call writes again), and answers
 * `done` once every account has its row. Publishing opens the window until the end of its last
 * working day (China's calendar); finalizing re-drafts the rows whose objection was upheld, so the
 * corrections recorded meanwhile count, and the rows of members vetoed since the close, in the
 * transaction that makes the period final. A graded cycle (seeds/001 篇一 三、4) is graded unit by
 * unit once its last batch is drafted, and its redrafted units again at finalize; a period with places
 * (seeds/003) is placed at the same two moments, from the same read (server/data/grading.ts).
 */
import { z } from 'zod';
import type { DataOf, PeriodPayload, PublicationView } from '../../../typings/api';
import { tallyKeyOf } from '../../../domain/calendar';
import { CHINA_WORKING_DAYS } from '../../../domain/calendars/china';
import { DomainError } from '../../../domain/errors';
import { holdsRight, ROOT } from '../../../domain/organisation';
import { assessed, draftRows, type Account, type OutcomeRow } from '../../../domain/outcome-rows';
import { lookBack } from '../../../domain/outcomes';
import {
  assertMayFinalize,
  assertMayPublish,
  assertPublishable,
  earlierCycleKeys,
  publicationId,
  publicUntilOf,
  type Publication,
} from '../../../domain/publication';
import { unitWord, type Scheme } from '../../../domain/scheme';
import { assertNoPendingVetoes } from '../../../domain/vetoes';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { id } from '../validation';
import {
  activeAccountsPage,
  earlierOutcomes,
  findPublication,
  pendingObjections,
  readPublication,
  tallyFigures,
  rowsOf,
  upheldRows,
  writeGrades,
  writePublication,
  writeRows,
} from '../../data/outcomes';
import { passPublication, passRedrafted, type Passed } from '../../data/grading';
import { findMembers } from '../../data/members';
import { listVetoes, pendingVetoes, vetoesInForce } from '../../data/vetoes';

export const CLOSE_BATCH = 500;

export const periodSchema = z
  .object({
    period: z.enum(['month', 'quarter', 'half', 'year', 'cycle']),
    key: z.string().trim().min(4, '格式不正确').max(7, '格式不正确'),
    unitId: id.optional(),
  })
  .strict() as z.ZodType<PeriodPayload>;

export function viewOf(publication: Publication): PublicationView {
  const view: PublicationView = { period: publication.period, key: publication.key, unitId: publication.unitId, state: publication.state, drafted: publication.drafted };
  if (publication.publicUntil) view.publicUntil = publication.publicUntil;
  if (publication.signedBy) view.signedBy = publication.signedBy;
  return view;
}

/**
 * Who acts for the unit: the secretariat, or someone holding the 'sign' right there (a root signer,
 * e.g. 机关党委, for every unit). Answers the signature's name.
 */
async function signer(ctx: RequestContext, unitId: string, scheme: Scheme): Promise<{ id: string; name: string }> {
  const member = await ctx.member();
  if (member && member.status === 'active' && holdsRight(member, 'sign', scheme.organisation, unitId)) return { id: member._id, name: member.name };
  if (await ctx.isSecretariat()) return ctx.secretariatActor();
  throw forbidden(scheme);
}

const forbidden = (scheme: Scheme) => {
  const head = scheme.publication ? (scheme.organisation.roles.find((r) => r.id === scheme.publication!.signedBy)?.name ?? '') : '';
  return new DomainError('FORBIDDEN', `只有秘书处${head ? `或本${unitWord(scheme)}${head}` : ''}可以考评和公示`);
};

type PeriodAction = 'admin.period.close' | 'admin.period.publish' | 'admin.period.finalize';

/** What a step on a unit's period starts from: the scheme, the unit, who signs and the publication's id. */
interface PeriodStep {
  scheme: Scheme;
  unitId: string;
  by: { id: string; name: string };
  pubId: string;
}

/** A step on a unit's period (close, publish, finalize), taken by the secretariat or the unit's signer. */
function periodAction<A extends PeriodAction>(name: A, take: (ctx: RequestContext, payload: PeriodPayload, step: PeriodStep) => Promise<DataOf<A>>) {
  return defineAction(name, {
    schema: periodSchema,
    access: 'anyone',
    writes: true,
    async handle(ctx, payload) {
      const scheme = await ctx.scheme();
      const unitId = payload.unitId ?? ROOT;
      const by = await signer(ctx, unitId, scheme);
      return take(ctx, payload, { scheme, unitId, by, pubId: publicationId(payload.period, payload.key, unitId) });
    },
  });
}

export const adminPeriodClose = periodAction('admin.period.close', async (ctx, payload, { scheme, unitId, by, pubId }) => {
  assertPublishable(payload.period, payload.key, ctx.now, scheme);
  const existing = await findPublication(pubId);
  if (existing && existing.state !== 'closing') return { publication: viewOf(existing), done: true };

  const accounts = await activeAccountsPage(unitId, existing?.cursor ?? null, CLOSE_BATCH, Boolean(scheme.organisation.households));
  const rows = await drafted(accounts, { period: payload.period, key: payload.key, publication: pubId }, scheme);
  await writeRows(rows);
  const done = accounts.length < CLOSE_BATCH;
  if (done) {
    // The passes over the whole publication, once every row is drafted: 等次 (篇一 三、4), places,
    // 星级评比 by place and 挂牌公示 (seeds/003). They write only what differs from what is stored, so
    // a close cut short after its rows and before the publication moved runs them again safely; and
    // they run before the publication leaves 'closing': nobody publishes rows a pass has not seen.
    await passPublication({ _id: pubId, period: payload.period }, scheme);
  }
  return ctx.transact(async (tx) => {
    const current = (await readPublication(tx, pubId)) ?? newPublication(pubId, payload, unitId, by, ctx.now);
    if (current.state !== 'closing' || current.cursor !== (existing?.cursor ?? null)) throw new DomainError('CONFLICT', '考评正在由他人生成，请稍后刷新');
    const next: Publication = { ...current, drafted: current.drafted + rows.length, cursor: accounts.at(-1)?._id ?? current.cursor, state: done ? 'draft' : 'closing' };
    await writePublication(tx, next);
    return { publication: viewOf(next), done };
  });
});

export const adminPeriodPublish = periodAction('admin.period.publish', async (ctx, _payload, { scheme, by, pubId }) => {
  const window = scheme.publication?.windowWorkingDays;
  if (!window) throw new DomainError('INVALID_INPUT', '本方案没有公示');
  return ctx.transact(async (tx) => {
    const publication = assertMayPublish(await readPublication(tx, pubId));
    const next: Publication = {
      ...publication,
      state: 'public',
      signedBy: by,
      publishedAt: ctx.now.toISOString(),
      publicUntil: publicUntilOf(ctx.now, window, CHINA_WORKING_DAYS),
    };
    await writePublication(tx, next);
    return { publication: viewOf(next) };
  });
});

export const adminPeriodFinalize = periodAction('admin.period.finalize', async (ctx, payload, { scheme, unitId, pubId }) => {
  const seen = await findPublication(pubId);
  // A refusal is delivered inside the transaction, after a retry of a finalize that succeeded has been answered.
  const refusal = refusalOf(async () => {
    assertMayFinalize(seen, ctx.now, await pendingObjections(pubId));
    if (assessed(payload.period, scheme)) assertNoPendingVetoes(await pendingVetoes(payload.key, unitId));
  });
  // Rows drafted again from the tallies as they are now, with the vetoes in force: those whose
  // objection was upheld during the 公示 (so the corrections recorded meanwhile count), and those of
  // members vetoed after the close (X6); their units graded again and the board placed again. Written
  // with the final state, all or nothing.
  let redrafted: Passed = { rows: [], grades: [] };
  if (!(await refusal)) {
    const upheld = await upheldRows(pubId);
    const vetoed = assessed(payload.period, scheme) ? await rowsVetoedSince(seen!, scheme) : [];
    const again = [...new Map([...upheld, ...vetoed].map((row) => [row._id, row])).values()];
    const accounts = await findMembers(again.map((row) => row.memberId));
    const objections = new Map(again.map((row) => [row.memberId, row.objection]));
    const rows = (await drafted(accounts, { period: payload.period, key: payload.key, publication: pubId }, scheme)).map((row) =>
      objections.get(row.memberId) ? { ...row, objection: objections.get(row.memberId) } : row,
    );
    redrafted = await passRedrafted({ _id: pubId, period: payload.period }, rows, scheme);
  }
  return ctx.transact(async (tx) => {
    const refused = await refusal;
    if (refused) throw refused;
    const publication = assertMayFinalize(await readPublication(tx, pubId), ctx.now, 0);
    // A veto decided after the rows above were drafted: finalize again to count it.
    if (publication.vetoedAt !== seen?.vetoedAt) throw new DomainError('CONFLICT', '刚有一票否决被决定，请重新确定');
    const next: Publication = { ...publication, state: 'final', finalizedAt: ctx.now.toISOString() };
    await writeRows(redrafted.rows, tx);
    await writeGrades(redrafted.grades, tx);
    await writePublication(tx, next);
    return { publication: viewOf(next) };
  });
});

/** Rows of a cycle whose member has a veto in force that the row does not show (decided after the close). */
async function rowsVetoedSince(publication: Publication, scheme: Scheme): Promise<OutcomeRow[]> {
  if (!scheme.outcomes?.vetoes?.length) return [];
  const vetoes = await listVetoes(publication.key, publication.unitId === ROOT ? null : publication.unitId);
  const rows = await rowsOf(publication, vetoes.map((v) => v.memberId));
  const byMember = new Map(vetoes.map((v) => [v.memberId, v]));
  return rows.filter((row) => row.publication === publication._id && row.veto?.condition !== byMember.get(row.memberId)?.condition);
}

/** The rows of these accounts, from their tallies and (for an assessed cycle) their earlier cycles. */
async function drafted(accounts: readonly Account[], target: { period: PeriodPayload['period']; key: string; publication: string }, scheme: Scheme): Promise<OutcomeRow[]> {
  const ids = accounts.map((a) => a._id);
  const figures = await tallyFigures(ids, tallyKeyOf(target.period, target.key));
  const back = assessed(target.period, scheme) && scheme.outcomes ? lookBack(scheme.outcomes) : 0;
  const earlier = await earlierOutcomes(ids, earlierCycleKeys(target.key, back, scheme.calendar));
  const vetoes = assessed(target.period, scheme) && scheme.outcomes?.vetoes?.length ? await vetoesInForce(ids, target.key) : new Map();
  return draftRows(accounts, figures, earlier, target, scheme, vetoes);
}

async function refusalOf(check: () => Promise<unknown>): Promise<DomainError | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

function newPublication(_id: string, payload: PeriodPayload, unitId: string, by: { id: string; name: string }, now: Date): Publication {
  return { _id, period: payload.period, key: payload.key, unitId, state: 'closing', drafted: 0, cursor: null, closedAt: now.toISOString(), closedBy: by.name };
}
