import type { DataOf } from '../../typings/api';
import { quickLinksOf } from '../../miniprogram/pages/mine/home-view';
import { aHome, aMember, changzhouTerms, jingmenTerms } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { emit, exists, openPage, settle, textOf, textsOf } from './support/load';
import { emitFrom, inside, openPageAt, press, tapNode, textIn } from './support/page';
import { argsOf, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/roster/index';


const BRANCHES = [
  { _id: 'dongbao', name: '东宝分会' },
  { _id: 'duodao', name: '掇刀分会' },
];

function directory(overrides: Partial<DataOf<'members.list'>> = {}): DataOf<'members.list'> {
  return {
    members: [
      aMember({ _id: 'm-ma', name: '马丽', branchId: 'dongbao', branchName: '东宝分会' }),
      aMember({ _id: 'm-yang', name: '杨帆', branchId: 'dongbao', branchName: '东宝分会', tier: 'director' }),
    ],
    branches: BRANCHES,
    cursor: null,
    terms: jingmenTerms(),
    ...overrides,
  };
}

beforeEach(() => stubWx('setNavigationBarTitle'));
afterEach(() => restoreWx());

describe('the roster a leader opens 明细 from', () => {
  it('lists a branch leader’s own branch in one call, with no other branch to switch to', async () => {
    const callFunction = stubApi({ 'members.list': ok(directory({ unitId: 'dongbao' })) });

    const page = openPage(PAGE);
    await settle();

    expect(eventsOf(callFunction)).toEqual([{ action: 'members.list', payload: {} }]);
    expect(textOf(page, '.roster__title')).toBe('东宝分会会员');
    expect(textsOf(page, '.member__name')).toEqual(['马丽', '杨帆']);
    expect(textsOf(page, '.member__subtitle')).toEqual(['东宝分会 · 会员', '东宝分会 · 理事']);
    expect(exists(page, '.unit-picker')).toBe(false);
  });

  it('opens the member’s 明细 with their id and name when a row is tapped', async () => {
    stubApi({ 'members.list': ok(directory({ unitId: 'dongbao' })) });
    const navigateTo = stubWx('navigateTo');
    const page = openPage(PAGE);
    await settle();

    await tapNode(page.querySelectorAll('.member')[1]);

    expect(argsOf(navigateTo)).toEqual([{ url: `/pages/member-ledger/index?memberId=m-yang&name=${encodeURIComponent('杨帆')}` }]);
  });

  it('tells the 明细 it opens that a 支部书记 may propose a 一票否决 there (veto=1 from 我的)', async () => {
    stubApi({ 'members.list': ok(directory({ unitId: 'dongbao' })) });
    const navigateTo = stubWx('navigateTo');
    const page = openPageAt(PAGE, { veto: '1' });
    await settle();

    await tapNode(page.querySelectorAll('.member')[1]);

    expect(argsOf(navigateTo)).toEqual([{ url: `/pages/member-ledger/index?memberId=m-yang&name=${encodeURIComponent('杨帆')}&veto=1` }]);
  });

  it('lets an association officer switch between the whole association and each branch', async () => {
    const callFunction = stubApi({ 'members.list': ({ branchId }) => ok(directory(branchId ? {} : { members: [aMember({ _id: 'm-zhou', name: '周小琳', branchId: null, branchName: null })] })) });
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.row-picker__value')).toBe('全会');
    expect(textOf(page, '.roster__title')).toBe('全会会员');

    await emit(page, '.unit-picker', 'change', { value: 2 });

    expect(eventsOf(callFunction)[1]).toEqual({ action: 'members.list', payload: { branchId: 'duodao' } });
    expect(textOf(page, '.row-picker__value')).toBe('掇刀分会');
    expect(textOf(page, '.roster__title')).toBe('掇刀分会会员');
  });

  it('finds members by name within the list shown', async () => {
    const callFunction = stubApi({ 'members.list': ok(directory({ unitId: 'dongbao' })) });
    const page = openPage(PAGE);
    await settle();

    await emit(page, '.search__input', 'input', { value: '马' });
    await emit(page, '.search__input', 'confirm', { value: '马' });

    expect(eventsOf(callFunction)[1]).toEqual({ action: 'members.list', payload: { search: '马' } });
  });
});

describe('导出本支部 on the roster of a unit’s book-keeper (docs/rules.md F2)', () => {
  const LINK = 'https://local-1234.tcb.qcloud.la/exports/2026-04-02/quarter.xlsx?sign=abc';
  const FIRST = [{ _id: 'u1', name: '第一党支部' }, { _id: 'u2', name: '第二党支部' }];
  const party = () => directory({ unitId: 'u1', branches: FIRST, terms: changzhouTerms(), members: [aMember({ _id: 'm-chen', name: '陈党员', branchId: 'u1', branchName: '第一党支部' })] });

  it('exports a quarter of the 支部书记’s own 支部 and opens the sheet through the link the server gave', async () => {
    const callFunction = stubApi({ 'members.list': ok(party()), 'admin.export': ok({ fileID: 'cloud://env/exports/quarter.xlsx', url: LINK }) });
    const download = stubWx('downloadFile', (options: { success: (r: unknown) => void }) => options.success({ tempFilePath: 'wxfile://tmp/quarter.xlsx', statusCode: 200, errMsg: 'ok' }));
    const open = stubWx('openDocument', async () => ({ errMsg: 'openDocument:ok' }));
    const page = openPageAt(PAGE, { export: '1' });
    await settle();

    expect(textIn(inside(page, '#export', '.export__unit'))).toBe('范围第一党支部');
    expect(inside(page, '#export', '.export__scope')).toBeUndefined();
    const exporter = page.querySelector('#export')!;
    const data = () => (exporter as unknown as { instance: { data: { goLabel: string; keyChoices: { key: string }[] } } }).instance.data;
    expect(data().goLabel).toBe('导出本支部');
    await emitFrom(exporter.querySelector('.export__period'), 'change', { value: 1 });
    const quarter = data().keyChoices[0].key;
    await emitFrom(exporter.querySelector('.export__key'), 'change', { value: 0 });
    await press(exporter.querySelector('.export__go'));
    await settle();

    expect(eventsOf(callFunction).filter((e) => e.action === 'admin.export').map((e) => e.payload)).toEqual([{ period: 'quarter', key: quarter, scope: { branchId: 'u1' } }]);
    expect(argsOf(download)).toEqual([{ url: LINK, success: expect.any(Function), fail: expect.any(Function) }]);
    expect(argsOf(open)).toEqual([{ filePath: 'wxfile://tmp/quarter.xlsx', fileType: 'xlsx', showMenu: true }]);
  });

  it('says the server’s refusal in its words, and offers no export without the flag or beyond one unit', async () => {
    stubApi({ 'members.list': ok(party()), 'admin.export': fail('FORBIDDEN', '只有秘书处和支部负责人可以导出积分表') });
    const flagged = openPageAt(PAGE, { export: '1' });
    await settle();
    await press(inside(flagged, '#export', '.export__go'));
    await settle();
    expect(textIn(inside(flagged, '#export', '.export__error'))).toBe('只有秘书处和支部负责人可以导出积分表');

    const plain = openPageAt(PAGE);
    await settle();
    expect(exists(plain, '#export')).toBe(false);

    stubApi({ 'members.list': ok(directory()) });
    const officer = openPageAt(PAGE, { export: '1' });
    await settle();
    expect(exists(officer, '#export')).toBe(false);
  });

  it('is offered from 我的 through the roster to those me.get allows', () => {
    const can = { review: false, award: false, record: true, sign: true, read: true, veto: true, exportUnit: true };
    const roster = (c: typeof can) => quickLinksOf(aHome({ terms: changzhouTerms(), can: c })).find((link) => link.page === 'roster');
    expect(roster(can)?.query).toEqual({ veto: 1, export: 1 });
    expect(roster({ ...can, veto: false })?.query).toEqual({ export: 1 });
    expect(roster({ ...can, veto: false, exportUnit: false })?.query).toBeUndefined();
  });
});
