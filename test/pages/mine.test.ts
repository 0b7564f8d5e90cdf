import type { DataOf } from '../../typings/api';
import { aHome, aLedgerEntry, aMember, aStanding, changzhouTerms } from './support/builders';
import { fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { callPage, exists, openPage, settle, tap, textOf, textsOf } from './support/load';
import { argsOf, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/mine/index';

function homeIs(home: DataOf<'home.get'>) {
  return stubApi({ 'home.get': ok(home) });
}

afterEach(() => restoreWx());

describe('我的 page', () => {
  it('shows a loading state while home.get is on its way, and costs one cloud call', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPage(PAGE);

    expect(textOf(page, '.state')).toBe('加载中…');
    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(callFunction.mock.calls[0][0]).toEqual({ name: 'api', data: { action: 'home.get', payload: {} } });
  });

  it("shows the member's name, branch, tier and positions once loaded", async () => {
    homeIs(aHome({ member: aMember({ name: '李四', branchName: '掇刀分会', tier: 'director', positions: ['branch_president'] }) }));

    const page = openPage(PAGE);
    await settle();

    expect(exists(page, '.state')).toBe(false);
    expect(textOf(page, '.profile__name')).toBe('李四');
    expect(textOf(page, '.profile__subtitle')).toBe('掇刀分会 · 理事 · 分会会长');
  });

  it('names a member without a branch as belonging to the association directly', async () => {
    homeIs(aHome({ member: aMember({ branchId: null, branchName: null, tier: 'member' }) }));

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.profile__subtitle')).toBe('总会直属 · 会员');
  });

  it('shows this month, this year and all time with totals and ranks', async () => {
    homeIs(
      aHome({
        standings: {
          month: aStanding({ key: '2026-11', total: 40, rank: 3 }),
          year: aStanding({ key: '2026', total: 260, rank: 12 }),
          all: aStanding({ key: 'all', total: 1260, rank: null }),
        },
      }),
    );

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.points')).toBe('11月40第 3 名2026年260第 12 名累计1260暂无排名');
  });

  it('shows a party member the month and the year’s score out of its three parts (seeds/002 四)', async () => {
    homeIs(
      aHome({
        terms: changzhouTerms(),
        standings: {
          month: aStanding({ key: '2026-11', total: 30, rank: 1 }),
          year: aStanding({ key: '2026', total: 327.5, rank: 7 }),
          all: aStanding({ key: 'all', total: 707.5, rank: 7 }),
          cycle: {
            key: '2026',
            total: 327.5,
            rank: 4,
            score: 85,
            components: [
              { id: 'basic', name: '基础分', points: 70, max: 70 },
              { id: 'feature', name: '特色分', points: 15, max: 20 },
              { id: 'review', name: '评议分', points: 0, max: 10 },
            ],
          },
        },
      }),
    );

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, ['.points', '.points-card__columns'])).toBe('11月30第 1 名2026年度得分85第 4 名');
    expect(textOf(page, ['.points', '.points-card__parts'])).toBe('基础分70/70特色分15/20评议分0/10');
  });

  it('lists the recent entries with signed points', async () => {
    homeIs(
      aHome({
        recent: [
          aLedgerEntry({ _id: 'e1', itemName: '参加市新联会会议', points: 20, occurredOn: '2026-11-18' }),
          aLedgerEntry({ _id: 'e2', itemName: '书面建言献策', points: 2, occurredOn: '2026-11-02' }),
        ],
      }),
    );

    const page = openPage(PAGE);
    await settle();

    const rows = textsOf(page, '.recent__row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('参加市新联会会议');
    expect(rows[0]).toContain('+20');
    expect(rows[1]).toContain('书面建言献策');
    expect(exists(page, '.recent-empty')).toBe(false);
  });

  it('invites a member without entries to report one', async () => {
    homeIs(aHome({ recent: [] }));
    const switchTab = stubWx('switchTab');

    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.recent-empty__text')).toContain('还没有积分记录');

    await tap(page, '.recent-empty__report');
    expect(argsOf(switchTab)).toEqual([{ url: '/pages/report/index' }]);
  });

  it('gives a plain member 申报, 明细, 排行 and 公示 and nothing a leader uses', async () => {
    homeIs(aHome());

    const page = openPage(PAGE);
    await settle();

    expect(textsOf(page, '.link__title')).toEqual(['申报积分', '积分明细', '排行榜', '公示']);
  });

  it('gives a branch president 审批 with the inbox count and 奖分', async () => {
    homeIs(aHome({ roles: ['branch_president'], authority: 5, inboxCount: 3 }));
    const setTabBarBadge = stubWx('setTabBarBadge');

    const page = openPage(PAGE);
    await settle();

    // A 分会会长 opens the branch's 明细 (L1) and its bottom of the year's board (第十九条).
    expect(textsOf(page, '.link__title')).toEqual(['申报积分', '积分明细', '排行榜', '公示', '审批', '奖分', '会员明细', '排名靠后']);
    expect(textOf(page, '.link--inbox')).toContain('3');
    expect(textOf(page, '.inbox-banner__text')).toBe('有 3 件积分申请等待您审批');
    expect(argsOf(setTabBarBadge)[0]).toMatchObject({ index: 0, text: '3' });
  });

  it('gives the political instructor 审批 though their own authority is 0 (第十四条 final review)', async () => {
    homeIs(aHome({ roles: ['political_instructor'], authority: 0, inboxCount: 0 }));

    const page = openPage(PAGE);
    await settle();

    // The instructor reads every member's 明细 (L1) but is not a head of a unit (第十九条).
    expect(textsOf(page, '.link__title')).toEqual(['申报积分', '积分明细', '排行榜', '公示', '审批', '会员明细']);
    expect(exists(page, '.inbox-banner')).toBe(false);
  });

  it('gives the secretariat 管理', async () => {
    homeIs(aHome({ roles: ['secretariat'] }));

    const page = openPage(PAGE);
    await settle();

    expect(textsOf(page, '.link__title')).toContain('管理');
  });

  it('gives a member neither other members’ 明细 nor the bottom of the board, and the secretariat both', async () => {
    homeIs(aHome({ roles: [] }));
    const member = openPage(PAGE);
    await settle();
    expect(textsOf(member, '.link__title')).not.toContain('会员明细');
    expect(textsOf(member, '.link__title')).not.toContain('排名靠后');

    homeIs(aHome({ roles: ['secretariat'] }));
    const secretariat = openPage(PAGE);
    await settle();
    expect(textsOf(secretariat, '.link__title')).toEqual(expect.arrayContaining(['会员明细', '排名靠后']));
  });

  it("opens 审批 with the reviewer's authority, and tab pages with switchTab", async () => {
    homeIs(aHome({ roles: ['vice_president'], authority: 5, inboxCount: 1 }));
    const navigateTo = stubWx('navigateTo');
    const switchTab = stubWx('switchTab');
    const page = openPage(PAGE);
    await settle();

    await tap(page, '.inbox-banner');
    await tap(page, '.link--notices');
    await tap(page, '.link--ledger');

    expect(argsOf(navigateTo)).toEqual([{ url: '/pages/inbox/index?authority=5' }, { url: '/pages/notices/index' }]);
    expect(argsOf(switchTab)).toEqual([{ url: '/pages/ledger/index' }]);
  });

  it('asks a WeChat account that is not bound yet to bind with an invite code', async () => {
    homeIs(aHome({ member: null, standings: null, recent: [] }));
    const navigateTo = stubWx('navigateTo');

    const page = openPage(PAGE);
    await settle();

    expect(exists(page, '.profile')).toBe(false);
    expect(textOf(page, '.bind-card__title')).toBe('欢迎使用会员积分制');
    await tap(page, '.bind-card__button');
    expect(argsOf(navigateTo)).toEqual([{ url: '/pages/bind/index' }]);
  });

  it("shows the server's message and a retry button when home.get fails", async () => {
    homeIs(aHome());
    stubApi({ 'home.get': fail('INTERNAL', '服务暂时不可用') });

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.state')).toBe('服务暂时不可用重试');
  });

  it('loads again when retry is tapped, and shows the member once it succeeds', async () => {
    const callFunction = stubCallFunction(() => Promise.reject(new Error('cloud.callFunction:fail timeout')));
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.state')).toBe('网络异常，请稍后重试重试');

    let answer: (value: { result: unknown; errMsg: string }) => void = () => undefined;
    callFunction.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await tap(page, ['.state', '.state-view__button']);
    expect(textOf(page, '.state')).toBe('加载中…');

    answer({ result: ok(aHome({ member: aMember({ name: '王五' }) })), errMsg: 'cloud.callFunction:ok' });
    await settle();
    expect(callFunction).toHaveBeenCalledTimes(2);
    expect(textOf(page, '.profile__name')).toBe('王五');
  });

  it('refreshes on pull-down without blanking the page, then stops the spinner', async () => {
    const callFunction = homeIs(aHome({ member: aMember({ name: '张三' }) }));
    const stop = stubWx('stopPullDownRefresh');
    const page = openPage(PAGE);
    await settle();

    callFunction.mockImplementation(async () => ({ result: ok(aHome({ member: aMember({ name: '张三丰' }) })), errMsg: 'ok' }));
    await callPage(page, 'onPullDownRefresh');

    expect(callFunction).toHaveBeenCalledTimes(2);
    expect(textOf(page, '.profile__name')).toBe('张三丰');
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
