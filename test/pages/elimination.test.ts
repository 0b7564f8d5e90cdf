import type { DataOf, EliminationRow, SchemeTerms } from '../../typings/api';
import { aHome, jingmenTerms, noCapabilities } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { emit, settle, textOf, textsOf } from './support/load';
import { openPageAt } from './support/page';
import { restoreWx, stubWx } from './support/wx';
import { closedKeysOf, eliminationTabsOf } from '../../miniprogram/pages/elimination/elimination-view';
import { quickLinksOf } from '../../miniprogram/pages/mine/home-view';

const PAGE = 'pages/elimination/index';

/** A county association like seeds/003's: monthly boards, quarters, halves and a calendar-year cycle, and 末尾淘汰. */
const terms: SchemeTerms = {
  ...jingmenTerms(),
  periods: ['month', 'quarter', 'half', 'cycle', 'all'],
  cycle: { startMonth: 1 },
  bottom: true,
};

const me = (overrides: Partial<DataOf<'me.get'>> = {}): DataOf<'me.get'> => ({
  member: null,
  roles: [],
  authority: 0,
  inboxCount: 0,
  terms,
  can: { ...noCapabilities(), read: true, eliminate: true },
  ...overrides,
});

function aRow(overrides: Partial<EliminationRow> = {}): EliminationRow {
  return { memberId: 'm-sun', name: '孙会员', branchName: '医疗保障分会', category: 'director', total: 4, rank: 698, history: [], ...overrides };
}

const listRequests = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'bottom.list').map((e) => e.payload);

beforeEach(() => {
  setNow('2026-11-30T04:00:00Z');
  stubWx('stopPullDownRefresh');
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('末尾淘汰名单 (seeds/003: 积分末尾淘汰机制)', () => {
  it('lists the last places of the last closed half-year, each with their places before, for the 会长会', async () => {
    const rows = [
      aRow({
        history: [
          { key: '2025-H2', total: 9, rank: 690 },
          { key: '2025-H1', total: 0, rank: null },
        ],
      }),
      aRow({ memberId: 'm-qian', name: '钱会员', branchName: null, category: 'member', total: 0, rank: 700 }),
    ];
    const callFunction = stubApi({ 'me.get': ok(me()), 'bottom.list': ({ period, key }) => ok({ period, key, rows }) });

    const page = openPageAt(PAGE);
    await settle();

    expect(listRequests(callFunction)).toEqual([{ period: 'half', key: '2026-H1' }]);
    expect(page.instance.data.tabs.map((t: { label: string }) => t.label)).toEqual(['半年评比', '年度']);
    expect(textOf(page, '.picker-value')).toBe('2026年上半年 ›');
    expect(textOf(page, '.intro')).toBe('2026年上半年积分排名末尾的 2 名会员，列出以往各期的名次，供会长会研究');
    expect(textsOf(page, '.candidate__rank')).toEqual(['第 698 名', '第 700 名']);
    expect(textsOf(page, '.candidate__name')).toEqual(['孙会员', '钱会员']);
    expect(textsOf(page, '.candidate__subtitle')).toEqual(['医疗保障分会 · 理事', '总会直属 · 会员']);
    expect(textsOf(page, '.candidate__total')).toEqual(['4 分', '0 分']);
    expect(textsOf(page, '.history')).toEqual(['2025年下半年 第 690 名 · 9 分', '2025年上半年 未上榜']);
    expect(textsOf(page, '.candidate__history-none')).toEqual(['此前没有排名记录']);
  });

  it('switches to the years and to an earlier one', async () => {
    const callFunction = stubApi({ 'me.get': ok(me()), 'bottom.list': ({ period, key }) => ok({ period, key, rows: [] }) });
    const page = openPageAt(PAGE);
    await settle();

    await emit(page, '.tabs', 'change', { value: 'cycle' });
    await settle();
    expect(textOf(page, '.intro')).toBe('2025年度没有列入末尾的会员');
    await emit(page, '.key-picker', 'change', { value: 2 });
    await settle();

    expect(listRequests(callFunction)).toEqual([
      { period: 'half', key: '2026-H1' },
      { period: 'cycle', key: '2025' },
      { period: 'cycle', key: '2023' },
    ]);
  });

  it('opens the period a link names', async () => {
    const callFunction = stubApi({ 'me.get': ok(me()), 'bottom.list': ({ period, key }) => ok({ period, key, rows: [] }) });
    openPageAt(PAGE, { period: 'cycle', key: '2024' });
    await settle();
    expect(listRequests(callFunction)).toEqual([{ period: 'cycle', key: '2024' }]);
  });

  it('shows the server’s refusal in plain words, and says so on a template without 末尾淘汰 without asking', async () => {
    stubApi({ 'me.get': ok(me()), 'bottom.list': fail('FORBIDDEN', '末尾淘汰名单只供会长会成员和秘书处查看') });
    const refused = openPageAt(PAGE);
    await settle();
    expect(textOf(refused, '.state')).toContain('末尾淘汰名单只供会长会成员和秘书处查看');

    const callFunction = stubApi({ 'me.get': ok(me({ terms: jingmenTerms() })) });
    const none = openPageAt(PAGE);
    await settle();
    expect(textOf(none, '.state')).toContain('本方案没有末尾淘汰');
    expect(listRequests(callFunction)).toEqual([]);
  });

  it('is a tile of 我的 for those me.get allows', () => {
    const can = { review: true, award: true, record: false, sign: false, read: true, eliminate: true };
    expect(quickLinksOf(aHome({ terms, can })).map((link) => link.title)).toContain('末尾淘汰');
    expect(quickLinksOf(aHome({ terms, can: { ...can, eliminate: false } })).map((link) => link.title)).not.toContain('末尾淘汰');
  });
});

describe('the periods 末尾淘汰 is drawn for', () => {
  it('offers the ended half-years, and the ended years of a cycle starting in July', () => {
    expect(closedKeysOf('half', '2026-11-30', terms).map((k) => k.key)).toEqual(['2026-H1', '2025-H2', '2025-H1', '2024-H2']);
    expect(closedKeysOf('cycle', '2026-05-01', { ...terms, cycle: { startMonth: 7 } }).map((k) => k.key)).toEqual(['2024', '2023', '2022', '2021']);
  });

  it('offers the year where the template has no cycle, and no half-year where it keeps none', () => {
    expect(eliminationTabsOf({ ...terms, periods: ['month', 'year', 'all'] })).toEqual([{ value: 'year', label: '年度' }]);
  });
});
