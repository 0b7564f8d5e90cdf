import type { ApiEvent, DataOf, UnitBoard } from '../../typings/api';
import { aMember, changzhouTerms, jingmenTerms, noCapabilities } from './support/builders';
import { fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { callPage, emit, settle, tap, textOf } from './support/load';
import { openPageAt, tapNode, textIn } from './support/page';
import { aRow } from './support/records';
import { boardTitle, periodLabel, previousKey, queryFromOptions, recentKeys, sharePath, shareTitle } from '../../miniprogram/pages/ranking/board';
import { chinaDay } from '../../miniprogram/format/dates';
import { restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/ranking/index';

type Board = DataOf<'ranking.get'>;

function board(overrides: Partial<Board> = {}): Board {
  return { period: 'month', key: '2026-11', rows: [], me: null, terms: jingmenTerms(), ...overrides };
}

function choices(): DataOf<'ranking.scopes'> {
  return {
    units: [
      { unitId: 'branch-dongbao', name: '东宝分会', members: 20 },
      { unitId: 'branch-shayang', name: '沙洋分会', members: 18 },
    ],
    professions: [
      { value: '企业家', members: 10 },
      { value: '律师', members: 3 },
    ],
    socialRoles: [{ value: '政协委员', members: 2 }],
  };
}

/** Nodes inside the filters' sheet (a component of its own). */
function inFilters(page: ReturnType<typeof openPageAt>, selector: string) {
  return page.querySelector('.board-filters')?.querySelectorAll(selector) ?? [];
}

const filterChips = (page: ReturnType<typeof openPageAt>) => inFilters(page, '.filters__chip');

function boardRequests(callFunction: jest.Mock): ApiEvent<'ranking.get'>[] {
  return callFunction.mock.calls
    .map((call) => (call[0] as { data: ApiEvent }).data)
    .filter((event): event is ApiEvent<'ranking.get'> => event.action === 'ranking.get');
}

let shareMenu: jest.Mock;

beforeEach(() => {
  shareMenu = stubWx('showShareMenu');
  stubWx('showToast');
  stubWx('stopPullDownRefresh');
});

afterEach(() => restoreWx());

describe('排行 page: the board', () => {
  it('asks for the current month of the whole association in one call, showing a loading state', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPageAt(PAGE);

    expect(textOf(page, '.state')).toBe('加载中…');
    expect(boardRequests(callFunction).map((e) => e.payload)).toEqual([{ period: 'month', limit: 50 }]);
    expect(callFunction).toHaveBeenCalledTimes(1);
  });

  it('shows competition ranks, with ties sharing a rank, and medals for the top three', async () => {
    stubApi({
      'ranking.get': ok(
        board({
          rows: [
            aRow({ memberId: 'a', name: '王会长', total: 120, rank: 1 }),
            aRow({ memberId: 'b', name: '李四', total: 90, rank: 2 }),
            aRow({ memberId: 'c', name: '张三', total: 90, rank: 2 }),
            aRow({ memberId: 'd', name: '赵六', total: 40, rank: 4 }),
          ],
        }),
      ),
    });

    const page = openPageAt(PAGE);
    await settle();

    const rows = page.querySelectorAll('.row');
    expect(rows.map((row) => textIn(row.querySelector('.rank-row__rank')))).toEqual(['1', '2', '2', '4']);
    expect(rows[0].querySelector('.rank-row__rank--gold')).toBeDefined();
    expect(rows[2].querySelector('.rank-row__rank--silver')).toBeDefined();
    expect(rows[3].querySelector('.rank-row__rank--bronze')).toBeUndefined();
    expect(textIn(rows[0].querySelector('.rank-row__avatar'))).toBe('王');
    expect(textIn(rows[0].querySelector('.rank-row__branch'))).toBe('东宝分会');
    expect(textOf(page, '.board-title')).toBe('2026年11月 全会 积分排行');
  });

  it("pins the caller's own rank and total at the bottom", async () => {
    stubApi({ 'ranking.get': ok(board({ rows: [aRow()], me: { rank: 37, total: 20 } })) });

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.mine-rank')).toBe('第 37 名');
    expect(textOf(page, '.mine-total')).toBe('20 分');
  });

  it('says 本期暂无积分 when the caller has no points this period', async () => {
    stubApi({ 'ranking.get': ok(board({ rows: [aRow()], me: null })) });

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.mine-none')).toBe('本期暂无积分');
  });

  it('adds no note where no board ranks by a score (荆门: every board is points earned)', async () => {
    stubApi({ 'ranking.get': ok(board({ rows: [aRow()] })) });
    const page = openPageAt(PAGE);
    await settle();
    expect(page.querySelector('.board-note')).toBeUndefined();
  });

  it('shows an empty state for a board nobody is on yet', async () => {
    stubApi({ 'ranking.get': ok(board()) });

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.state')).toBe('本期还没有人获得积分查看2026年10月排行');
  });

  it('offers last month’s board when nobody has points yet this month, as on the 1st, and opens it', async () => {
    const callFunction = stubApi({
      'ranking.get': (payload) => ok(board({ key: payload.key ?? '2026-12', rows: payload.key ? [aRow({ name: '李四', total: 30, rank: 1 })] : [] })),
    });
    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, '.state')).toBe('本期还没有人获得积分查看2026年11月排行');

    await tap(page, ['.state', '.state-view__button']);
    await settle();

    expect(boardRequests(callFunction).map((e) => e.payload)).toEqual([
      { period: 'month', limit: 50 },
      { period: 'month', key: '2026-11', limit: 50 },
    ]);
    expect(textOf(page, '.board-title')).toBe('2026年11月 全会 积分排行');
    expect(textOf(page, '.row')).toContain('李四');
  });

  it('offers no other period on an empty board the person chose or was sent (a card pins its month)', async () => {
    stubApi({ 'ranking.get': ok(board({ key: '2026-10' })) });

    const page = openPageAt(PAGE, { period: 'month', key: '2026-10' });
    await settle();

    expect(textOf(page, '.state')).toBe('本期还没有人获得积分');
  });

  it("shows the server's message and retries", async () => {
    const callFunction = stubApi({ 'ranking.get': fail('INTERNAL', '服务暂时不可用') });
    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, '.state')).toBe('服务暂时不可用重试');

    await tap(page, ['.state', '.state-view__button']);

    expect(boardRequests(callFunction)).toHaveLength(2);
  });

  it('switches to the year board and to a chosen year', async () => {
    const callFunction = stubApi({
      'ranking.get': (payload) => ok(board({ period: payload.period, key: payload.key ?? (payload.period === 'year' ? '2026' : '2026-11') })),
    });
    const page = openPageAt(PAGE);
    await settle();

    await emit(page, '.periods', 'change', { value: 'year' });
    await settle();
    expect(textOf(page, '.period-key')).toBe('2026年 ›');
    await emit(page, '.period-picker', 'change', { value: '2025' });
    await settle();

    expect(boardRequests(callFunction).map((e) => e.payload)).toEqual([
      { period: 'month', limit: 50 },
      { period: 'year', limit: 50 },
      { period: 'year', key: '2025', limit: 50 },
    ]);
    expect(textOf(page, '.board-title')).toBe('2025年 全会 积分排行');
  });

  it('scopes the board to leaders, and to a profession chosen among those that exist', async () => {
    const callFunction = stubApi({ 'ranking.get': ok(board({ rows: [aRow()] })), 'ranking.scopes': ok(choices()) });
    const page = openPageAt(PAGE);
    await settle();
    expect(callFunction).toHaveBeenCalledTimes(1);

    await tapNode(page.querySelectorAll('.scope')[2]);
    await settle();
    await tapNode(page.querySelector('.scope--filter'));
    expect(inFilters(page, '.filters__label').map((n) => textIn(n))).toEqual(['按分会', '按会费档次', '按职业', '按社会职务']);
    expect(filterChips(page).map((n) => textIn(n))).toContain('企业家 10 人');
    await tapNode(filterChips(page).find((n) => textIn(n) === '律师 3 人'));

    expect(boardRequests(callFunction).map((e) => e.payload?.scope)).toEqual([undefined, { group: 'leaders' }, { profession: '律师' }]);
    expect(textOf(page, '.board-title')).toBe('2026年11月 律师 积分排行');
    expect(textOf(page, '.scope--filter')).toBe('律师 ›');
    expect(inFilters(page, '.filters__sheet')).toHaveLength(0);
  });

  it('opens any branch’s board and a tier’s from the filters, asking for the values once', async () => {
    const callFunction = stubApi({
      'ranking.get': (payload) => ok(board({ rows: payload.scope?.branchId ? [aRow({ name: '沙会员', branchName: '沙洋分会' })] : [aRow()] })),
      'ranking.scopes': ok(choices()),
    });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(page.querySelector('.scope--filter'));
    await tapNode(filterChips(page).find((n) => textIn(n) === '沙洋分会 18 人'));
    expect(textOf(page, '.board-title')).toBe('2026年11月 沙洋分会 积分排行');
    await tapNode(page.querySelector('.scope--filter'));
    await tapNode(filterChips(page).find((n) => textIn(n) === '理事'));

    expect(boardRequests(callFunction).map((e) => e.payload?.scope)).toEqual([undefined, { branchId: 'branch-shayang' }, { category: 'director' }]);
    expect(callFunction.mock.calls.filter((c) => (c[0] as { data: ApiEvent }).data.action === 'ranking.scopes')).toHaveLength(1);
    expect(textOf(page, '.scope--filter')).toBe('理事 ›');
  });

  it('says why the filters could not load, and retries', async () => {
    let failing = true;
    stubApi({ 'ranking.get': ok(board({ rows: [aRow()] })), 'ranking.scopes': () => (failing ? fail('INTERNAL', '服务暂时不可用') : ok(choices())) });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(page.querySelector('.scope--filter'));
    expect(textOf(page, ['.board-filters', '.filters__state'])).toBe('服务暂时不可用重试');
    failing = false;
    await tap(page, ['.board-filters', '.filters__state', '.state-view__button']);

    expect(filterChips(page).length).toBeGreaterThan(0);
  });

  it('marks my own row among the rows', async () => {
    stubApi({ 'ranking.get': ok(board({ rows: [aRow({ memberId: 'a', name: '王会长' }), aRow({ memberId: 'me', name: '马丽', rank: 2 })], me: { memberId: 'me', rank: 2, total: 100 } })) });
    const page = openPageAt(PAGE);
    await settle();

    const rows = page.querySelectorAll('.row');
    expect(rows.map((row) => row.querySelector('.rank-row--mine') !== undefined)).toEqual([false, true]);
    expect(textIn(rows[1].querySelector('.rank-row__me'))).toBe('我');
  });

  it("opens the caller's branch board, learning the branch from me.get only when 本分会 is first tapped", async () => {
    const callFunction = stubApi({
      'ranking.get': (payload) =>
        ok(board({ rows: payload.scope?.branchId ? [aRow({ name: '王会长', branchName: '东宝分会' })] : [aRow()] })),
      'me.get': ok({ member: aMember({ branchId: 'branch-dongbao', branchName: '东宝分会' }), roles: [], authority: 0, inboxCount: 0, terms: jingmenTerms(), can: noCapabilities() }),
    });
    const page = openPageAt(PAGE);
    await settle();
    expect(callFunction).toHaveBeenCalledTimes(1);

    await tapNode(page.querySelectorAll('.scope')[1]);
    await settle();

    expect(boardRequests(callFunction)[1].payload?.scope).toEqual({ branchId: 'branch-dongbao' });
    expect(textOf(page, '.board-title')).toBe('2026年11月 东宝分会 积分排行');
  });

  it('uses the branch passed by the 我的 page without asking me.get', async () => {
    const callFunction = stubApi({ 'ranking.get': ok(board({ rows: [aRow()] })) });
    const page = openPageAt(PAGE, { myBranchId: 'branch-duodao' });
    await settle();

    await tapNode(page.querySelectorAll('.scope')[1]);
    await settle();

    expect(callFunction.mock.calls.map((call) => (call[0] as { data: ApiEvent }).data.action)).toEqual(['ranking.get', 'ranking.get']);
    expect(boardRequests(callFunction)[1].payload?.scope).toEqual({ branchId: 'branch-duodao' });
  });

  it('reloads on pull-down', async () => {
    const stop = stubWx('stopPullDownRefresh');
    const callFunction = stubApi({ 'ranking.get': ok(board({ rows: [aRow()] })) });
    const page = openPageAt(PAGE);
    await settle();

    await callPage(page, 'onPullDownRefresh');

    expect(boardRequests(callFunction)).toHaveLength(2);
    expect(stop).toHaveBeenCalled();
  });

  it('shows up to 100 rows on request when the first 50 are full', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => aRow({ memberId: `m${i}`, rank: i + 1, total: 100 - i }));
    const callFunction = stubApi({ 'ranking.get': (payload) => ok(board({ rows: payload.limit === 100 ? [...fifty, aRow({ memberId: 'x', rank: 51 })] : fifty })) });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(page.querySelector('.show-more'));
    await settle();

    expect(boardRequests(callFunction)[1].payload).toEqual({ period: 'month', key: '2026-11', limit: 100 });
    expect(page.querySelectorAll('.row')).toHaveLength(51);
    expect(page.querySelector('.show-more')).toBeUndefined();
  });
});

