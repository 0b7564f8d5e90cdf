/**
 * 第十九条: the bottom of a year's board (reminder.list) and the record of a 通报 or 谈话提醒
 * (reminder.record): who sees it, who may record for whom, and bad input writing nothing.
 */
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';
import { partyOpenid, partyOrganisation } from '../support/party';

const NOW = new Date('2026-11-21T04:00:00Z');
const as = openidOf;

/** This year's points by member (the president and the clerk earn none: they decide and propose; nor does the instructor). */
const POINTS: Record<string, number> = { vice: 10, secgen: 10, b1head: 10, b1lead: 8, director: 6, m1: 1, m2: 5, m3: 1, m4: 7 };

let h: ApiHarness;

beforeEach(async () => {
  h = new ApiHarness({ now: NOW });
  standardAssociation(h);
  const { claim } = await h.ok(as('clerk'), 'award.propose', {
    itemId: 'deed.major',
    committee: 'association',
    reference: '会长会纪要 2026-11',
    occurredOn: '2026-11-20',
    recipients: Object.entries(POINTS).map(([memberId, points]) => ({ memberId, points })),
    note: '',
  });
  await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
});
afterEach(() => h.close());

const talk = (memberId: string, note = '年度积分偏低，约谈了解情况') => ({ memberId, year: '2026', method: 'talk' as const, note });

describe('the bottom of the year’s board', () => {
  it('shows the secretariat the last tenth of the whole association, at least three, lowest first, with the members who earned nothing', async () => {
    const bottom = await h.ok(ADMIN_OPENID, 'reminder.list', {});
    // Eleven members: nine on the board and two without a point this year; the political instructor,
    // an official with no tier, is not a 会员 the article speaks of (B2).
    expect(bottom).toMatchObject({ year: '2026', unitId: null, ranked: 11, size: 3, byScore: false });
    // The third lowest has 1 point, and so has another: both are in, sharing their rank.
    expect(bottom.rows.map((r) => [r.memberId, r.total, r.rank, r.unranked])).toEqual([
      ['president', 0, 10, true],
      ['clerk', 0, 10, true],
      ['m3', 1, 8, false],
      ['m1', 1, 8, false],
    ]);
    expect(bottom.units?.map((u) => u._id)).toEqual(expect.arrayContaining(['b1', 'b2']));
  });

  it('shows a 分会会长 their own branch’s bottom only', async () => {
    const own = await h.ok(as('b1head'), 'reminder.list', {});
    expect(own).toMatchObject({ unitId: 'b1', ranked: 5, size: 3 });
    expect(own.rows.map((r) => [r.name, r.rank])).toEqual([
      ['会员甲', 5],
      ['会员乙', 4],
      ['赵理事', 3],
    ]);
    expect(own.units).toBeUndefined();
    expect(await h.fails(as('b1head'), 'reminder.list', { branchId: 'b2' })).toMatchObject({ code: 'FORBIDDEN' });

    putMember(h, 'm5', { name: '会员戊', branch: 'b1' });
    await h.ok(as('clerk'), 'reminder.record', talk('m5'));
    // 会员戊 has no point: the last of six (three of six is the least shown).
    const tied = await h.ok(as('b1head'), 'reminder.list', { year: '2026' });
    expect(tied.rows.map((r) => [r.name, r.rank, r.reminders.length])).toEqual([
      ['会员戊', 6, 1],
      ['会员甲', 5, 0],
      ['会员乙', 4, 0],
    ]);
  });

  it('is refused to members, to branch leaders who are not its head, and to anyone not bound, saying who may see it', async () => {
    for (const key of ['m1', 'b1lead', 'director', 'president']) {
      const refusal = await h.fails(as(key), 'reminder.list', {});
      expect(refusal.code).toBe('FORBIDDEN');
      expect(refusal.message).toBe('年度排名靠后的会员名单只有秘书处和分会会长可以查看和记录提醒');
    }
    expect((await h.fails('stranger', 'reminder.list', {})).code).toBe('NOT_BOUND');
  });

  it('does not open a year that has not begun', async () => {
    expect(await h.fails(ADMIN_OPENID, 'reminder.list', { year: '2027' })).toMatchObject({ code: 'INVALID_INPUT', message: '年度不能晚于今年（2026）' });
  });
});

