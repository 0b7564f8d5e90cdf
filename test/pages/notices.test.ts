import type { ApiEvent } from '../../typings/api';
import { aNotice } from './support/builders';
import { fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { callPage, emit, openPage, settle, tap, textOf, textsOf } from './support/load';
import { restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/notices/index';

const scheme = aNotice({
  _id: 'n-v2',
  kind: 'scheme',
  title: '积分细则第 2 版',
  body: '经会长会研究，调整以下积分项目。',
  schemeVersion: 2,
  changes: ['“书面建言献策”由 2 分调整为 3 分', '新增“参加分会培训” 10 分'],
  publishedAt: '2026-11-20T02:00:00.000Z',
  effectiveFrom: '2026-11-30T16:00:00.000Z',
});

afterEach(() => restoreWx());

describe('公示 page', () => {
  it('asks for the notices in one call and shows a loading state', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPage(PAGE);

    expect(textOf(page, '.state')).toBe('加载中…');
    expect(callFunction.mock.calls.map((c) => (c[0] as { data: ApiEvent }).data)).toEqual([{ action: 'notice.list', payload: {} }]);
  });

  it('shows a rule version with its version, effective day in China and change lines', async () => {
    stubApi({ 'notice.list': ok({ notices: [scheme, aNotice()] }) });

    const page = openPage(PAGE);
    await settle();

    expect(textsOf(page, '.notice__title')).toEqual(['积分细则第 2 版', '关于召开2026年度会员大会的通知']);
    expect(textOf(page, '.notice__kind')).toBe('规则第 2 版');
    expect(textOf(page, '.notice__date')).toBe('2026-11-20 发布');
    expect(textOf(page, '.notice__effective')).toBe('自 2026年12月1日 起施行');
    expect(textsOf(page, '.notice__change')).toEqual(['“书面建言献策”由 2 分调整为 3 分', '新增“参加分会培训” 10 分']);
  });

  it('filters rule versions and announcements without another call', async () => {
    const callFunction = stubApi({ 'notice.list': ok({ notices: [scheme, aNotice()] }) });
    const page = openPage(PAGE);
    await settle();

    await emit(page, '.filters', 'change', { value: 'announcement' });
    expect(textsOf(page, '.notice__title')).toEqual(['关于召开2026年度会员大会的通知']);

    await emit(page, '.filters', 'change', { value: 'scheme' });
    expect(textsOf(page, '.notice__title')).toEqual(['积分细则第 2 版']);
    expect(callFunction).toHaveBeenCalledTimes(1);
  });

  it('says so when nothing is published yet', async () => {
    stubApi({ 'notice.list': ok({ notices: [] }) });

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.state')).toBe('暂无公示内容');
  });

  it('shows the error and loads again on retry', async () => {
    const callFunction = stubApi({ 'notice.list': fail('INTERNAL', '系统繁忙，请稍后重试') });
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.state')).toBe('系统繁忙，请稍后重试重试');

    stubApi({ 'notice.list': ok({ notices: [aNotice()] }) });
    await tap(page, ['.state', '.state-view__button']);

    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(textsOf(page, '.notice__title')).toHaveLength(1);
  });

  it('draws a long history twenty at a time as the user scrolls', async () => {
    const notices = Array.from({ length: 45 }, (_, i) => aNotice({ _id: `n${i}`, title: `通知 ${i}` }));
    stubApi({ 'notice.list': ok({ notices }) });
    const page = openPage(PAGE);
    await settle();
    expect(page.querySelectorAll('.notice')).toHaveLength(20);

    await callPage(page, 'onReachBottom');
    await callPage(page, 'onReachBottom');
    expect(page.querySelectorAll('.notice')).toHaveLength(45);
    expect(textOf(page, '.list-end')).toBe('没有更多了');
  });

  it('expands a long body on tap', async () => {
    const long = '本次会议将总结全年工作，表彰先进集体和个人，审议下一年度工作计划，并就积分制管理办法的执行情况听取会员意见和建议。请各分会提前统计参会人数，于12月5日前报秘书处。';
    stubApi({ 'notice.list': ok({ notices: [aNotice({ body: long })] }) });
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.notice__more')).toBe('展开全文');

    await tap(page, '.notice');

    expect(textOf(page, '.notice__more')).toBe('收起');
  });

  it('shows a short body whole, with nothing to expand', async () => {
    stubApi({ 'notice.list': ok({ notices: [aNotice({ body: '12月10日召开年度会员大会。' })] }) });
    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.notice__body')).toBe('12月10日召开年度会员大会。');
    expect(textOf(page, '.notice__more')).toBeNull();
  });

  it('refreshes on pull-down', async () => {
    const callFunction = stubApi({ 'notice.list': ok({ notices: [aNotice()] }) });
    const stop = stubWx('stopPullDownRefresh');
    const page = openPage(PAGE);
    await settle();

    await callPage(page, 'onPullDownRefresh');

    expect(callFunction).toHaveBeenCalledTimes(2);
    expect(stop).toHaveBeenCalled();
  });
});