describe('排行 page: sharing to a group chat', () => {
  it('turns on sharing with a share ticket for chats and the timeline', async () => {
    stubApi({ 'ranking.get': ok(board()) });

    openPageAt(PAGE);
    await settle();

    expect(shareMenu).toHaveBeenCalledWith({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] });
  });

  it('names the board and its leader in the card title, and links to the same board', async () => {
    stubApi({
      'ranking.get': ok(board({ rows: [aRow({ name: '王会长', total: 120, rank: 1, branchName: '东宝分会' }), aRow({ memberId: 'b', name: '李四', total: 80, rank: 2 })] })),
    });
    const page = openPageAt(PAGE, { period: 'month', key: '2026-11', branchId: 'branch-dongbao' });
    await settle();

    expect((page.instance as unknown as { onShareAppMessage(): unknown }).onShareAppMessage()).toEqual({
      title: '2026年11月 东宝分会 积分排行：王会长 120 分居首',
      path: '/pages/ranking/index?period=month&key=2026-11&branchId=branch-dongbao',
    });
  });

  it('opens the shared board from the card: period, key and scope from the options', async () => {
    const callFunction = stubApi({ 'ranking.get': ok(board({ period: 'year', key: '2025' })) });

    openPageAt(PAGE, { period: 'year', key: '2025', group: 'leaders' });
    await settle();

    expect(boardRequests(callFunction)[0].payload).toEqual({ period: 'year', key: '2025', scope: { group: 'leaders' }, limit: 50 });
  });

  it('pins the current period into the shared path, so the card keeps showing that month', async () => {
    stubApi({ 'ranking.get': ok(board({ key: '2026-11', rows: [aRow({ name: '张三', total: 60 }), aRow({ memberId: 'b', name: '李四', total: 60 })] })) });
    const page = openPageAt(PAGE);
    await settle();

    expect((page.instance as unknown as { onShareAppMessage(): unknown }).onShareAppMessage()).toEqual({
      title: '2026年11月 全会 积分排行：张三、李四 60 分并列第一',
      path: '/pages/ranking/index?period=month&key=2026-11',
    });
  });
});

