import type { DataOf } from '../../typings/api';
import { aMember, jingmenTerms } from './support/builders';
import { eventsOf, ok, stubApi } from './support/cloud';
import { emit, exists, openPage, settle, textOf, textsOf } from './support/load';
import { openPageAt, tapNode } from './support/page';
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
