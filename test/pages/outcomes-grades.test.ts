import type { DataOf, OutcomeView, Veto } from '../../typings/api';
import { aMember, changzhouTerms, noCapabilities } from './support/builders';
import { eventsOf, ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { anOutcome } from './support/records';
import { exists, settle, tap, textOf, textsOf } from './support/load';
import { openPageAt } from './support/page';
import { restoreWx, stubWx } from './support/wx';
import { quotaText, starsOf } from '../../miniprogram/pages/outcomes/grade-view';

const PAGE = 'pages/outcomes/index';
type Listing = DataOf<'outcome.list'>;

const terms = changzhouTerms();
const ME = aMember({ _id: 'm-chen', name: '陈党员', branchId: 'u1', branchName: '第一党支部', category: 'full' });
const me = (overrides: Partial<DataOf<'me.get'>> = {}): DataOf<'me.get'> => ({ member: ME, roles: [], authority: 0, inboxCount: 0, terms, can: noCapabilities(), ...overrides });

/** 21 党员 × 15% = 3 places of 优秀, at least 1 (seeds/001 篇一 三、4). */
const QUOTA = { grade: 'excellent', name: '优秀', places: 3, members: 21, share: 0.15, minimum: 1 };

let sequence = 0;
function graded(name: string, score: number, rank: number, grade: [string, string], overrides: Partial<OutcomeView> = {}): OutcomeView {
  sequence += 1;
  return anOutcome({ outcomeId: `o${sequence}`, memberId: `m${sequence}`, name, score, total: score, grade: grade[0], gradeName: grade[1], rank, ...overrides });
}

const EXCELLENT: [string, string] = ['excellent', '优秀'];
const PASS: [string, string] = ['pass', '合格'];
const FAIL: [string, string] = ['fail', '不合格'];

function listing(rows: OutcomeView[], overrides: Partial<Listing> = {}): Listing {
  return { state: 'public', publicUntil: '2026-12-09T15:59:59.999Z', rows, cursor: null, unitId: 'u1', signs: false, quota: QUOTA, ...overrides };
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

/** What the list shows, row by row and line by line, in its order on the page, without spaces. */
function linesOf(page: ReturnType<typeof openPageAt>): string[] {
  const list = page.querySelector('.rows')?.dom;
  return Array.from(list?.children ?? []).map((node) => (node.textContent ?? '').replace(/\s+/g, ''));
}

describe('考评公示 of a graded cycle (seeds/001 篇一, 篇十五, 篇二十一)', () => {
  it('draws the quota line after the last 优秀, above two members tied at the line who took no place', async () => {
    const tie = '与王党员同分，名额线上并列，提请支部大会认定';
    const rows = [
      graded('李党员', 97, 1, EXCELLENT, { stars: 5 }),
      graded('赵党员', 93.5, 2, EXCELLENT, { stars: 5 }),
      graded('周党员', 91, 3, PASS, { stars: 5, flags: [tie] }),
      graded('王党员', 91, 3, PASS, { stars: 5, flags: ['与周党员同分，名额线上并列，提请支部大会认定'] }),
      graded('陈党员', 84, 5, PASS, { stars: 4 }),
    ];
    stubApi({ 'me.get': ok(me()), 'outcome.list': ok(listing(rows)) });

    const page = openPageAt(PAGE, { period: 'cycle', key: '2025' });
    await settle();

    expect(linesOf(page)).toEqual([
      expect.stringMatching(/^第1名李党员/),
      expect.stringMatching(/^第2名赵党员/),
      '优秀名额3名（本支部21名党员×15%，至少1名）',
      expect.stringMatching(/^第3名周党员/),
      expect.stringMatching(/^第3名王党员/),
      expect.stringMatching(/^第5名陈党员/),
    ]);
    expect(textsOf(page, '.row__grade')).toEqual(['优秀', '优秀', '合格', '合格', '合格']);
    expect(textsOf(page, '.row__flags')[0]).toBe(tie);
    expect(textsOf(page, '.row__stars')).toEqual(['★★★★★ 五星', '★★★★★ 五星', '★★★★★ 五星', '★★★★★ 五星', '★★★★☆ 四星']);
  });

  it('puts the quota line first when nobody holds the limited grade', async () => {
    stubApi({ 'me.get': ok(me()), 'outcome.list': ok(listing([graded('陈党员', 84, 1, PASS)], { quota: { ...QUOTA, places: 1, members: 5 } })) });

    const page = openPageAt(PAGE, { period: 'cycle', key: '2025' });
    await settle();

    expect(textsOf(page, '.quota-line')).toEqual(['优秀名额 1 名（本支部 5 名党员 × 15%，至少 1 名）']);
    expect(linesOf(page)[0]).toBe('优秀名额1名（本支部5名党员×15%，至少1名）');
  });

  it('shows a vetoed member at 0 with the condition and the reason, graded 不合格', async () => {
    const vetoed = graded('刘党员', 0, 6, FAIL, {
      total: 88,
      stars: 1,
      vetoed: true,
      veto: { condition: 'crime', conditionName: '触犯刑律', reason: '因醉驾被判处拘役', effect: 'zero' },
    });
    stubApi({ 'me.get': ok(me()), 'outcome.list': ok(listing([graded('陈党员', 84, 1, PASS), vetoed])) });

    const page = openPageAt(PAGE, { period: 'cycle', key: '2025' });
    await settle();

    expect(textsOf(page, '.row__score')).toEqual(['84 分', '0 分']);
    expect(textsOf(page, '.row__grade')).toEqual(['合格', '不合格']);
    expect(textsOf(page, '.row__veto')).toEqual(['一票否决']);
    expect(textsOf(page, '.row__veto-text')).toEqual(['触犯刑律：因醉驾被判处拘役']);
    expect(linesOf(page).at(-1)).toMatch(/^第6名刘党员.*0分一票否决不合格★☆☆☆☆一星触犯刑律：因醉驾被判处拘役$/);
  });

  it('shows a list without grades as before: no place, no grade, no stars, no quota line', async () => {
    const plain: OutcomeView = { ...graded('陈党员', 18.5, 1, PASS), grade: null, gradeName: null, rank: undefined };
    stubApi({ 'me.get': ok(me()), 'outcome.list': ok(listing([plain], { quota: undefined })) });

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.row__name')).toBe('陈党员');
    expect(page.querySelector('.row__rank')).toBeUndefined();
    expect(page.querySelector('.row__grade')).toBeUndefined();
    expect(page.querySelector('.row__stars')).toBeUndefined();
    expect(page.querySelector('.quota-line')).toBeUndefined();
  });
});

describe('the 一票否决 in force on 考评公示 (veto.list)', () => {
  const veto: Veto = {
    _id: 'v1',
    memberId: 'm-liu',
    memberName: '刘党员',
    branchId: 'u1',
    key: '2025',
    condition: 'crime',
    conditionName: '触犯刑律',
    effect: 'zero',
    reason: '因醉驾被判处拘役',
    claimId: 'c9',
    proposedBy: { id: 'm-zhou', name: '周书记' },
    decidedBy: { id: 'm-shen', name: '沈委员' },
    decidedAt: '2026-03-05T02:00:00.000Z',
  };
  const withVetoes = { ...terms, vetoes: true as const };

  it('lists them for the 支部书记 when opened, asking only then', async () => {
    const callFunction = stubApi({
      'me.get': ok(me({ terms: withVetoes, can: { ...noCapabilities(), sign: true, read: true } })),
      'outcome.list': ok(listing([graded('陈党员', 84, 1, PASS)])),
      'veto.list': ok({ vetoes: [veto] }),
    });
    const actions = () => eventsOf(callFunction);

    const page = openPageAt(PAGE, { period: 'cycle', key: '2025' });
    await settle();
    expect(actions().map((e) => e.action)).toEqual(['me.get', 'outcome.list']);

    await tap(page, '.vetoes__toggle');
    await settle();
    expect(actions().at(-1)).toEqual({ action: 'veto.list', payload: { key: '2025', branchId: 'u1' } });
    expect(textsOf(page, '.veto-line__who')).toEqual(['刘党员']);
    expect(textsOf(page, '.veto-line__what')).toEqual(['触犯刑律：因醉驾被判处拘役']);
    expect(textsOf(page, '.veto-line__by')).toEqual(['周书记提出，沈委员认定（2026年3月5日）']);
  });

  it('offers them to nobody who neither signs nor reads, nor on a template without vetoes', async () => {
    stubApi({ 'me.get': ok(me({ terms: withVetoes })), 'outcome.list': ok(listing([graded('陈党员', 84, 1, PASS)])) });
    const member = openPageAt(PAGE, { period: 'cycle', key: '2025' });
    await settle();
    expect(exists(member, '.vetoes__toggle')).toBe(false);

    stubApi({ 'me.get': ok(me({ can: { ...noCapabilities(), sign: true } })), 'outcome.list': ok(listing([graded('陈党员', 84, 1, PASS)])) });
    const changzhou = openPageAt(PAGE, { period: 'cycle', key: '2025' });
    await settle();
    expect(exists(changzhou, '.vetoes__toggle')).toBe(false);
  });
});

describe('grade view', () => {
  it('draws stars out of five, with their words', () => {
    expect(starsOf(3)).toEqual({ text: '★★★☆☆', label: '三星' });
    expect(starsOf(1)).toEqual({ text: '★☆☆☆☆', label: '一星' });
  });

  it('says how the places were counted, in the template’s words, and leaves the rule out where the list does not give it', () => {
    expect(quotaText(QUOTA, terms)).toBe('优秀名额 3 名（本支部 21 名党员 × 15%，至少 1 名）');
    expect(quotaText({ grade: 'excellent', name: '优秀', places: 2, members: 14 }, terms)).toBe('优秀名额 2 名（本支部 14 名党员）');
  });
});
