/**
 * 第十九条: the bottom of a year's board (reminder.list) and the record of a 通报 or 谈话提醒 given to
 * one of its members (reminder.record), for the secretariat (every unit) and the heads of units
 * (荆门's 分会会长, 常州's 支部书记: their own unit). Members do not see either.
 *
 * The board is every active member of the scope: the year's tallies, lowest first, and the members
 * with no tally that year (no entry: 0 points, below everyone on the board; docs/rules.md B2).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Reminder } from '../../../typings/api';
import { currentPeriodKey } from '../../../domain/calendar';
import { DomainError } from '../../../domain/errors';
import { schemeTerms } from '../../../domain/glossary';
import { reaches, reminderReach, type Reach } from '../../../domain/reach';
import { assertReminderYear, bottomOfBoard, bottomSize, REMINDER_METHODS, reminderRefusal } from '../../../domain/reminders';
import type { Competitor, Measure } from '../../../domain/ranking';
import { boardPeriod, ranksByScore } from '../../../domain/tally';
import type { Scheme } from '../../../domain/scheme';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { SECRETARIAT } from '../context';
import { id, note, yearKey } from '../validation';
import { database, getOrNull } from '../../cloud';
import { branchesByName } from '../../data/branches';
import { COLLECTIONS } from '../../data/collections';
import { boardFilter } from './boards';
import type { StoredTally } from '../../data/ledger';
import type { StoredMember } from '../../data/members';

/** The most accounts of one kind read for the bottom: ties beyond it are not shown. */
const BOTTOM_READ = 200;

/** The year's board of the template: its cycle where it has an annual one (常州's 年度得分), else the year. */
function yearBoard(scheme: Scheme, year: string | undefined, now: Date) {
  const period = scheme.calendar.cycle.kind === 'annual' ? ('cycle' as const) : ('year' as const);
  const current = currentPeriodKey(period, now, scheme.calendar);
  const { key, tallyKey } = boardPeriod(period, year ?? current, now, scheme);
  assertReminderYear(key, current);
  const by: Measure = ranksByScore(tallyKey, scheme) ? 'score' : 'total';
  return { key, tallyKey, by };
}

async function reachOf(ctx: RequestContext, scheme: Scheme): Promise<Exclude<Reach, null>> {
  const secretariat = await ctx.isSecretariat();
  const reach = reminderReach(secretariat ? null : await ctx.requireMember(), secretariat, scheme);
  if (reach === null) throw reminderRefusal(scheme);
  return reach;
}

export const reminderList = defineAction('reminder.list', {
  schema: z.object({ year: yearKey.optional(), branchId: id.optional() }).strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const reach = await reachOf(ctx, scheme);
    const terms = schemeTerms(scheme);
    if (reach !== 'all' && payload.branchId !== undefined && payload.branchId !== reach.unit) {
      throw new DomainError('FORBIDDEN', `您只能查看本${terms.words.unit}${terms.words.member}的年度排名`);
    }
    const unitId = reach === 'all' ? (payload.branchId ?? null) : reach.unit;
    const { key, tallyKey, by } = yearBoard(scheme, payload.year, ctx.now);
    const db = database();
    const scope = unitId === null ? {} : { branchId: unitId };
    // An official without a category (荆门's 政治指导员, M3) is not one of the members the article speaks of (B2).
    const members = { category: db.command.neq(null) };
    const onBoardFilter = { ...boardFilter(tallyKey, scope), ...members };
    const pointless = { status: 'active', ...scope, ...members, tallyKeys: db.command.nin([tallyKey]) };
    const [onBoard, without, lowest, zero, units] = await Promise.all([
      db.collection(COLLECTIONS.tallies).where(onBoardFilter).count(),
      db.collection(COLLECTIONS.members).where(pointless).count(),
      db.collection(COLLECTIONS.tallies).where(onBoardFilter).orderBy(by, 'asc').orderBy('name', 'desc').orderBy('memberId', 'desc').limit(BOTTOM_READ).get(),
      db.collection(COLLECTIONS.members).where(pointless).orderBy('name', 'asc').limit(BOTTOM_READ).get(),
      reach === 'all' ? branchesByName() : Promise.resolve(null),
    ]);
    const ranked = onBoard.total + without.total;
    const zeroMembers = zero.data as StoredMember[];
    const competitors: Competitor[] = [
      ...(lowest.data as StoredTally[]).map((t) => ({ memberId: t.memberId, name: t.name, branchName: t.branchName, total: t.total, score: t.score ?? 0 })),
      ...zeroMembers.map((m) => ({ memberId: m._id, name: m.name, branchName: m.branchName, total: 0, score: 0 })),
    ];
    const bottom = bottomOfBoard(competitors, ranked, by, new Set(zeroMembers.map((m) => m._id)));
    const reminders = bottom.length
      ? ((await db.collection(COLLECTIONS.reminders).where({ year: key, memberId: db.command.in(bottom.map((r) => r.memberId)) }).orderBy('recordedAt', 'desc').limit(1000).get()).data as Reminder[])
      : [];
    const remindersOf = new Map<string, Reminder[]>();
    for (const reminder of reminders) {
      const own = remindersOf.get(reminder.memberId);
      if (own) own.push(reminder);
      else remindersOf.set(reminder.memberId, [reminder]);
    }
    return {
      year: key,
      unitId,
      ...(units ? { units: units.map(({ _id, name }) => ({ _id, name })) } : {}),
      ranked,
      size: bottomSize(ranked),
      rows: bottom.map((row) => ({ ...row, reminders: remindersOf.get(row.memberId) ?? [] })),
      byScore: by === 'score',
      terms,
    };
  },
});

export const reminderRecord = defineAction('reminder.record', {
  schema: z
    .object({
      memberId: id,
      year: yearKey,
      method: z.enum(Object.keys(REMINDER_METHODS) as ['notice', 'talk'], { message: '应为通报或谈话提醒' }),
      note: note(300).min(2, '请写明通报或谈话的要点'),
    })
    .strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const reach = await reachOf(ctx, scheme);
    const { key } = yearBoard(scheme, payload.year, ctx.now);
    const recorder = await ctx.member();
    const recordedBy = recorder && recorder.status === 'active' ? { id: recorder._id, name: recorder.name } : { ...SECRETARIAT };
    const { words } = schemeTerms(scheme);
    return ctx.transact(async (tx) => {
      const member = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(payload.memberId));
      if (!member) throw new DomainError('NOT_FOUND', `${words.member}不存在`);
      if (member.status !== 'active') throw new DomainError('INVALID_INPUT', `${member.name}已退出，不再记录提醒（第十七条）`);
      if (member._id === recordedBy.id) throw new DomainError('FORBIDDEN', '不能为自己记录通报或谈话提醒');
      if (!reaches(reach, member.branchId)) {
        throw new DomainError('FORBIDDEN', `${member.name}不是本${words.unit}${words.member}，请由其所在${words.unit}或秘书处记录`);
      }
      const reminder: Reminder = {
        _id: randomBytes(12).toString('hex'),
        memberId: member._id,
        memberName: member.name,
        branchId: member.branchId,
        year: key,
        method: payload.method,
        note: payload.note,
        recordedBy,
        recordedAt: ctx.now.toISOString(),
      };
      const { _id, ...data } = reminder;
      await tx.collection(COLLECTIONS.reminders).doc(_id).set({ data });
      return { reminder };
    });
  },
});
