import type { ApiEvent, DataOf } from '../../typings/api';
import { aCatalog, aCatalogItem } from './support/builders';
import { restoreClock, setNow } from './support/clock';
import { fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { dataOf, emit, exists, openPage, settle, tap, tapText, textOf, textsOf, type RenderedPage } from './support/load';
import { aClaim } from './support/records';
import { argsOf, restoreWx, stubWx } from './support/wx';

// The decision template must be configured for the prompt to appear (config.ts ships it empty).
jest.mock('../../miniprogram/config', () => ({
  CLOUD_ENV: 'test-env',
  SUBSCRIBE_TEMPLATES: { claimAwaitingReview: 'tmpl-review', claimDecided: 'tmpl-decided' },
}));

const PAGE = 'pages/report/index';

/** 00:30 on 22 November in China, still the 21st in UTC. */
const NOW = '2026-11-21T16:30:00Z';

function submitted(payload: DataOf<'claim.submit'>['claim']['lines'][number]['points'] = 20) {
  return ok({
    claim: aClaim({
      itemName: '参加市新联会会议',
      lines: [{ memberId: 'member-1', memberName: '张三', points: payload, itemId: 'meeting.attend.association', itemName: '参加市新联会会议' }],
      waitingFor: { memberIds: ['leader-1'], label: '东宝分会领导' },
    }),
  });
}

function submissionsOf(callFunction: jest.Mock): ApiEvent<'claim.submit'>[] {
  return callFunction.mock.calls
    .map((call) => (call[0] as { data: ApiEvent }).data)
    .filter((event): event is ApiEvent<'claim.submit'> => event.action === 'claim.submit');
}

async function openLoaded(stubs: Parameters<typeof stubApi>[0] = {}): Promise<{ page: RenderedPage; callFunction: jest.Mock }> {
  const callFunction = stubApi({ 'catalog.get': ok(aCatalog()), 'claim.submit': submitted(), ...stubs });
  const page = openPage(PAGE);
  await settle();
  return { page, callFunction };
}

async function pick(page: RenderedPage, category: string, item: string): Promise<void> {
  await tap(page, '.field-item');
  await tapText(page, '.picker__category', category);
  await tapText(page, '.picker__item', item);
}

let subscribe: jest.Mock;
beforeEach(() => {
  setNow(NOW);
  subscribe = stubWx('requestSubscribeMessage');
});
afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('申报 page: first screen', () => {
  it('shows a loading state and asks for the catalog in one call', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPage(PAGE);

    expect(textOf(page, '.state')).toBe('加载中…');
    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(callFunction.mock.calls[0][0]).toEqual({ name: 'api', data: { action: 'catalog.get', payload: {} } });
  });

  it("shows the server's message with a retry when the catalog does not load, and loads on retry", async () => {
    const callFunction = stubApi({ 'catalog.get': fail('INTERNAL', '系统繁忙，请稍后重试') });
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.state')).toBe('系统繁忙，请稍后重试重试');

    stubApi({ 'catalog.get': ok(aCatalog()) });
    await tap(page, ['.state', '.state-view__button']);

    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(exists(page, '.state')).toBe(false);
    expect(textOf(page, '.field-item')).toContain('选择申报项目');
  });

  it("defaults the date to today in China, and limits the picker to the claims window", async () => {
    const { page } = await openLoaded();

    expect(textOf(page, '.field-date')).toContain('2026年11月22日');
    expect(dataOf<{ windowStart: string; windowEnd: string }>(page)).toMatchObject({ windowStart: '2026-08-24', windowEnd: '2026-11-22' });
  });

  it('offers the reportable items by category, without dues or committee items', async () => {
    const { page } = await openLoaded();

    await tap(page, '.field-item');

    expect(textsOf(page, '.picker__category')).toEqual(['会议', '活动', '办实事', '宣传及建议', '其他']);
    await tapText(page, '.picker__category', '办实事');
    expect(textsOf(page, '.picker__item')).toEqual(['办实事（价值可量化）按价值1%，最高100分 · 第八条']);
  });
});