describe('naming and linking a board', () => {
  it('names a period the way people say it', () => {
    expect(periodLabel('month', '2026-01')).toBe('2026年1月');
    expect(periodLabel('year', '2026')).toBe('2026年');
    expect(periodLabel('all', null)).toBe('累计');
  });

  it('counts a three-way tie at the top without listing everyone', () => {
    const rows = ['甲', '乙', '丙'].map((name, i) => aRow({ memberId: `m${i}`, name, total: 30, rank: 1 }));

    expect(shareTitle({ period: 'year', key: '2026', scope: { group: 'leaders' } }, rows)).toBe('2026年 领导 积分排行：甲等 3 人 30 分并列第一');
  });

  it('encodes a profession in the path and reads it back', () => {
    const query = { period: 'month' as const, key: '2026-11', scope: { profession: '律师&顾问' } };

    const path = sharePath(query);
    const options = Object.fromEntries(new URLSearchParams(path.split('?')[1]).entries());

    expect(path).toBe('/pages/ranking/index?period=month&key=2026-11&profession=%E5%BE%8B%E5%B8%88%26%E9%A1%BE%E9%97%AE');
    expect(queryFromOptions(options)).toEqual(query);
  });

  it('ignores a key that does not fit the period, and unknown values', () => {
    const categories = jingmenTerms().categories.map((c) => c.id);
    expect(queryFromOptions({ period: 'year', key: '2026-11', group: 'everyone', tier: 'king' }, categories)).toEqual({ period: 'year', key: null, scope: {} });
    expect(queryFromOptions({ period: 'weekly' })).toEqual({ period: 'month', key: null, scope: {} });
  });
});

