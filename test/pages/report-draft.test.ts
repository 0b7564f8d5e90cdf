/**
 * 申报 before binding: someone whose WeChat is not bound to a member is told so before filling
 * anything, and what they fill (item, day, points, note, uploaded photos) is kept as a draft in wx
 * storage, across 绑定 (which starts the mini-program over), restored when 申报 opens again and
 * cleared once the claim is submitted.
 */
import type { ApiEvent } from '../../typings/api';
import { aCatalog } from './support/builders';
import { restoreClock, setNow } from './support/clock';
import { ok, stubApi } from './support/cloud';
import { dataOf, emit, exists, openPage, settle, tap, tapText, textOf, type RenderedPage } from './support/load';
import { aClaim } from './support/records';
import { argsOf, memoryStorage, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/report/index';
const NOW = '2026-11-21T04:00:00Z';

const UNBOUND = aCatalog({ viewer: { memberId: null, authority: 0, roles: [], can: { review: false, award: false, record: false, sign: false }, selfReportRefusal: null } });
const BOUND = aCatalog();
const SUBMITTED = ok({ claim: aClaim({ itemName: '在市新联会活动中突出表现（额外）', waitingFor: { memberIds: ['leader-1'], label: '东宝分会领导' } }) });

async function open(catalog = UNBOUND): Promise<{ page: RenderedPage; callFunction: jest.Mock }> {
  const callFunction = stubApi({ 'catalog.get': ok(catalog), 'claim.submit': SUBMITTED });
  const page = openPage(PAGE);
  await settle();
  return { page, callFunction };
}

function stubUploads(paths: string[]): void {
  stubWx('chooseMedia', async () => ({ tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 1000, fileType: 'image' })), type: 'image' }));
  (wx.cloud as unknown as Record<string, unknown>).uploadFile = jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env-1.bucket/${cloudPath}` }));
}

/** Fills the form as a visitor would: a range item at 6 points, a day, a note and two photos. */
async function fill(page: RenderedPage): Promise<void> {
  await tap(page, '.field-item');
  await tapText(page, '.picker__category', '活动');
  await tapText(page, '.picker__item', '突出表现');
  await emit(page, '.points-stepper', 'change', { value: 6 });
  await emit(page, '.date-picker', 'confirm', { value: '2026-11-08' });
  await emit(page, '.note-input', 'change', { value: '组织助学活动' });
  stubUploads(['wxfile://tmp/a.jpg', 'wxfile://tmp/b.jpg']);
  await tap(page, '.photo--add');
  await settle();
}

function submissionsOf(callFunction: jest.Mock): ApiEvent<'claim.submit'>[] {
  return callFunction.mock.calls
    .map((call) => (call[0] as { data: ApiEvent }).data)
    .filter((event): event is ApiEvent<'claim.submit'> => event.action === 'claim.submit');
}

let storage: Map<string, unknown>;
beforeEach(() => {
  setNow(NOW);
  storage = memoryStorage();
  stubWx('requestSubscribeMessage');
});
afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('申报 page before binding', () => {
  it('tells an unbound person up front that they must bind, with a button to bind that comes back here', async () => {
    const { page } = await open();
    const navigateTo = stubWx('navigateTo');

    expect(textOf(page, '.bind-notice__title')).toBe('请先绑定会员身份');
    expect(textOf(page, '.field-item')).toContain('选择申报项目');
    await tap(page, '.bind-notice__button');

    expect(argsOf(navigateTo)).toEqual([{ url: '/pages/bind/index?from=report' }]);
  });

  it('says nothing of binding to a bound member, and keeps no draft of their form', async () => {
    const { page } = await open(BOUND);
    await emit(page, '.note-input', 'change', { value: '组织助学活动' });

    expect(exists(page, '.bind-notice')).toBe(false);
    expect(storage.size).toBe(0);
  });

  it('does not send a filled form before binding, and says why', async () => {
    const { page, callFunction } = await open();
    await fill(page);

    await tap(page, '.submit');

    expect(submissionsOf(callFunction)).toEqual([]);
    expect(textOf(page, '.submit-error__text')).toBe('请先绑定会员身份，绑定后回到这里即可提交，已填写的内容会保留');
    expect(textOf(page, '.submit-error__bind')).toBe('去绑定 ›');
  });

  it('keeps the form and the uploaded photos across binding, restores them and submits them', async () => {
    const visitor = await open();
    await fill(visitor.page);
    await tap(visitor.page, '.bind-notice__button');

    // 绑定 starts the mini-program over: a new 申报, now for a member.
    const member = await open(BOUND);

    expect(exists(member.page, '.bind-notice')).toBe(false);
    expect(textOf(member.page, '.draft-notice')).toBe('已恢复绑定前填写的内容，核对后即可提交');
    expect(textOf(member.page, '.field-item')).toContain('在市新联会活动中突出表现（额外）');
    expect(textOf(member.page, '.field-date')).toContain('2026年11月8日');
    expect(textOf(member.page, '.preview__points')).toBe('+6');
    expect(member.page.querySelectorAll('.photo__image')).toHaveLength(2);

    await tap(member.page, '.submit');

    const [submission] = submissionsOf(member.callFunction);
    expect(submission.payload).toMatchObject({ itemId: 'activity.outstanding.association', occurredOn: '2026-11-08', points: 6, note: '组织助学活动' });
    expect(submission.payload!.evidence).toHaveLength(2);
    expect(submission.payload!.evidence![0]).toMatch(/^cloud:\/\/env-1\.bucket\/evidence\/2026-11\//);
    expect(textOf(member.page, '.done__title')).toBe('申报已提交');
    expect(storage.size).toBe(0);
  });

  it('shows an uploaded photo from the cloud when its temporary file is gone', async () => {
    storage.set('report.draft', {
      itemId: '', occurredOn: '2026-11-08', points: 1, count: 1, value: '', note: '',
      photos: [{ path: 'wxfile://tmp/gone.jpg', fileID: 'cloud://env-1.bucket/evidence/2026-11/x.jpg' }],
    });
    const { page } = await open();

    await emit(page, '.photo__image', 'error', { errMsg: 'GET image failed' });

    expect(dataOf<{ photos: { path: string }[] }>(page).photos[0].path).toBe('cloud://env-1.bucket/evidence/2026-11/x.jpg');
  });

  it('puts today in place of a kept day that has left the claims window, and leaves out an item no longer offered', async () => {
    storage.set('report.draft', { itemId: 'gone.item', occurredOn: '2026-01-02', points: 3, count: 1, value: '', note: '说明', photos: [] });

    const { page } = await open();

    expect(textOf(page, '.field-date')).toContain('2026年11月21日');
    expect(textOf(page, '.field-item')).toContain('选择申报项目');
    expect(dataOf<{ note: string }>(page).note).toBe('说明');
  });

  it('ignores a kept value that is not a draft', async () => {
    storage.set('report.draft', { itemId: 5, note: null });

    const { page } = await open();

    expect(exists(page, '.draft-notice')).toBe(false);
    expect(textOf(page, '.field-item')).toContain('选择申报项目');
  });
});
