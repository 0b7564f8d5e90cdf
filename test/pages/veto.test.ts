import type { Claim, DataOf } from '../../typings/api';
import { aCatalog, aHome, aLedgerEntry, changzhouTerms } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { exists, settle } from './support/load';
import { emitFrom, inside, openPageAt, press, textIn } from './support/page';
import { argsOf, restoreWx, stubWx } from './support/wx';
import { claimView } from '../../miniprogram/components/claim-card/claim-view';
import { cycleChoicesOf, vetoFormError } from '../../miniprogram/components/veto-sheet/veto-form';
import { quickLinksOf } from '../../miniprogram/pages/mine/home-view';
import { claim as aClaim } from '../domain/builders';

const PAGE = 'pages/member-ledger/index';

/** A party branch whose cycle runs from 七一 to 七一 (seeds/004 第二篇), with seeds/001 篇二十一's conditions. */
const terms = { ...changzhouTerms(), cycle: { startMonth: 7 } };
const VETOES = [
  { id: 'crime', name: '触犯刑律，受到刑事处罚', effect: 'zero' as const },
  { id: 'dues', name: '六个月无正当理由不交纳党费', effect: 'fail' as const },
];

function catalog(canVeto = true): DataOf<'catalog.get'> {
  const base = aCatalog({ terms, vetoes: VETOES });
  return { ...base, viewer: { ...base.viewer, can: { ...base.viewer.can, record: true, sign: true, veto: canVeto } } };
}

const proposals = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'veto.propose');

const sheet = (page: ReturnType<typeof openPageAt>, selector: string) => inside(page, '.veto-sheet', selector);