describe('申报 page: the points shown before submitting', () => {
  it('shows the fixed points of a fixed item and asks for no input', async () => {
    const { page } = await openLoaded();

    await pick(page, '会议', '参加市新联会会议');

    expect(textOf(page, '.field-item')).toContain('参加市新联会会议');
    expect(textOf(page, '.field-item')).toContain('会议 · 第六条 · 20分');
    expect(exists(page, '.field-points')).toBe(false);
    expect(exists(page, '.value-input')).toBe(false);
    expect(textOf(page, '.preview')).toBe('预计可得+20分');
  });

  it('lets a range item be asked within its range, starting at its least', async () => {
    const { page } = await openLoaded();
    await pick(page, '活动', '突出表现');
    expect(textOf(page, '.preview__points')).toBe('+1');

    await emit(page, '.points-stepper', 'change', { value: 8 });

    expect(textOf(page, '.preview__points')).toBe('+8');
    expect(textOf(page, '.preview__hint')).toBe('可在 1–10 分内申请，由初审人确认');
  });

  it('offers a range no higher than any leader could endorse (第十三条)', async () => {
    const base = aCatalog();
    const items = base.items.map((item) =>
      item.id === 'activity.outstanding.association' ? { ...item, name: '在市级统战系统活动中突出表现（额外）', range: [1, 20] as [number, number] } : item,
    );
    const { page } = await openLoaded({ 'catalog.get': ok({ ...base, items, selfReportMax: 10 }) });
    await pick(page, '活动', '突出表现');

    expect(page.instance.data.rangeMax).toBe(10);
    expect(textOf(page, '.preview__hint')).toBe('可在 1–10 分内申请，由初审人确认');
  });

  it('multiplies the points of a per-count item by the count', async () => {
    const { page } = await openLoaded();
    await pick(page, '宣传及建议', '介绍并发展会员');

    await emit(page, '.count-stepper', 'change', { value: 3 });

    expect(textOf(page, '.field-count')).toContain('介绍人数');
    expect(textOf(page, '.preview__points')).toBe('+60');
  });

  it.each([
    ['5700', '+57'],
    ['20000', '+100'],
    ['99.99', '–'],
    ['', '–'],
  ])('gives a value of %s 元 %s (1%, rounded down, at most 100: 第八条)', async (value, expected) => {
    const { page } = await openLoaded();
    await pick(page, '办实事', '价值可量化');

    await emit(page, '.value-input', 'change', { value });

    expect(textOf(page, '.preview__points')).toBe(expected);
  });

  it('explains why a value too small earns nothing', async () => {
    const { page } = await openLoaded();
    await pick(page, '办实事', '价值可量化');

    await emit(page, '.value-input', 'change', { value: '50' });

    expect(textOf(page, '.preview__hint')).toBe('价值不足 100 元，不能获得积分');
  });
});

describe('申报 page: photos', () => {
  function stubPhotos(paths: string[]) {
    stubWx('chooseMedia', async () => ({ tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 1000, fileType: 'image' })), type: 'image' }));
    const uploadFile = jest.fn(async ({ cloudPath }: { cloudPath: string; filePath: string }) => ({ fileID: `cloud://env-1.bucket/${cloudPath}`, statusCode: 200 }));
    (wx.cloud as unknown as Record<string, unknown>).uploadFile = uploadFile;
    return uploadFile;
  }

  it('uploads chosen photos to evidence/<yyyy-mm>/ in China time and shows them', async () => {
    const { page } = await openLoaded();
    const uploadFile = stubPhotos(['wxfile://tmp/a.jpg', 'wxfile://tmp/b.png']);

    await tap(page, '.photo--add');
    await settle();

    expect(uploadFile).toHaveBeenCalledTimes(2);
    const paths = argsOf<{ cloudPath: string; filePath: string }>(uploadFile as unknown as jest.Mock);
    expect(paths[0].cloudPath).toMatch(/^evidence\/2026-11\/[0-9a-z-]+\.jpg$/);
    expect(paths[1].cloudPath).toMatch(/^evidence\/2026-11\/[0-9a-z-]+\.png$/);
    expect(paths.map((p) => p.filePath)).toEqual(['wxfile://tmp/a.jpg', 'wxfile://tmp/b.png']);
    expect(page.querySelectorAll('.photo__image')).toHaveLength(2);
    expect(exists(page, '.photo__uploading')).toBe(false);
  });

  it('previews a photo full screen, and removes one', async () => {
    const { page } = await openLoaded();
    stubPhotos(['wxfile://tmp/a.jpg', 'wxfile://tmp/b.jpg']);
    const previewImage = stubWx('previewImage');
    await tap(page, '.photo--add');
    await settle();

    page.querySelectorAll('.photo__image')[1].dispatchEvent('tap');
    await settle();
    expect(argsOf(previewImage)).toEqual([{ urls: ['wxfile://tmp/a.jpg', 'wxfile://tmp/b.jpg'], current: 'wxfile://tmp/b.jpg' }]);

    page.querySelectorAll('.photo__remove')[0].dispatchEvent('tap');
    await settle();
    expect(page.querySelectorAll('.photo__image')).toHaveLength(1);
    expect(textsOf(page, '.section-title')[1]).toContain('1/9');
  });

  it('asks for no more than nine photos in all, and hides the add tile at nine', async () => {
    const { page } = await openLoaded();
    const chosen = Array.from({ length: 7 }, (_, i) => `wxfile://tmp/${i}.jpg`);
    stubPhotos(chosen);
    await tap(page, '.photo--add');
    await settle();

    const chooseMedia = stubWx('chooseMedia', async () => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp/x.jpg' }, { tempFilePath: 'wxfile://tmp/y.jpg' }] }));
    await tap(page, '.photo--add');
    await settle();

    expect(argsOf(chooseMedia)[0]).toMatchObject({ count: 2, mediaType: ['image'] });
    expect(page.querySelectorAll('.photo__image')).toHaveLength(9);
    expect(exists(page, '.photo--add')).toBe(false);
  });

  it('drops a photo whose upload fails and says so', async () => {
    const { page } = await openLoaded();
    stubWx('chooseMedia', async () => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg' }] }));
    (wx.cloud as unknown as Record<string, unknown>).uploadFile = jest.fn(async () => {
      throw new Error('uploadFile:fail');
    });
    const showToast = stubWx('showToast');
    jest.spyOn(console, 'error').mockImplementation(() => undefined);

    await tap(page, '.photo--add');
    await settle();

    expect(page.querySelectorAll('.photo__image')).toHaveLength(0);
    expect(argsOf(showToast)[0]).toMatchObject({ title: '照片上传失败，请重新添加' });
  });
});

