import type { ApiEvent, Claim, DataOf } from '../../typings/api';
import { aMember, changzhouTerms, jingmenTerms, noCapabilities } from './support/builders';
import { ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { anOutcome } from './support/records';
import { emit, settle, tap, textOf, textsOf } from './support/load';
import { emitFrom, inside, openPageAt, textIn } from './support/page';
import { answerModal, restoreWx, stubWx } from './support/wx';
import { nextStepOf, rowViewOf, stateText } from '../../miniprogram/pages/outcomes/outcome-view';
import { endedKeys } from '../../miniprogram/format/periods';

const PAGE = 'pages/outcomes/index';
type Listing = DataOf<'outcome.list'>;

const terms = changzhouTerms();
const ME = aMember({ _id: 'm-chen', name: '陈党员', branchId: 'u1', branchName: '第一党支部', category: 'full' });

function me(overrides: Partial<DataOf<'me.get'>> = {}): DataOf<'me.get'> {
  return { member: ME, roles: [], authority: 0, inboxCount: 0, terms, can: noCapabilities(), ...overrides };
}

function listing(overrides: Partial<Listing> = {}): Listing {
  return { state: null, rows: [], cursor: null, unitId: 'u1', signs: false, ...overrides };
}

/** Published on Wednesday 25 November: five working days, not counting that day, end on 2 December. */
const PUBLIC_UNTIL = '2026-12-02T15:59:59.999Z';

function requests<A extends 'outcome.list' | 'admin.period.close' | 'objection.submit'>(callFunction: jest.Mock, action: A): ApiEvent<A>['payload'][] {
  return callFunction.mock.calls
    .map((call) => (call[0] as { data: ApiEvent }).data)
    .filter((event) => event.action === action)
    .map((event) => event.payload as ApiEvent<A>['payload']);
}

beforeEach(() => {
  setNow('2026-11-30T04:00:00Z');
  stubWx('showToast');
  stubWx('stopPullDownRefresh');
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('考评公示 page (seeds/002 六): a 支部’s quarters and years', () => {
  it('shows the last ended quarter in 公示, each person’s score, and lets a member object to their own row', async () => {
    const rows = [
      anOutcome(),
      anOutcome({ outcomeId: 'o-liu', memberId: 'm-liu', name: '刘党员', score: 9, flags: ['预备党员季度积分偏低'] }),
    ];
    let objected = false;
    const callFunction = stubApi({
      'me.get': ok(me()),
      'outcome.list': () => ok(listing({ state: 'public', publicUntil: PUBLIC_UNTIL, signedBy: { id: 'm-zhou', name: '周书记' }, rows: objected ? [anOutcome({ objection: { claimId: 'c1', state: 'pending' } }), rows[1]] : rows })),
      'objection.submit': () => {
        objected = true;
        return ok({ claim: { _id: 'c1', waitingFor: { label: '第一党支部支委会' } } as unknown as Claim });
      },
    });

    const page = openPageAt(PAGE);
    await settle();

    expect(page.instance.data.tabs.map((t: { label: string }) => t.label)).toEqual(['季度考评', '年度考评']);
    expect(requests(callFunction, 'outcome.list')).toEqual([{ period: 'quarter', key: '2026-Q3' }]);
    expect(textOf(page, '.picker-value')).toBe('2026年第3季度 ›');
    expect(textOf(page, '.head__state')).toBe('公示中，至 2026年12月2日结束（周书记签发）');
    expect(textsOf(page, '.row__name')).toEqual(['陈党员', '刘党员']);
    expect(textsOf(page, '.row__flags')).toEqual(['预备党员季度积分偏低']);
    expect(textsOf(page, '.row__object')).toEqual(['对本人结果提出异议 ›']);
    expect(page.querySelector('.step')).toBeUndefined();

    await tap(page, '.row__object');
    await emitFrom(inside(page, '.object-dialog', '.dialog'), 'confirm');
    expect(textIn(inside(page, '.object-dialog', '.reason-dialog__error'))).toBe('请写明理由');
    expect(requests(callFunction, 'objection.submit')).toEqual([]);

    await emitFrom(inside(page, '.object-dialog', '.reason'), 'change', { value: ' 10月支部主题党日我参加了，未记分 ' });
    await emitFrom(inside(page, '.object-dialog', '.dialog'), 'confirm');
    await settle();

    expect(requests(callFunction, 'objection.submit')).toEqual([{ outcomeId: 'o-chen', reason: '10月支部主题党日我参加了，未记分' }]);
    expect(textsOf(page, '.row__objection')).toEqual(['异议处理中']);
    expect(textsOf(page, '.row__object')).toEqual([]);
  });

  it('lets the 支部书记 generate the results in batches, then sign them into 公示 after confirming', async () => {
    let state: Listing['state'] = null;
    let closes = 0;
    const callFunction = stubApi({
      'me.get': ok(me({ can: { ...noCapabilities(), sign: true } })),
      'outcome.list': () => ok(listing({ state, signs: true, rows: state === null ? [] : [anOutcome()] })),
      'admin.period.close': () => {
        closes += 1;
        if (closes === 2) state = 'draft';
        return ok({ publication: {} as never, done: closes === 2 });
      },
      'admin.period.publish': () => {
        state = 'public';
        return ok({ publication: {} as never });
      },
    });
    const modal = answerModal(true);

    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, '.head__state')).toBe('尚未考评');
    expect(textOf(page, '.step')).toBe('生成考评结果');

    await tap(page, '.step');
    await settle();
    expect(requests(callFunction, 'admin.period.close')).toEqual([
      { period: 'quarter', key: '2026-Q3', unitId: 'u1' },
      { period: 'quarter', key: '2026-Q3', unitId: 'u1' },
    ]);
    expect(textOf(page, '.head__state')).toBe('考评结果待支部书记签发，签发后公示 5 个工作日');
    expect(textOf(page, '.step')).toBe('签发公示');

    await tap(page, '.step');
    await settle();
    expect(modal).toHaveBeenCalledTimes(1);
    expect(callFunction.mock.calls.some((call) => (call[0] as { data: ApiEvent }).data.action === 'admin.period.publish')).toBe(true);
  });

  it('stops after fifty batches of a very large close and says to tap again to go on', async () => {
    const callFunction = stubApi({
      'me.get': ok(me()),
      'outcome.list': ok(listing({ state: 'closing', signs: true })),
      'admin.period.close': ok({ publication: {} as never, done: false }),
    });
    const toast = stubWx('showToast');

    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, '.head__state')).toBe('考评结果生成中');
    await tap(page, '.step');
    await settle();

    expect(requests(callFunction, 'admin.period.close')).toHaveLength(50);
    expect(toast).toHaveBeenLastCalledWith({ title: '人数较多，已生成一部分，请再点一次继续', icon: 'none' });
  });

  it('does nothing when the 支部书记 cancels the signature', async () => {
    const callFunction = stubApi({ 'me.get': ok(me()), 'outcome.list': ok(listing({ state: 'draft', signs: true, rows: [anOutcome()] })) });
    answerModal(false);

    const page = openPageAt(PAGE);
    await settle();
    await tap(page, '.step');
    await settle();

    expect(callFunction.mock.calls.some((call) => (call[0] as { data: ApiEvent }).data.action === 'admin.period.publish')).toBe(false);
  });

  it('lets readers of every 支部 switch between them, and shows the year with its parts and warnings', async () => {
    const units = [
      { _id: 'u1', name: '第一党支部' },
      { _id: 'u2', name: '第二党支部' },
    ];
    const year = anOutcome({
      score: 58.5,
      parts: [
        { id: 'basic', name: '基础分', points: 42, max: 70 },
        { id: 'special', name: '特色分', points: 10.5, max: 20 },
        { id: 'review', name: '评议分', points: 6, max: 10 },
      ],
      warning: 'red',
      flags: ['连续两年低于60分'],
    });
    const callFunction = stubApi({ 'me.get': ok(me({ member: null })), 'outcome.list': ok(listing({ state: 'final', rows: [year], units, unitId: null })) });

    const page = openPageAt(PAGE, { period: 'cycle', key: '2025' });
    await settle();
    expect(requests(callFunction, 'outcome.list')).toEqual([{ period: 'cycle', key: '2025' }]);
    expect(textOf(page, '.row__parts')).toBe('基础分 42 · 特色分 10.5 · 评议分 6');
    expect(textOf(page, '.row__warning')).toBe('红色预警');
    expect(textOf(page, '.unit-picker .picker-value')).toBe('选择支部 ›');

    await emit(page, '.unit-picker', 'change', { value: 1 });
    await settle();
    expect(requests(callFunction, 'outcome.list').at(-1)).toEqual({ period: 'cycle', key: '2025', scope: { branchId: 'u2' } });
    expect(textOf(page, '.unit-picker .picker-value')).toBe('第二党支部 ›');
  });

  it('says so on a template without 公示', async () => {
    const callFunction = stubApi({ 'me.get': ok(me({ terms: jingmenTerms() })) });

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.state')).toContain('本方案没有考评公示');
    expect(requests(callFunction, 'outcome.list')).toEqual([]);
  });
});

