/**
 * 奖分's attendance taken from a unit's list (第十五条 集体事件): a 40-person meeting is a few taps (open
 * the list, pick the unit, 全选), a name can be found within the list, the count chosen is shown, and
 * the event's photos go with the award as its evidence.
 */
import type { ApiEvent, CatalogItem, DataOf, DirectoryMember, PayloadOf } from '../../typings/api';
import { aCatalog, changzhouTerms, jingmenTerms } from './support/builders';
import { ok, stubApi } from './support/cloud';
import { emit, settle, tap, textOf } from './support/load';
import { inside, openPageAt, tapNode, textIn } from './support/page';
import { aClaim, aDirectoryMember, anItem } from './support/records';
import { answerModal, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/award/index';
const LIST = '.unit-list';

const MEETING = anItem({ id: 'meeting.attend.branch', name: '参加分会会议', category: '会议', kind: 'fixed', points: 10, range: undefined });
const BRANCHES = [
  { _id: 'b-dongbao', name: '东宝分会' },
  { _id: 'b-duodao', name: '掇刀分会' },
];
const person = (id: string, name: string, branchId = 'b-dongbao', branchName = '东宝分会'): DirectoryMember => aDirectoryMember({ _id: id, name, branchId, branchName });
/** 东宝分会: the leader holding the phone and forty members. */
const DONGBAO = [person('m-leader', '黄会长'), ...Array.from({ length: 40 }, (_, i) => person(`m-${i}`, `${i < 3 ? '张' : '刘'}会员${String(i).padStart(2, '0')}`))];
const DUODAO = [person('m-duodao', '掇刀会员', 'b-duodao', '掇刀分会')];
const PROPOSED = aClaim({ kind: 'award', step: 'final', waitingFor: { memberIds: ['x'], label: '会长' } });

function catalog(viewer: Partial<DataOf<'catalog.get'>['viewer']> = {}, items: CatalogItem[] = [MEETING]): DataOf<'catalog.get'> {
  return {
    ...aCatalog(),
    items,
    viewer: { memberId: 'm-leader', authority: 5, roles: ['branch_president'], can: { review: true, award: true, record: false, sign: false }, selfReportRefusal: null, ...viewer },
  };
}

/** members.list as the server answers an association leader: every unit, or the one asked for. */
function directory(payload: PayloadOf<'members.list'>) {
  const members = payload.branchId === 'b-dongbao' ? DONGBAO : payload.branchId === 'b-duodao' ? DUODAO : [...DONGBAO, ...DUODAO];
  return ok({ members, branches: BRANCHES, cursor: null, terms: jingmenTerms() });
}

function listCalls(callFunction: jest.Mock): PayloadOf<'members.list'>[] {
  return callFunction.mock.calls.map((c) => (c[0] as { data: ApiEvent }).data).filter((e) => e.action === 'members.list').map((e) => e.payload as PayloadOf<'members.list'>);
}

function proposals(callFunction: jest.Mock): ApiEvent<'award.propose'>[] {
  return callFunction.mock.calls.map((c) => (c[0] as { data: ApiEvent }).data).filter((e): e is ApiEvent<'award.propose'> => e.action === 'award.propose');
}

async function openAward(stubs: Parameters<typeof stubApi>[0] = {}) {
  const callFunction = stubApi({ 'catalog.get': ok(catalog()), 'members.list': directory, 'award.propose': ok({ claim: PROPOSED, claims: [PROPOSED] }), ...stubs });
  const page = openPageAt(PAGE);
  await settle();
  return { page, callFunction };
}

type Page = ReturnType<typeof openPageAt>;
const rowsOf = (page: Page) => page.querySelector(LIST)!.querySelectorAll('.unit-members__row');
const attendeeNames = (page: Page): string[] => page.instance.data.attendees.map((a: { name: string }) => a.name);

beforeEach(() => {
  answerModal(true);
  stubWx('showToast');
  stubWx('stopPullDownRefresh');
  stubWx('requestSubscribeMessage');
});
afterEach(() => restoreWx());

describe('奖分 page: attendance from a unit’s list', () => {
  it('asks for nothing until the list is opened, then lists every unit and the whole association in pages of 200', async () => {
    const { page, callFunction } = await openAward();
    expect(listCalls(callFunction)).toEqual([]);

    await tap(page, [LIST, '.unit-members__open']);

    expect(listCalls(callFunction)).toEqual([{ status: 'active', limit: 200 }]);
    expect(page.querySelector(LIST)!.instance.data.units.map((u: { name: string }) => u.name)).toEqual(['全会', '东宝分会', '掇刀分会']);
    expect(rowsOf(page)).toHaveLength(42);
  });

  it('records a 40-person meeting in a few taps: the unit, 全选, and the count chosen shows', async () => {
    const { page, callFunction } = await openAward();
    await emit(page, '.item-picker', 'change', { value: 0 });
    await tap(page, [LIST, '.unit-members__open']);

    await emit(page, [LIST, '.unit-members__unit-picker'], 'change', { value: 1 });
    expect(listCalls(callFunction)[1]).toEqual({ status: 'active', limit: 200, branchId: 'b-dongbao' });
    await tap(page, [LIST, '.unit-members__all']);

    expect(attendeeNames(page)).toHaveLength(40);
    expect(attendeeNames(page)).not.toContain('黄会长');
    expect(textOf(page, [LIST, '.unit-members__count'])).toBe('已选 40/40 人');
    expect(textIn(inside(page, LIST, '.unit-members__row--excluded'))).toBe('✓黄会长本人');
    expect(textOf(page, '.preview')).toBe('40 人 · 40 条 · 合计 400 分');

    await emit(page, '.note', 'change', { value: '东宝分会第四季度会员大会' });
    await tap(page, '.submit');
    await settle();
    expect(proposals(callFunction)[0].payload!.recipients).toHaveLength(40);
  });

  it('finds a name within the list, ticks only the names found, and unticks one with a tap', async () => {
    const { page } = await openAward();
    await tap(page, [LIST, '.unit-members__open']);
    await emit(page, [LIST, '.unit-members__unit-picker'], 'change', { value: 1 });

    await emit(page, [LIST, '.unit-members__search'], 'change', { value: '张' });
    expect(rowsOf(page).map((row) => textIn(row))).toEqual(['✓张会员00', '✓张会员01', '✓张会员02']);
    expect(textOf(page, [LIST, '.unit-members__all-label'])).toBe('全选查找结果');
    await tap(page, [LIST, '.unit-members__all']);
    expect(attendeeNames(page)).toEqual(['张会员00', '张会员01', '张会员02']);

    await tapNode(rowsOf(page)[1]);
    expect(attendeeNames(page)).toEqual(['张会员00', '张会员02']);
    expect(textOf(page, [LIST, '.unit-members__count'])).toBe('已选 2/3 人');
  });

  it('unticks the whole list when everyone on it is ticked, keeping people chosen from another unit', async () => {
    const { page } = await openAward();
    await tap(page, [LIST, '.unit-members__open']);
    await emit(page, [LIST, '.unit-members__unit-picker'], 'change', { value: 2 });
    await tap(page, [LIST, '.unit-members__all']);
    await emit(page, [LIST, '.unit-members__unit-picker'], 'change', { value: 1 });
    await tap(page, [LIST, '.unit-members__all']);
    expect(attendeeNames(page)).toHaveLength(41);

    await tap(page, [LIST, '.unit-members__all']);

    expect(attendeeNames(page)).toEqual(['掇刀会员']);
  });

  it('lists a 支部’s own members alone for its 记分员 (常州), with no unit to choose', async () => {
    const branch = [person('m-keeper', '赵记分员', 'b1', '第一党支部'), person('m-chen', '陈党员', 'b1', '第一党支部')];
    const { page, callFunction } = await openAward({
      'catalog.get': ok({ ...catalog({ memberId: 'm-keeper', authority: 0, roles: ['scorekeeper'], can: { review: true, award: false, record: true, sign: false } }), terms: changzhouTerms(), items: [anItem({ id: 'feature.volunteer', name: '参加志愿服务', category: '特色分', kind: 'fixed', points: 5, range: undefined })] }),
      'members.list': ok({ members: branch, branches: [{ _id: 'b1', name: '第一党支部' }, { _id: 'b2', name: '第二党支部' }], cursor: null, terms: changzhouTerms(), unitId: 'b1' }),
    });
    stubWx('setNavigationBarTitle');

    expect(textOf(page, [LIST, '.unit-members__open'])).toBe('按支部名单选人');
    await tap(page, [LIST, '.unit-members__open']);

    expect(inside(page, LIST, '.unit-members__unit-picker')).toBeUndefined();
    expect(textIn(inside(page, LIST, '.unit-members__unit'))).toBe('支部第一党支部');
    await tap(page, [LIST, '.unit-members__all']);
    expect(attendeeNames(page)).toEqual(['陈党员']);
    expect(listCalls(callFunction)).toEqual([{ status: 'active', limit: 200 }]);
  });
});

describe('奖分 page: evidence photos', () => {
  function stubUploads(paths: string[], upload = async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env-1.bucket/${cloudPath}` })) {
    stubWx('chooseMedia', async () => ({ tempFiles: paths.map((tempFilePath) => ({ tempFilePath })), type: 'image' }));
    (wx.cloud as unknown as Record<string, unknown>).uploadFile = jest.fn(upload);
  }

  it('uploads the photos as 申报 does and sends their fileIDs with the award', async () => {
    const { page, callFunction } = await openAward();
    stubUploads(['wxfile://tmp/meeting.jpg']);
    await emit(page, '.item-picker', 'change', { value: 0 });
    await tap(page, [LIST, '.unit-members__open']);
    await tap(page, [LIST, '.unit-members__all']);
    await emit(page, '.note', 'change', { value: '东宝分会理事会' });

    await tap(page, ['.evidence', '.evidence-photos__add']);
    expect(page.querySelector('.evidence')!.querySelectorAll('.evidence-photos__image')).toHaveLength(1);
    await tap(page, '.submit');
    await settle();

    const [evidence] = proposals(callFunction)[0].payload!.evidence!;
    expect(evidence).toMatch(/^cloud:\/\/env-1\.bucket\/evidence\/\d{4}-\d{2}\/[0-9a-z-]+\.jpg$/);
    expect(page.querySelector('.evidence')!.querySelectorAll('.evidence-photos__image')).toHaveLength(0);
  });

  it('waits for a photo still uploading before sending', async () => {
    const { page, callFunction } = await openAward();
    stubUploads(['wxfile://tmp/slow.jpg'], () => new Promise(() => undefined));
    await emit(page, '.item-picker', 'change', { value: 0 });
    await tap(page, [LIST, '.unit-members__open']);
    await tap(page, [LIST, '.unit-members__all']);
    await emit(page, '.note', 'change', { value: '东宝分会理事会' });

    await tap(page, ['.evidence', '.evidence-photos__add']);
    await tap(page, '.submit');

    expect(textOf(page, '.problems')).toBe('照片还在上传，请稍候');
    expect(proposals(callFunction)).toEqual([]);
  });
});

describe('奖分 page: only accounts are listed', () => {
  it('leaves a person without a category (an official with no 积分台账) off a unit’s list', async () => {
    const official = aDirectoryMember({ _id: 'm-official', name: '周指导员', branchId: 'b-duodao', branchName: '掇刀分会', category: null, tier: null });
    const { page } = await openAward({ 'members.list': ok({ members: [...DUODAO, official], branches: BRANCHES, cursor: null, terms: jingmenTerms() }) });
    await tap(page, [LIST, '.unit-members__open']);
    expect(rowsOf(page).map((row) => textIn(row))).toEqual([expect.stringContaining('掇刀会员')]);
  });
});