describe('recording a 通报 or 谈话提醒', () => {
  it('records a 分会会长’s 谈话提醒 for a member of their branch, shown on that member’s row for the year', async () => {
    const { reminder } = await h.ok(as('b1head'), 'reminder.record', talk('m1'));
    expect(reminder).toMatchObject({ memberId: 'm1', memberName: '会员甲', branchId: 'b1', year: '2026', method: 'talk', recordedBy: { id: 'b1head', name: '东宝分会长' }, recordedAt: NOW.toISOString() });
    const row = (await h.ok(as('b1head'), 'reminder.list', {})).rows.find((r) => r.memberId === 'm1');
    expect(row?.reminders).toEqual([reminder]);
    // Last year's bottom carries none of this year's records.
    expect((await h.ok(as('b1head'), 'reminder.list', { year: '2025' })).rows.every((r) => r.reminders.length === 0)).toBe(true);
  });

  it('lets the secretariat record a 通报 for anyone, named 秘书处 when the administrator has no member record', async () => {
    const { reminder } = await h.ok(ADMIN_OPENID, 'reminder.record', { memberId: 'm3', year: '2026', method: 'notice', note: '全会通报年度积分靠后' });
    expect(reminder.recordedBy).toEqual({ id: 'secretariat', name: '秘书处' });
    expect((await h.ok(as('clerk'), 'reminder.record', talk('m4'))).reminder.recordedBy).toEqual({ id: 'clerk', name: '秘书处小陈' });
  });

  it('refuses whoever may not record for that member, and writes nothing', async () => {
    const refusals: [string, string, string][] = [
      ['b1head', 'm3', '会员丙不是本分会会员，请由其所在分会或秘书处记录'],
      ['b1head', 'b1head', '不能为自己记录通报或谈话提醒'],
      ['b1lead', 'm1', '年度排名靠后的会员名单只有秘书处和分会会长可以查看和记录提醒'],
      ['m2', 'm1', '年度排名靠后的会员名单只有秘书处和分会会长可以查看和记录提醒'],
    ];
    for (const [recorder, memberId, message] of refusals) {
      const before = h.snapshot();
      expect(await h.fails(as(recorder), 'reminder.record', talk(memberId))).toMatchObject({ code: 'FORBIDDEN', message });
      expect(h.snapshot()).toBe(before);
    }
  });

  it.each([
    ['an unknown way', { ...talk('m1'), method: 'scold' }, 'INVALID_INPUT'],
    ['a blank note', { ...talk('m1'), note: ' ' }, 'INVALID_INPUT'],
    ['a note of 301 characters', { ...talk('m1'), note: '谈'.repeat(301) }, 'INVALID_INPUT'],
    ['next year', { ...talk('m1'), year: '2027' }, 'INVALID_INPUT'],
    ['a year of two digits', { ...talk('m1'), year: '26' }, 'INVALID_INPUT'],
    ['nobody on file', talk('nobody'), 'NOT_FOUND'],
    ['a field the contract does not have', { ...talk('m1'), points: 5 }, 'INVALID_INPUT'],
  ])('refuses %s with %s and writes nothing', async (_label, payload, code) => {
    const before = h.snapshot();
    const refusal = await h.fails(as('b1head'), 'reminder.record', payload);
    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(h.snapshot()).toBe(before);
  });

  it('refuses a member who left (第十七条)', async () => {
    putMember(h, 'gone', { name: '已退会员', branch: 'b1', status: 'left' });
    expect(await h.fails(as('b1head'), 'reminder.record', talk('gone'))).toMatchObject({ code: 'INVALID_INPUT', message: '已退会员已退出，不再记录提醒（第十七条）' });
  });

  it('records once for a retried requestId', async () => {
    const first = await h.ok(as('b1head'), 'reminder.record', talk('m1'), 'remind-m1-0001');
    const again = await h.ok(as('b1head'), 'reminder.record', talk('m1'), 'remind-m1-0001');
    expect(again).toEqual(first);
    expect(h.cloud.store.dump().reminders).toHaveLength(1);
  });
});

describe('on the 常州 template', () => {
  it('gives the 支部书记 their 支部’s bottom of the 年度得分 board by score, and the 机关党委 none', async () => {
    // A template is adopted before any entry: a fresh organisation.
    h.close();
    h = new ApiHarness({ now: NOW });
    const party = await partyOrganisation(h);
    const bottom = await h.ok(partyOpenid('s1'), 'reminder.list', {});
    expect(bottom).toMatchObject({ unitId: party.unit('第一党支部'), byScore: true, ranked: 6, size: 3 });
    expect(bottom.rows.every((r) => r.score === 0)).toBe(true);
    await h.ok(partyOpenid('s1'), 'reminder.record', talk(party.id('a'), '年度得分偏低，支部书记约谈提醒'));
    expect(await h.fails(partyOpenid('s1'), 'reminder.record', talk(party.id('d')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.fails(partyOpenid('committee'), 'reminder.list', {})).toMatchObject({
      code: 'FORBIDDEN',
      message: '年度排名靠后的党员名单只有秘书处和支部书记可以查看和记录提醒',
    });
  });
});