describe('outcome view', () => {
  const now = new Date('2026-11-30T04:00:00Z');

  it('offers the quarters that have ended, newest first, and the last four years', () => {
    expect(endedKeys('quarter', '2026-11-30').slice(0, 3).map((k) => k.key)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
    expect(endedKeys('cycle', '2026-11-30').map((k) => k.key)).toEqual(['2025', '2024', '2023', '2022']);
    // A 七一 cycle keyed by the year it starts: in May 2026 the cycle of 2025 is still running.
    expect(endedKeys('cycle', '2026-05-10', 7).map((k) => k.key)).toEqual(['2024', '2023', '2022', '2021']);
    expect(endedKeys('cycle', '2026-07-01', 7)[0].key).toBe('2025');
  });

  it('lets the signer finalize only once the window has passed', () => {
    const open = nextStepOf({ state: 'public', publicUntil: PUBLIC_UNTIL, signs: true }, now);
    expect(open).toEqual({ step: 'finalize', label: '确定考评结果', ready: false, hint: '公示期满、异议处理完毕后可确定' });
    expect(nextStepOf({ state: 'public', publicUntil: PUBLIC_UNTIL, signs: true }, new Date('2026-12-02T16:00:00Z'))?.ready).toBe(true);
    expect(nextStepOf({ state: 'final', signs: true }, now)).toBeNull();
    expect(nextStepOf({ state: 'draft', signs: false }, now)).toBeNull();
  });

  it('lets a member object to their own row only while the window is open and nothing is pending', () => {
    const publicListing = { state: 'public' as const, publicUntil: PUBLIC_UNTIL };
    expect(rowViewOf(anOutcome(), publicListing, terms, 'm-chen', now).canObject).toBe(true);
    expect(rowViewOf(anOutcome(), publicListing, terms, 'm-liu', now).canObject).toBe(false);
    expect(rowViewOf(anOutcome(), publicListing, terms, 'm-chen', new Date('2026-12-02T16:00:00Z')).canObject).toBe(false);
    expect(rowViewOf(anOutcome({ objection: { claimId: 'c', state: 'rejected' } }), publicListing, terms, 'm-chen', now)).toMatchObject({ canObject: false, objectionText: '异议未成立' });
    expect(rowViewOf(anOutcome({ branchName: null }), publicListing, terms, null, now).branchName).toBe(terms.words.direct);
  });

  it('says where a period stands', () => {
    expect(stateText({ state: 'closing' }, terms)).toBe('考评结果生成中');
    expect(stateText({ state: 'final', signedBy: { id: 'z', name: '周书记' } }, terms)).toBe('考评结果已确定（周书记签发）');
  });
});
