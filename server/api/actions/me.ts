/**
 * me.get and me.bind: who the caller is, and the first-run binding with an invite code.
 */
import { z } from 'zod';
import type { CycleStanding, Standing } from '../../../typings/api';
import type { LedgerEntry, Role } from '../../../typings/models';
import { currentPeriodKey, tallyKeyOf } from '../../../domain/calendar';
import { scoreOf, scoreParts } from '../../../domain/composition';
import { currentMonthKey, currentYearKey } from '../../../domain/periods';
import type { Scheme } from '../../../domain/scheme';
import { competitionRank } from '../../../domain/ranking';
import { tallyId } from '../../../domain/tally';
import { database } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import type { StoredTally } from '../../data/ledger';
import { boardFilter } from './boards';
import { authorityLimit, rolesOf } from '../../../domain/authority';
import { DomainError } from '../../../domain/errors';
import { schemeTerms } from '../../../domain/glossary';
import { capabilitiesOf } from '../../../domain/capabilities';
import { balanceOf } from '../../../domain/shop';
import { defineAction } from '../action';
import { noPayload } from '../validation';
import { countInbox } from '../../data/claims';
import { bindMember } from '../../data/binding';
import { withPhone } from '../../data/members';

export const meGet = defineAction('me.get', {
  schema: noPayload,
  access: 'anyone',
  writes: false,
  async handle(ctx) {
    const member = await ctx.member();
    const roles: Role[] = member ? rolesOf(member) : [];
    if (!roles.includes('secretariat') && (await ctx.isSecretariat())) roles.push('secretariat');
    const scheme = await ctx.scheme();
    const terms = schemeTerms(scheme);
    const can = capabilitiesOf(member, scheme, roles.includes('secretariat'));
    if (!member) return { member: null, roles, authority: 0, inboxCount: 0, terms, can };
    return {
      member: withPhone(member),
      roles,
      authority: authorityLimit(member, scheme),
      inboxCount: member.status === 'active' ? await countInbox(member._id) : 0,
      terms,
      can,
      ...(member.kind === 'household' ? { acting: (await ctx.holder()) ?? undefined } : {}),
    };
  },
});

export const meBind = defineAction('me.bind', {
  schema: z.object({ inviteCode: z.string().trim().regex(/^[A-Z0-9]{6,12}$/i, '应为 6–12 位字母或数字') }).strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, { inviteCode }) {
    if (!ctx.openid) throw new DomainError('NOT_BOUND', '无法识别您的微信身份，请在小程序内打开');
    return bindMember(ctx, inviteCode.toUpperCase());
  },
});

/** The caller's standing on the whole board for one period (its measure and competition rank). */
async function standingOf(tally: StoredTally | undefined, key: string, by: 'total' | 'score' = 'total'): Promise<Standing> {
  if (!tally || tally.status !== 'active') return { key, total: tally?.total ?? 0, rank: null };
  const db = database();
  const measure = by === 'score' ? (tally.score ?? 0) : tally.total;
  const { total: higher } = await db
    .collection(COLLECTIONS.tallies)
    .where({ ...boardFilter(tally.key), [by]: db.command.gt(measure) })
    .count();
  return { key, total: tally.total, rank: competitionRank(higher) };
}

/** The current cycle's standing with its score and parts (templates with an annual cycle and a composition). */
async function cycleStandingOf(tally: StoredTally | undefined, key: string, scheme: Scheme): Promise<CycleStanding> {
  const composition = scheme.composition;
  const standing: CycleStanding = await standingOf(tally, key, composition ? 'score' : 'total');
  if (!composition) return standing;
  return { ...standing, score: scoreOf(composition, tally?.parts), components: scoreParts(composition, tally?.parts) };
}

export const homeGet = defineAction('home.get', {
  schema: noPayload,
  access: 'anyone',
  writes: false,
  async handle(ctx) {
    const me = await meGet.handle(ctx, undefined);
    if (!me.member) return { ...me, standings: null, recent: [] };
    const memberId = me.member._id;
    const scheme = await ctx.scheme();
    const month = currentMonthKey(ctx.now);
    const year = currentYearKey(ctx.now);
    const annual = scheme.calendar.cycle.kind === 'annual';
    const cycle = annual ? currentPeriodKey('cycle', ctx.now, scheme.calendar) : null;
    const ids = [tallyId(memberId, `m:${month}`), tallyId(memberId, `y:${year}`), tallyId(memberId, 'all')];
    if (cycle) ids.push(tallyId(memberId, tallyKeyOf('cycle', cycle)));
    const db = database();
    const [{ data: tallies }, { data: recent }] = await Promise.all([
      db.collection(COLLECTIONS.tallies).where({ _id: db.command.in(ids) }).limit(ids.length).get(),
      db.collection(COLLECTIONS.ledger).where({ memberId }).orderBy('createdAt', 'desc').limit(5).get(),
    ]);
    const byId = new Map((tallies as StoredTally[]).map((t) => [t._id, t]));
    const [m, y, all, c] = await Promise.all([
      standingOf(byId.get(ids[0]), month),
      standingOf(byId.get(ids[1]), year),
      standingOf(byId.get(ids[2]), 'all'),
      cycle ? cycleStandingOf(byId.get(ids[3]), cycle, scheme) : null,
    ]);
    const spendable = scheme.shop ? { ...all, balance: balanceOf(byId.get(ids[2]) ?? null) } : all;
    return { ...me, standings: { month: m, year: y, all: spendable, ...(c ? { cycle: c } : {}) }, recent: recent as LedgerEntry[] };
  },
});
