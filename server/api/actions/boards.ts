/**
 * Reading: ranking boards (第十六条), the ledger (明细) and notices (公示).
 *
 * A board is one query over tallies, which carry the attributes the scopes filter on; the caller's
 * own row is one more read by openid, and only a caller below the shown rows costs a count (served
 * by the (key, scope…, total) index, reading no documents).
 */
import { z } from 'zod';
import type { BoardScope, BoardStanding, DataOf, RankingRow, UnitBoard } from '../../../typings/api';
import type { LedgerEntry, Notice } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { schemeTerms } from '../../../domain/glossary';
import { competitionRank, rankBoard, type Measure } from '../../../domain/ranking';
import { boardPeriod, inScope, ranksByScore, scopeCategory, tallyId, type TallyKey } from '../../../domain/tally';
import { ledgerReach, reaches } from '../../../domain/reach';
import { rootName, unitWord } from '../../../domain/scheme';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { cursor, id, noPayload } from '../validation';
import { database, getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { decodeCursor, nextCursor, PAGE_SIZE } from '../../data/claims';
import type { StoredTally } from '../../data/ledger';
import { findMember } from '../../data/members';
import { unitBoard } from '../../data/unit-board';
import { boardChoices } from '../../data/board-choices';

export const DEFAULT_BOARD_ROWS = 50;
export const MAX_BOARD_ROWS = 100;

const categoryId = z.string().trim().regex(/^[a-z][a-z0-9_]*$/, '类别应为方案中的类别代码').max(40);

export const scopeSchema = z
  .object({
    branchId: id.optional(),
    group: z.enum(['leaders', 'members']).optional(),
    category: categoryId.optional(),
    tier: categoryId.optional(),
    profession: z.string().trim().min(1).max(40).optional(),
    socialRole: z.string().trim().min(1).max(40).optional(),
  })
  .strict();

export const boardSchema = z
  .object({
    period: z.enum(['month', 'quarter', 'half', 'year', 'cycle', 'all']),
    key: z.string().max(7).optional(),
    scope: scopeSchema.optional(),
    limit: z.number().int().min(1).max(MAX_BOARD_ROWS).optional(),
    by: z.enum(['member', 'unit']).optional(),
  })
  .strict()
  .refine((p) => p.by !== 'unit' || p.scope === undefined, '单位排名不分范围');

/** The tally filter of a board: the period's key, active members, and the scope's attributes. */
export function boardFilter(tallyKey: TallyKey, scope: BoardScope = {}): Record<string, unknown> {
  const filter: Record<string, unknown> = { key: tallyKey, status: 'active' };
  if (scope.branchId !== undefined) filter.branchId = scope.branchId;
  if (scope.group !== undefined) filter.group = scope.group;
  const category = scopeCategory(scope);
  if (category !== undefined) filter.category = category;
  if (scope.profession !== undefined) filter.profession = scope.profession;
  if (scope.socialRole !== undefined) filter.socialRoles = scope.socialRole;
  return filter;
}

/** Rows of a board from `skip`, in the domain's order (the measure, then name, then member id). */
export async function boardRows(tallyKey: TallyKey, scope: BoardScope | undefined, limit: number, skip = 0, by: Measure = 'total'): Promise<StoredTally[]> {
  let query = database()
    .collection(COLLECTIONS.tallies)
    .where(boardFilter(tallyKey, scope))
    .orderBy(by, 'desc')
    .orderBy('name', 'asc')
    .orderBy('memberId', 'asc');
  if (skip > 0) query = query.skip(skip);
  const { data } = await query.limit(limit).get();
  return data as StoredTally[];
}

async function householdTally(ctx: RequestContext, tallyKey: TallyKey): Promise<StoredTally | undefined> {
  if (!(await ctx.holder())) return undefined;
  const household = await ctx.member();
  return household ? ((await getOrNull<StoredTally>(database().collection(COLLECTIONS.tallies).doc(tallyId(household._id, tallyKey)))) ?? undefined) : undefined;
}

async function ownStanding(
  ctx: RequestContext,
  tallyKey: TallyKey,
  scope: BoardScope | undefined,
  rows: RankingRow[],
  by: Measure,
): Promise<BoardStanding | null> {
  if (!ctx.openid) return null;
  const db = database();
  const { data } = await db.collection(COLLECTIONS.tallies).where({ openid: ctx.openid, key: tallyKey }).limit(1).get();
  // A household's people are not on its tallies (H12): their standing is the household's, found by id.
  const own = (data[0] as StoredTally | undefined) ?? (await householdTally(ctx, tallyKey));
  if (!own || !inScope(own, scope)) return null;
  const score = by === 'score' ? { score: own.score ?? 0 } : {};
  const shown = rows.find((row) => row.memberId === own.memberId);
  if (shown) return { memberId: own.memberId, rank: shown.rank, total: shown.total, ...score };
  const { total: higher } = await db
    .collection(COLLECTIONS.tallies)
    .where({ ...boardFilter(tallyKey, scope), [by]: db.command.gt(by === 'score' ? (own.score ?? 0) : own.total) })
    .count();
  return { memberId: own.memberId, rank: competitionRank(higher), total: own.total, ...score };
}

export const rankingGet = defineAction('ranking.get', {
  schema: boardSchema,
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const { key, tallyKey } = boardPeriod(payload.period, payload.key, ctx.now, scheme);
    const by: Measure = ranksByScore(tallyKey, scheme) ? 'score' : 'total';
    if (payload.by === 'unit') {
      const board: UnitBoard = { by: 'unit', period: payload.period, key, rows: await unitBoard(tallyKey, by), me: null, terms: schemeTerms(scheme) };
      return board as unknown as DataOf<'ranking.get'>;
    }
    const tallies = await boardRows(tallyKey, payload.scope, payload.limit ?? DEFAULT_BOARD_ROWS, 0, by);
    const rows = rankBoard(tallies, Infinity, by);
    const me = await ownStanding(ctx, tallyKey, payload.scope, rows, by);
    return { by: 'member' as const, period: payload.period, key, rows, me, terms: schemeTerms(scheme) };
  },
});

