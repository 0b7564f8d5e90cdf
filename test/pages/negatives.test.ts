import type { DataOf, NegativeRow, Reprieve, SchemeTerms } from '../../typings/api';
import { schemeTerms } from '../../domain/glossary';
import { ENTERPRISE_SCHEME } from '../../domain/schemes/enterprise';
import { jingmenTerms, noCapabilities } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { emit, settle, textOf, textsOf } from './support/load';
import { emitFrom, openPageAt, press } from './support/page';
import { answerModal, argsOf, restoreWx, stubWx } from './support/wx';
import { endedMonthsOf } from '../../miniprogram/pages/negatives/negatives-view';

const PAGE = 'pages/negatives/index';
const terms: SchemeTerms = schemeTerms(ENTERPRISE_SCHEME);

const me = (t: SchemeTerms = terms): DataOf<'me.get'> => ({ member: null, roles: [], authority: 0, inboxCount: 0, terms: t, can: noCapabilities() });

function aReprieve(overrides: Partial<Reprieve> = {}): Reprieve {
  return { _id: 'm-zhao:1', memberId: 'm-zhao', name: '赵铁柱', month: '2026-09', total: -3, note: '本人书面申请，保证改正', recordedBy: 'hr', recordedAt: '2026-10-08T02:00:00Z', ...overrides };
}

function aNegative(overrides: Partial<NegativeRow> = {}): NegativeRow {
  return { memberId: 'm-zhao', name: '赵铁柱', branchId: 'd-jj2', branchName: '掘进二队', total: -6, reprieve: null, ...overrides };
}

const listRequests = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'admin.negatives.list').map((e) => e.payload);
const reprieveRequests = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'admin.reprieve.record').map((e) => e.payload);

let modal: jest.Mock;

beforeEach(() => {
  setNow('2026-11-30T04:00:00Z');
  stubWx('stopPullDownRefresh');
  stubWx('showToast');
  modal = answerModal(true);
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('零分负分名单 (seeds/004 六、4: 个人积分为零或负分时…申请自动离职或一次不离职的机会)', () => {
  it('lists last month’s people at zero or below, with their department, total and reprieve, and says what the list means', async () => {
    const rows = [
      aNegative(),
      aNegative({ memberId: 'm-sun', name: '孙二虎', branchId: null, branchName: null, total: 0, reprieve: aReprieve({ memberId: 'm-sun', name: '孙二虎' }) }),
    ];
    const callFunction = stubApi({ 'me.get': ok(me()), 'admin.negatives.list': ({ month }) => ok({ month, atOrBelow: 0, rows }) });
    const page = openPageAt(PAGE);
    await settle();

    expect(listRequests(callFunction)).toEqual([{ month: '2026-10' }]);
    expect(textOf(page, '.picker-value')).toBe('2026年10月月末 ›');
    expect(textOf(page, '.intro')).toBe('2026年10月月末积分为零或负分的 2 人。个人积分为零或负分时，本人应申请自动离职，或申请一次不离职的机会（六、4）；每人只有一次，记录后不能再次申请。');
    expect(textsOf(page, '.person__name')).toEqual(['赵铁柱', '孙二虎']);
    expect(textsOf(page, '.person__unit')).toEqual(['掘进二队', '公司机关']);
    expect(textsOf(page, '.person__total')).toEqual(['-6 分', '0 分']);
    expect(textsOf(page, '.person__reprieve')).toEqual(['已于2026年9月获得不离职的机会（2026年10月8日记录）：本人书面申请，保证改正']);
    // Only the one without a reprieve is offered one.
    expect(page.querySelectorAll('.person__record')).toHaveLength(1);
  });

  it('records the one reprieve with the application’s note after the confirm sheet, and then offers no second', async () => {
    const callFunction = stubApi({
      'me.get': ok(me()),
      'admin.negatives.list': ({ month }) => ok({ month, atOrBelow: 0, rows: [aNegative()] }),
      'admin.reprieve.record': ({ memberId, month, note }) => ok({ reprieve: aReprieve({ memberId, month, note, recordedAt: '2026-11-30T04:00:00Z' }) }),
    });
    const page = openPageAt(PAGE);
    await settle();

    await press(page.querySelector('.person__record'));
    expect(page.instance.data.recording).toEqual({ visible: true, memberId: 'm-zhao', title: '给赵铁柱一次不离职的机会（2026年10月月末 -6 分）' });
    await emitFrom(page.querySelector('.record-dialog'), 'submit', { reason: '11月3日本人书面申请' });
    await settle();

    expect(reprieveRequests(callFunction)).toEqual([{ memberId: 'm-zhao', month: '2026-10', note: '11月3日本人书面申请' }]);
    expect(textsOf(page, '.person__reprieve')).toEqual(['已于2026年10月获得不离职的机会（2026年11月30日记录）：11月3日本人书面申请']);
    expect(page.querySelectorAll('.person__record')).toHaveLength(0);
  });

  it('shows the server’s refusal of a second reprieve and keeps the row as it was', async () => {
    stubApi({
      'me.get': ok(me()),
      'admin.negatives.list': ({ month }) => ok({ month, atOrBelow: 0, rows: [aNegative()] }),
      'admin.reprieve.record': fail('CONFLICT', '赵铁柱已于 2026-09 用过一次不离职的机会（六、4），不能再次申请'),
    });
    const page = openPageAt(PAGE);
    await settle();
    await press(page.querySelector('.person__record'));
    await emitFrom(page.querySelector('.record-dialog'), 'submit', { reason: '再次申请' });
    await settle();

    expect(argsOf<{ content: string }>(modal)[0].content).toBe('赵铁柱已于 2026-09 用过一次不离职的机会（六、4），不能再次申请');
    expect(page.querySelectorAll('.person__record')).toHaveLength(1);
  });

  it('picks an earlier month, and says when nobody was listed', async () => {
    const callFunction = stubApi({ 'me.get': ok(me()), 'admin.negatives.list': ({ month }) => ok({ month, atOrBelow: 0, rows: [] }) });
    const page = openPageAt(PAGE);
    await settle();
    await emit(page, '.month-picker', 'change', { value: 2 });
    await settle();

    expect(listRequests(callFunction)).toEqual([{ month: '2026-10' }, { month: '2026-08' }]);
    expect(textOf(page, '.intro')).toBe('2026年8月月末没有积分为零或负分的员工。个人积分为零或负分时，本人应申请自动离职，或申请一次不离职的机会（六、4）。');
    expect(endedMonthsOf('2027-01-05').map((m) => m.key)).toEqual(['2026-12', '2026-11', '2026-10', '2026-09', '2026-08', '2026-07']);
  });

  it('shows a refusal to load, and says so on a template without the list without asking', async () => {
    stubApi({ 'me.get': ok(me()), 'admin.negatives.list': fail('FORBIDDEN', '只有秘书处可以进行此操作') });
    const refused = openPageAt(PAGE);
    await settle();
    expect(textOf(refused, '.state')).toContain('只有秘书处可以进行此操作');

    const callFunction = stubApi({ 'me.get': ok(me(jingmenTerms())) });
    const none = openPageAt(PAGE);
    await settle();
    expect(textOf(none, '.state')).toContain('本方案没有零分、负分名单');
    expect(listRequests(callFunction)).toEqual([]);
  });
});