describe('申报 page: submitting', () => {
  it('sends the item, the day, the note, the photos and only the input the item asks for, with a requestId', async () => {
    const { page, callFunction } = await openLoaded();
    stubWx('chooseMedia', async () => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg' }] }));
    (wx.cloud as unknown as Record<string, unknown>).uploadFile = jest.fn(async () => ({ fileID: 'cloud://env-1.bucket/evidence/2026-11/a.jpg' }));
    await pick(page, '活动', '突出表现');
    await emit(page, '.points-stepper', 'change', { value: 6 });
    await emit(page, '.date-picker', 'confirm', { value: '2026-11-08' });
    await emit(page, '.note-input', 'change', { value: '  组织助学活动  ' });
    await tap(page, '.photo--add');
    await settle();

    await tap(page, '.submit');

    const [submission] = submissionsOf(callFunction);
    expect(submission.payload).toEqual({
      itemId: 'activity.outstanding.association',
      occurredOn: '2026-11-08',
      points: 6,
      note: '组织助学活动',
      evidence: ['cloud://env-1.bucket/evidence/2026-11/a.jpg'],
    });
    expect(submission.requestId).toMatch(/^[0-9a-z]+-[0-9a-z]{16}$/);
  });

  it('sends a value item its value in 元 and a count item its count', async () => {
    const { page, callFunction } = await openLoaded();
    await pick(page, '办实事', '价值可量化');
    await emit(page, '.value-input', 'change', { value: '5700' });
    await tap(page, '.submit');

    expect(submissionsOf(callFunction)[0].payload).toEqual({ itemId: 'deed.quantified', occurredOn: '2026-11-22', value: 5700, note: '' });
  });

  it('asks, from the submit tap, to be told when the claim is decided, and submits whatever the answer', async () => {
    const { page, callFunction } = await openLoaded();
    subscribe.mockImplementation((options: { fail?: (e: unknown) => void }) => options.fail?.({ errMsg: 'requestSubscribeMessage:fail cancel' }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await pick(page, '会议', '参加市新联会会议');
    await tap(page, '.submit');
    await settle();

    expect(argsOf<{ tmplIds: string[] }>(subscribe).map((o) => o.tmplIds)).toEqual([['tmpl-decided']]);
    expect(submissionsOf(callFunction)).toHaveLength(1);
    expect(textOf(page, '.done__title')).toBe('申报已提交');
    warn.mockRestore();
  });

  it('submits once when the button is tapped twice', async () => {
    let answer: (value: { result: unknown; errMsg: string }) => void = () => undefined;
    const { page, callFunction } = await openLoaded();
    callFunction.mockImplementation(({ data }) =>
      (data as ApiEvent).action === 'claim.submit' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve({ result: ok(aCatalog()), errMsg: 'ok' }),
    );
    await pick(page, '会议', '参加市新联会会议');

    await tap(page, '.submit');
    await tap(page, '.submit');
    answer({ result: submitted(), errMsg: 'cloud.callFunction:ok' });
    await settle();

    expect(submissionsOf(callFunction)).toHaveLength(1);
    expect(textOf(page, '.done__title')).toBe('申报已提交');
  });

  it('says who reviews it next once submitted, and opens my claims from there', async () => {
    const { page } = await openLoaded();
    const switchTab = stubWx('switchTab');
    await pick(page, '会议', '参加市新联会会议');

    await tap(page, '.submit');

    expect(textOf(page, '.done__item')).toBe('参加市新联会会议　+20 分');
    expect(textOf(page, '.done__waiting')).toBe('等待 东宝分会领导 初审，两级审核通过后计入积分');
    await tap(page, '.done__claims');
    expect(argsOf(switchTab)).toEqual([{ url: '/pages/ledger/index' }]);
  });

  it('starts a fresh form for another report', async () => {
    const { page } = await openLoaded();
    await pick(page, '会议', '参加市新联会会议');
    await tap(page, '.submit');

    await tap(page, '.done__again');

    expect(textOf(page, '.field-item')).toContain('选择申报项目');
    expect(textOf(page, '.preview__hint')).toBe('选择申报项目后，这里显示可得积分');
  });

  it('says what is missing instead of submitting an incomplete form', async () => {
    const { page, callFunction } = await openLoaded();

    await tap(page, '.submit');
    expect(textOf(page, '.submit-error')).toBe('请选择申报项目');

    await pick(page, '办实事', '价值可量化');
    await tap(page, '.submit');
    expect(textOf(page, '.submit-error')).toBe('请填写实事的价值（元）');
    expect(submissionsOf(callFunction)).toHaveLength(0);
  });

  it('turns the hint red rather than repeating it when a value earns nothing', async () => {
    const { page, callFunction } = await openLoaded();
    await pick(page, '办实事', '价值可量化');
    await emit(page, '.value-input', 'change', { value: '60' });

    await tap(page, '.submit');

    expect(exists(page, '.submit-error')).toBe(false);
    expect(textOf(page, '.preview__hint--error')).toBe('价值不足 100 元，不能获得积分');
    expect(submissionsOf(callFunction)).toHaveLength(0);
  });

  it("shows the server's typed error in Chinese and keeps the form", async () => {
    const { page } = await openLoaded({ 'claim.submit': fail('OUT_OF_WINDOW', '发生日期须在最近 90 天内') });
    await pick(page, '会议', '参加市新联会会议');

    await tap(page, '.submit');

    expect(textOf(page, '.submit-error')).toBe('发生日期须在最近 90 天内');
    expect(textOf(page, '.field-item')).toContain('参加市新联会会议');
  });

  it('offers to bind when the account is not bound to a member', async () => {
    const { page } = await openLoaded({ 'claim.submit': fail('NOT_BOUND', '请先绑定会员身份') });
    const navigateTo = stubWx('navigateTo');
    await pick(page, '会议', '参加市新联会会议');
    await tap(page, '.submit');

    await tap(page, '.submit-error__bind');

    expect(argsOf(navigateTo)).toEqual([{ url: '/pages/bind/index?from=report' }]);
  });

  it('retries a lost answer with the same requestId, and an edited form with a new one', async () => {
    const { page, callFunction } = await openLoaded();
    callFunction.mockImplementation(async ({ data }) => {
      if ((data as ApiEvent).action === 'claim.submit') throw new Error('cloud.callFunction:fail timeout');
      return { result: ok(aCatalog()), errMsg: 'ok' };
    });
    await pick(page, '会议', '参加市新联会会议');

    await tap(page, '.submit');
    expect(textOf(page, '.submit-error')).toBe('网络异常，请稍后重试');
    await tap(page, '.submit');
    await emit(page, '.note-input', 'change', { value: '补充说明' });
    await tap(page, '.submit');

    const ids = submissionsOf(callFunction).map((s) => s.requestId);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('shows a deduction item as negative points', async () => {
    const { page } = await openLoaded({
      'catalog.get': ok(aCatalog({ items: [aCatalogItem({ id: 'late', name: '无故缺席会议', category: '扣分', points: -5, deduction: true })] })),
    });

    await pick(page, '扣分', '无故缺席');

    expect(textOf(page, '.preview__points')).toBe('-5');
  });
});