describe('排行 page on a party organisation (seeds/002): quarters, the year by score, 支部 and categories', () => {
  const terms = changzhouTerms();
  const scored = board({
    period: 'cycle',
    key: '2026',
    terms,
    rows: [aRow({ memberId: 'a', name: '陈党员', branchName: '第一党支部', total: 327.5, score: 95, rank: 1 }), aRow({ memberId: 'b', name: '刘党员', branchName: null, total: 410, score: 88, rank: 2 })],
    me: { rank: 2, total: 410, score: 88 },
  });
  const units: UnitBoard = {
    by: 'unit',
    period: 'quarter',
    key: '2026-Q4',
    me: null,
    terms,
    rows: [
      { unitId: 'u1', name: '第一党支部', total: 1200, rank: 1, members: 15, average: 80 },
      { unitId: 'u2', name: '第二党支部', total: 900, rank: 2, members: 15, average: 60 },
    ],
  };
  // The current quarter, as the server names it when no key is asked for (the page's picker counts back from it).
  const thisQuarter = () => recentKeys('quarter', chinaDay(), 0)[0].key;
  const answer = (payload: { period: string; key?: string; by?: string }) =>
    ok(
      payload.by === 'unit'
        ? (units as unknown as Board)
        : payload.period === 'cycle'
          ? scored
          : board({ period: payload.period as Board['period'], key: payload.key ?? (payload.period === 'quarter' ? thisQuarter() : '2026-11'), terms }),
    );

  it('offers the template’s tabs and scopes, and ranks the year by score in its words', async () => {
    const callFunction = stubApi({ 'ranking.get': answer });
    const page = openPageAt(PAGE);
    await settle();

    expect(page.instance.data.periods.map((p: { label: string }) => p.label)).toEqual(['月榜', '季榜', '年度得分', '累计']);
    expect(page.querySelectorAll('.scope').map((n) => textIn(n))).toEqual(['全部', '本支部', '正式党员', '预备党员', '支部排名', '筛选 ›']);

    await emit(page, '.periods', 'change', { value: 'cycle' });
    await settle();
    expect(textOf(page, '.board-title')).toBe('2026年度 全部 积分排行');
    expect(page.querySelectorAll('.row').map((n) => textIn(n))).toEqual(['1陈陈党员第一党支部95 分', '2刘刘党员机关党委直属88 分']);
    expect(textOf(page, '.mine-total')).toBe('88 分');

    await tapNode(page.querySelectorAll('.scope')[3]);
    await settle();
    expect(boardRequests(callFunction).at(-1)?.payload).toEqual({ period: 'cycle', key: '2026', scope: { category: 'probationary' }, limit: 50 });
  });

  it('says under a quarter’s board that it adds up what was registered, deductions negative, and not under the year’s score', async () => {
    stubApi({ 'ranking.get': answer });
    const page = openPageAt(PAGE);
    await settle();
    await emit(page, '.periods', 'change', { value: 'quarter' });
    await settle();
    expect(textOf(page, '.board-note')).toBe('季榜是登记的加分与扣分之和，扣分为负，不是得分；得分见「年度得分」。');

    await emit(page, '.periods', 'change', { value: 'cycle' });
    await settle();
    expect(page.querySelector('.board-note')).toBeUndefined();
  });

  it('picks a quarter from the recent ones, and ranks the 支部 against each other in the quarter’s 比拼 (seeds/003 一季一比拼)', async () => {
    const callFunction = stubApi({ 'ranking.get': answer });
    const page = openPageAt(PAGE);
    await settle();
    await emit(page, '.periods', 'change', { value: 'quarter' });
    await settle();
    expect(page.instance.data.keyChoices.length).toBe(12);
    const second = page.instance.data.keyChoices[1];
    await emit(page, '.period-picker', 'change', { value: 1 });
    await settle();
    expect(boardRequests(callFunction).at(-1)?.payload).toEqual({ period: 'quarter', key: second.key, limit: 50 });

    await tapNode(page.querySelectorAll('.scope')[4]);
    await settle();
    expect(boardRequests(callFunction).at(-1)?.payload).toMatchObject({ period: 'quarter', by: 'unit' });
    expect(page.querySelectorAll('.unit-row').map((n) => textIn(n))).toEqual(['1第一党支部15 人 · 人均 80 分1200 分', '2第二党支部15 人 · 人均 60 分900 分']);
    expect(textOf(page, '.board-title')).toBe('2026年第4季度 支部比拼');
    expect(textIn(page.querySelectorAll('.scope')[4])).toBe('支部比拼');
    expect((page.instance as unknown as { onShareAppMessage(): { title: string } }).onShareAppMessage().title).toBe('2026年第4季度 支部比拼：第一党支部 1200 分居首');
    expect(page.querySelector('.mine')).toBeUndefined();
  });

  it('names quarters, halves and cycles, and knows their keys', () => {
    expect(periodLabel('quarter', '2026-Q3')).toBe('2026年第3季度');
    expect(periodLabel('half', '2026-H1')).toBe('2026年上半年');
    expect(boardTitle({ period: 'half', key: '2026-H1', scope: {}, units: true }, null, jingmenTerms())).toBe('2026年上半年 分会比拼');
    expect(boardTitle({ period: 'year', key: '2026', scope: {}, units: true }, null, jingmenTerms())).toBe('2026年 分会排名');
    expect(periodLabel('cycle', '2026')).toBe('2026年度');
    expect(periodLabel('quarter', null)).toBe('本季度');
    expect(['2027-01', '2026-03'].map((key) => previousKey('month', key))).toEqual(['2026-12', '2026-02']);
    expect(['2026-Q1', '2026-Q4'].map((key) => previousKey('quarter', key))).toEqual(['2025-Q4', '2026-Q3']);
    expect(['2026-H1', '2026-H2'].map((key) => previousKey('half', key))).toEqual(['2025-H2', '2026-H1']);
    expect([previousKey('year', '2027'), previousKey('cycle', '2026')]).toEqual(['2026', '2025']);
    expect(queryFromOptions({ period: 'quarter', key: '2026-Q5' })).toMatchObject({ period: 'quarter', key: null });
    expect(queryFromOptions({ period: 'quarter', key: '2026-Q2', category: 'probationary' }, ['full', 'probationary'])).toEqual({ period: 'quarter', key: '2026-Q2', scope: { category: 'probationary' } });
  });
});
