import type { BottomRow, DataOf, Reminder } from '../../typings/api';
import { changzhouTerms, jingmenTerms } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { emit, exists, openPage, settle, textOf, textsOf } from './support/load';
import { emitFrom, press } from './support/page';
import { argsOf, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/reminders/index';


function aBottomRow(overrides: Partial<BottomRow> = {}): BottomRow {
  return { memberId: 'm-liu', name: '刘强', branchName: '东宝分会', total: 0, rank: 20, unranked: true, reminders: [], ...overrides };
}

function aReminder(overrides: Partial<Reminder> = {}): Reminder {
  return {
    _id: 'r1',
    memberId: 'm-liu',
    memberName: '刘强',
    branchId: 'dongbao',
    year: '2026',
    method: 'talk',
    note: '电话谈话，提醒参加分会活动',
    recordedBy: { id: 'm-huang', name: '黄志刚' },
    recordedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

function bottom(overrides: Partial<DataOf<'reminder.list'>> = {}): DataOf<'reminder.list'> {
  return {
    year: '2026',
    unitId: 'dongbao',
    ranked: 20,
    size: 3,
    rows: [aBottomRow(), aBottomRow({ memberId: 'm-wu', name: '吴敏', total: 10, rank: 19, unranked: false, reminders: [aReminder({ _id: 'r0', memberId: 'm-wu', method: 'notice', note: '分会例会上通报' })] })],
    byScore: false,
    terms: jingmenTerms(),
    ...overrides,
  };
}

afterEach(() => restoreWx());

describe('排名靠后 page (第十九条)', () => {
  it('shows a 分会会长 the bottom of their branch’s year in one call, each with what was recorded', async () => {
    const callFunction = stubApi({ 'reminder.list': ok(bottom()) });

    const page = openPage(PAGE);
    await settle();

    expect(eventsOf(callFunction)).toEqual([{ action: 'reminder.list', payload: {} }]);
    expect(textOf(page, '.intro__article')).toBe('第十九条：对年度积分排名靠后的会员，采取通报、谈话提醒等方式传压力、提动力、激活力。');
    expect(textOf(page, '.intro__summary')).toBe('2026年东宝分会排名后十分之一（至少 3 人，同分并列的一并列出）：20 名会员中的 2 名');
    expect(textsOf(page, '.bottom__name')).toEqual(['刘强', '吴敏']);
    expect(textsOf(page, '.bottom__rank')).toEqual(['第 20 名（共 20 人）', '第 19 名（共 20 人）']);
    expect(textsOf(page, '.bottom__measure')).toEqual(['0 分', '10 分']);
    expect(textsOf(page, '.bottom__unranked')).toEqual(['本年度无积分']);
    expect(textsOf(page, '.bottom__none')).toEqual(['本年度尚未通报或谈话提醒']);
    expect(textsOf(page, '.reminder__head')).toEqual(['2026-11-20 通报 · 黄志刚']);
    expect(exists(page, '.unit-picker')).toBe(false);
    expect(exists(page, '.intro__warning')).toBe(false);
  });

  it('records a 谈话提醒: the way, then what was said, once, and shows it on the row', async () => {
    const recorded = aReminder({ _id: 'r2', note: '当面谈话，了解困难' });
    const callFunction = stubApi({ 'reminder.list': ok(bottom()), 'reminder.record': ok({ reminder: recorded }) });
    const sheet = stubWx('showActionSheet', async () => ({ tapIndex: 0, errMsg: 'showActionSheet:ok' }));
    const toast = stubWx('showToast');
    const page = openPage(PAGE);
    await settle();

    await press(page.querySelectorAll('.bottom__record')[0]);
    expect(argsOf(sheet)[0]).toMatchObject({ itemList: ['谈话提醒', '通报'] });
    expect(textOf(page, '.record-dialog')).toContain('记录对刘强的谈话提醒');

    await emitFrom(page.querySelector('.record-dialog'), 'submit', { reason: '当面谈话，了解困难' });

    const sent = eventsOf(callFunction)[1];
    expect(sent).toMatchObject({ action: 'reminder.record', payload: { memberId: 'm-liu', year: '2026', method: 'talk', note: '当面谈话，了解困难' } });
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_.:-]{8,64}$/);
    expect(textsOf(page, '.reminder__note')).toEqual(['当面谈话，了解困难', '分会例会上通报']);
    expect(argsOf(toast)).toEqual([expect.objectContaining({ title: '已记录谈话提醒' })]);
  });

  it('records nothing when the way is not chosen', async () => {
    const callFunction = stubApi({ 'reminder.list': ok(bottom()) });
    stubWx('showActionSheet', async () => {
      throw new Error('showActionSheet:fail cancel');
    });
    const page = openPage(PAGE);
    await settle();

    await press(page.querySelectorAll('.bottom__record')[0]);

    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(textOf(page, '.record-dialog')).not.toContain('记录对');
  });

  it('shows a refusal in plain Chinese to a member, with no list and no retry', async () => {
    stubApi({ 'reminder.list': fail('FORBIDDEN', '年度排名靠后的会员名单只有秘书处和分会会长可以查看和记录提醒') });

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.refusal')).toBe('年度排名靠后的会员名单只有秘书处和分会会长可以查看和记录提醒');
    expect(exists(page, '.bottom')).toBe(false);
  });

  it('lets the secretariat switch year and branch', async () => {
    const callFunction = stubApi({
      'reminder.list': ({ branchId }) => ok(bottom({ unitId: branchId ?? null, units: [{ _id: 'dongbao', name: '东宝分会' }, { _id: 'duodao', name: '掇刀分会' }] })),
    });
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.intro__summary')).toContain('2026年全会排名后十分之一');

    await emit(page, '.unit-picker', 'change', { value: 2 });
    await emit(page, '.year-picker', 'change', { value: 1 });

    expect(eventsOf(callFunction).slice(1).map((e) => e.payload)).toEqual([
      { year: '2026', branchId: 'duodao' },
      { year: '2025', branchId: 'duodao' },
    ]);
  });

  it('says on the 常州 template that the year’s warnings come from 考评公示, and ranks by score', async () => {
    stubApi({ 'reminder.list': ok(bottom({ byScore: true, terms: changzhouTerms(), rows: [aBottomRow({ score: 58.5, total: 40, unranked: false })] })) });

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.intro__warning')).toBe('本方案年度的红色预警、黄色预警以考评公示为准；这里记录的谈话提醒和通报与之并存。');
    expect(textsOf(page, '.bottom__measure')).toEqual(['得分 58.5']);
  });
});