/**
 * What the 排行 page's filters offer (第十六条: boards by branch, profession and social role): the
 * values that exist, so nobody has to type one that must match exactly. Asked when the filters are
 * opened, not with every board: a board's reads stay its rows + 1.
 */
export const rankingScopes = defineAction('ranking.scopes', {
  schema: noPayload,
  access: 'anyone',
  writes: false,
  async handle() {
    return boardChoices();
  },
});

/**
 * Whose ledger the caller may read (L1): their own; the secretariat everyone's; others as far as
 * their reach (domain/reach.ts): root readers and leaders everyone's, a unit's leaders and readers
 * their unit's.
 */
async function assertMayReadLedger(ctx: RequestContext, memberId: string): Promise<void> {
  const reader = await ctx.member();
  if (reader && reader._id === memberId) return;
  if (await ctx.isSecretariat()) return;
  const viewer = await ctx.requireMember();
  const scheme = await ctx.scheme();
  const reach = ledgerReach(viewer, scheme);
  const member = scheme.words.member;
  // Someone who reads nobody else's is told so before anything is looked up (not even whether the id exists).
  if (reach === null) throw new DomainError('FORBIDDEN', `您只能查看自己的积分明细；${member}的积分排名可在排行榜中查看`);
  const owner = await findMember(memberId);
  if (!owner) throw new DomainError('NOT_FOUND', `${member}不存在`);
  if (reaches(reach, owner.branchId)) return;
  // Say what the reader may see, not only what they may not (L1).
  const own = viewer.branchName ?? `本${unitWord(scheme)}`;
  throw new DomainError('FORBIDDEN', `您可以查看自己和${own}${member}的积分明细；${owner.name}不是${own}${member}，其明细请向${rootName(scheme)}领导或秘书处查询`);
}

export const ledgerList = defineAction('ledger.list', {
  schema: z.object({ memberId: id.optional(), cursor }).strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const memberId = payload.memberId ?? (await ctx.requireMember())._id;
    await assertMayReadLedger(ctx, memberId);
    const offset = decodeCursor(payload.cursor);
    const { data } = await database()
      .collection(COLLECTIONS.ledger)
      .where({ memberId })
      .orderBy('createdAt', 'desc')
      .skip(offset)
      .limit(PAGE_SIZE)
      .get();
    const entries = data as LedgerEntry[];
    return { entries, cursor: nextCursor(offset, entries) };
  },
});

export const noticeList = defineAction('notice.list', {
  schema: noPayload,
  access: 'anyone',
  writes: false,
  async handle() {
    const { data } = await database().collection(COLLECTIONS.notices).orderBy('publishedAt', 'desc').limit(100).get();
    return { notices: data as Notice[] };
  },
});