beforeEach(() => {
  setNow('2026-11-30T04:00:00Z');
  stubWx('setNavigationBarTitle');
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('提出一票否决 from a member’s 明细 (seeds/001 篇二十一)', () => {
  it('proposes a veto with the condition, the cycle and the reason, refusing it first without a condition or a reason', async () => {
    const toast = stubWx('showToast');
    const callFunction = stubApi({
      'ledger.list': ok({ entries: [aLedgerEntry()], cursor: null }),
      'catalog.get': ok(catalog()),
      'veto.propose': () => ok({ claim: { _id: 'c-veto', waitingFor: { memberIds: ['m-c'], label: '机关党委委员' } } as unknown as Claim }),
    });

    const page = openPageAt(PAGE, { memberId: 'm-liu', name: '刘党员', veto: '1' });
    await settle();
    expect(eventsOf(callFunction).map((e) => e.action)).toEqual(['ledger.list']);

    await press(page.querySelector('.veto-open'));
    await settle();
    expect(textIn(sheet(page, '.veto__title'))).toBe('对刘党员提出一票否决');
    expect(textIn(sheet(page, '.cycle-picker'))).toContain('2026年度（2026年7月至2027年6月）');

    await press(sheet(page, '.veto__submit'));
    expect(textIn(sheet(page, '.veto__error'))).toBe('请选择否决情形');

    await emitFrom(sheet(page, '.condition-picker'), 'change', { value: 0 });
    expect(textIn(sheet(page, '.veto__effect'))).toBe('通过后，该年度得分记为 0 分');
    await emitFrom(sheet(page, '.reason'), 'change', { value: '   ' });
    await press(sheet(page, '.veto__submit'));
    expect(textIn(sheet(page, '.veto__error'))).toBe('请写明否决的事实和理由');
    expect(proposals(callFunction)).toEqual([]);

    await emitFrom(sheet(page, '.cycle-picker'), 'change', { value: 1 });
    await emitFrom(sheet(page, '.reason'), 'change', { value: ' 2026年3月因醉驾被判处拘役两个月 ' });
    await press(sheet(page, '.veto__submit'));
    await settle();

    const [proposal] = proposals(callFunction);
    expect(proposal.payload).toEqual({ memberId: 'm-liu', key: '2025', condition: 'crime', reason: '2026年3月因醉驾被判处拘役两个月' });
    expect(proposal.requestId).toEqual(expect.any(String));
    expect(exists(page, '.veto__sheet')).toBe(false);
    expect(argsOf(toast).at(-1)).toEqual({ title: '已提交，由机关党委委员审批', icon: 'none' });
  });

  it('keeps the sheet open with the server’s words when the proposal is refused, and files a retry once', async () => {
    let refusals = 1;
    const callFunction = stubApi({
      'ledger.list': ok({ entries: [], cursor: null }),
      'catalog.get': ok(catalog()),
      'veto.propose': () => (refusals-- > 0 ? fail('CONFLICT', '刘党员2026年度已有一票否决在审批中') : ok({ claim: { _id: 'c1', waitingFor: null } as unknown as Claim })),
    });
    stubWx('showToast');
    const page = openPageAt(PAGE, { memberId: 'm-liu', name: '刘党员', veto: '1' });
    await settle();
    await press(page.querySelector('.veto-open'));
    await emitFrom(sheet(page, '.condition-picker'), 'change', { value: 1 });
    await emitFrom(sheet(page, '.reason'), 'change', { value: '自2026年4月起未交纳党费' });
    await press(sheet(page, '.veto__submit'));
    await settle();

    expect(textIn(sheet(page, '.veto__error'))).toBe('刘党员2026年度已有一票否决在审批中');
    await press(sheet(page, '.veto__submit'));
    await settle();
    const [first, second] = proposals(callFunction);
    expect(second.requestId).toBe(first.requestId);
  });

  it('offers no veto without the flag from the roster, and tells a caller the server does not allow', async () => {
    stubApi({ 'ledger.list': ok({ entries: [], cursor: null }), 'catalog.get': ok(catalog(false)) });
    const plain = openPageAt(PAGE, { memberId: 'm-liu', name: '刘党员' });
    await settle();
    expect(exists(plain, '.veto-open')).toBe(false);

    const flagged = openPageAt(PAGE, { memberId: 'm-liu', name: '刘党员', veto: '1' });
    await settle();
    await press(flagged.querySelector('.veto-open'));
    await settle();
    expect(textIn(inside(flagged, '.veto-sheet', '.veto__state'))).toContain('只有本支部的书记或记分员可以提出一票否决');
  });

  it('is offered from 我的 through the roster to those me.get allows', () => {
    const can = { review: true, award: false, record: true, sign: true, read: true, veto: true };
    const roster = quickLinksOf(aHome({ terms, can })).find((link) => link.page === 'roster');
    expect(roster?.query).toEqual({ veto: 1 });
    expect(quickLinksOf(aHome({ terms, can: { ...can, veto: false } })).find((link) => link.page === 'roster')?.query).toBeUndefined();
  });
});

describe('the veto form', () => {
  it('offers this cycle and the one before, by the month the cycle starts', () => {
    expect(cycleChoicesOf('2026-05-10', 7).map((c) => c.key)).toEqual(['2025', '2024']);
    expect(cycleChoicesOf('2026-11-30', 1)).toEqual([
      { key: '2026', label: '2026年度' },
      { key: '2025', label: '2025年度' },
    ]);
  });

  it('names the part missing', () => {
    expect(vetoFormError({ condition: 'crime', key: '2026', reason: '' })).toBe('请写明否决的事实和理由');
    expect(vetoFormError({ condition: 'crime', key: '2026', reason: '判处拘役' })).toBe('');
  });
});

describe('a proposed veto in the deciders’ 审批', () => {
  it('shows the condition, the year, the reason and what approving does, and no points', () => {
    const claim = aClaim({
      kind: 'veto',
      note: '2026年3月因醉驾被判处拘役两个月',
      // As veto.propose files it: no lines, the member named on the veto.
      lines: [],
      veto: { condition: 'crime', conditionName: '触犯刑律，受到刑事处罚', effect: 'zero', key: '2025', memberId: 'm-liu', memberName: '刘党员' },
    });
    const view = claimView(claim);
    expect(view.kindLabel).toBe('一票否决');
    expect(view.recipientsLabel).toBe('否决对象');
    expect(view.recipients).toBe('刘党员');
    expect(view.veto).toEqual({ condition: '触犯刑律，受到刑事处罚', cycle: '2025年度', reason: '2026年3月因醉驾被判处拘役两个月', effect: '通过后，该年度得分记为 0 分' });
  });
});
