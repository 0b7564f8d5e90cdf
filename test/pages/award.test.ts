import type { ApiEvent, CatalogItem, DataOf, Role } from '../../typings/api';
import { schemeTerms } from '../../domain/glossary';
import { shownItem } from '../../domain/points';
import { ENTERPRISE_SCHEME } from '../../domain/schemes/enterprise';
import { chinaDay } from '../../miniprogram/format/dates';
import { aCatalog, aMember, changzhouTerms, jingmenTerms } from './support/builders';
import { fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { emit, settle, tap, textOf } from './support/load';
import { emitFrom, inside, openPageAt, tapNode, textIn } from './support/page';
import { aClaim, aDirectoryMember, aLine, anItem } from './support/records';
import { answerModal, argsOf, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/award/index';

const CATALOG: CatalogItem[] = [
  anItem({ id: 'meeting.attend.branch', name: '参加分会会议', category: '会议', kind: 'fixed', points: 10, range: undefined, extras: { spoke: 'meeting.speak.branch', hosted: 'meeting.host.branch' } }),
  anItem({ id: 'meeting.speak.branch', name: '在分会会议上发言（额外）', category: '会议', kind: 'fixed', points: 5, range: undefined }),
  anItem({ id: 'meeting.host.branch', name: '承办分会会议', category: '会议', kind: 'fixed', points: 50, range: undefined }),
  anItem({ id: 'activity.attend.branch', name: '参加分会活动', category: '活动', kind: 'fixed', points: 10, range: undefined, extras: { hosted: 'activity.host.branch' } }),
  anItem({ id: 'activity.host.branch', name: '承办分会活动', category: '活动', kind: 'fixed', points: 50, range: undefined }),
  anItem({ id: 'deed.unquantified', name: '办实事（价值无法量化）', category: '办实事', kind: 'range', range: [1, 20] }),
  anItem({ id: 'deed.major', name: '重大贡献和重大影响（会长会研究加分）', category: '办实事', kind: 'committee', range: undefined, claimable: false }),
  anItem({ id: 'honor.city', name: '获得市厅级表彰、荣誉', category: '荣誉', kind: 'fixed', points: 20, range: undefined }),
  anItem({ id: 'other', name: '其他正面影响事件', category: '其他', kind: 'discretionary', range: undefined }),
];

const ZHANG = aDirectoryMember({ _id: 'm-zhang', name: '张三' });
const LI = aDirectoryMember({ _id: 'm-li', name: '李四' });

function catalogFor(authority: number, roles: Role[] = ['branch_president']): DataOf<'catalog.get'> {
  const viewer = { memberId: aMember({ _id: 'm-leader', name: '王会长' })._id, authority, roles, can: { review: authority > 0, award: authority > 0, record: false, sign: false }, selfReportRefusal: null };
  return { ...aCatalog(), version: 1, effectiveFrom: '2026-01-01', items: CATALOG, claimsWindowDays: 90, selfReportMax: 10, viewer };
}

const PROPOSED = aClaim({ kind: 'award', step: 'final', waitingFor: { memberIds: ['x'], label: '会长' } });

function stubs(authority: number, roles?: Role[]) {
  return {
    'catalog.get': ok(catalogFor(authority, roles)),
    'members.list': ok({ members: [ZHANG, LI], branches: [{ _id: 'branch-dongbao', name: '东宝分会' }], cursor: null, terms: jingmenTerms() }),
    'award.propose': ok({ claim: PROPOSED, claims: [PROPOSED] }),
  };
}

function events(callFunction: jest.Mock): ApiEvent[] {
  return callFunction.mock.calls.map((call) => (call[0] as { data: ApiEvent }).data);
}

function proposals(callFunction: jest.Mock): ApiEvent<'award.propose'>[] {
  return events(callFunction).filter((e): e is ApiEvent<'award.propose'> => e.action === 'award.propose');
}

type Page = ReturnType<typeof openPageAt>;

/** Finds members by name in the picker and adds each one. */
async function add(page: Page, ...names: string[]) {
  await emit(page, ['.picker', '.member-picker__search'], 'submit', { value: '' });
  await settle();
  const found = page.querySelector('.picker')!.querySelectorAll('.member-picker__member');
  for (const name of names) {
    const node = found.find((n) => textIn(n)?.startsWith(name));
    await tapNode(node);
  }
}

async function chooseMode(page: Page, mode: 'event' | 'discretionary') {
  await emit(page, '.modes', 'change', { value: mode });
}

async function chooseItem(page: Page, index: number) {
  await emit(page, '.item-picker', 'change', { value: index });
}

let modal: jest.Mock;

beforeEach(() => {
  modal = answerModal(true);
  stubWx('showToast');
  stubWx('stopPullDownRefresh');
});

afterEach(() => restoreWx());

describe('奖分 page: opening', () => {
  it('loads the catalog with the caller authority in one call, showing a loading state meanwhile', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPageAt(PAGE);

    expect(textOf(page, '.state')).toBe('加载中…');
    expect(events(callFunction).map((e) => e.action)).toEqual(['catalog.get']);
  });

  it("shows the caller's authority limit", async () => {
    stubApi(stubs(5));

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.authority-limit')).toBe('每人每次最多 5 分');
  });

  it('tells a member without authority or a recorder’s role that they may not award or record', async () => {
    stubApi(stubs(0, []));

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.state')).toBe('您没有奖分或记分的权限');
    expect(page.querySelector('.submit')).toBeUndefined();
  });

  it("shows the server's message and retries", async () => {
    const callFunction = stubApi({ ...stubs(5), 'catalog.get': fail('INTERNAL', '服务暂时不可用') });
    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, '.state')).toBe('服务暂时不可用重试');

    await tap(page, ['.state', '.state-view__button']);

    expect(events(callFunction).filter((e) => e.action === 'catalog.get')).toHaveLength(2);
  });

  it('offers meetings and activities for collective events, leaving out the speak and host marks', async () => {
    stubApi(stubs(5));
    const page = openPageAt(PAGE);
    await settle();

    expect(page.instance.data.eventItems.map((i: CatalogItem) => i.id)).toEqual(['meeting.attend.branch', 'activity.attend.branch']);
    expect(page.instance.data.discretionaryItems.map((i: CatalogItem) => i.id)).toEqual(['deed.unquantified', 'other']);
  });
});

describe('奖分 page: a collective event', () => {
  it('sends the attendance list with speaker and host marks, after showing the total', async () => {
    const callFunction = stubApi(stubs(5));
    const page = openPageAt(PAGE);
    await settle();

    await chooseItem(page, 0);
    await add(page, '张三', '李四');
    await emitFrom(page.querySelectorAll('.mark-spoke')[0], 'change', { checked: true });
    await emitFrom(page.querySelectorAll('.mark-hosted')[1], 'change', { checked: true });
    await emit(page, '.note', 'change', { value: '东宝分会第三季度理事会' });

    expect(textOf(page, '.preview')).toBe('2 人 · 4 条 · 合计 75 分');
    await tap(page, '.submit');
    await settle();

    expect(argsOf<{ content: string }>(modal)[0].content).toBe('参加分会会议：共 4 条、合计 75 分，提交后由终审人审批。');
    const [proposal] = proposals(callFunction);
    expect(proposal.payload).toEqual({
      itemId: 'meeting.attend.branch',
      occurredOn: chinaDay(),
      recipients: [{ memberId: 'm-zhang', spoke: true }, { memberId: 'm-li', hosted: true }],
      note: '东宝分会第三季度理事会',
    });
    expect(proposal.requestId).toEqual(expect.any(String));
    expect(textOf(page, '.submitted')).toBe('已提交，等待会长审批');
    expect(page.instance.data.attendees).toEqual([]);
  });

  it('searches the directory by the name typed', async () => {
    const callFunction = stubApi(stubs(5));
    const page = openPageAt(PAGE);
    await settle();

    await emit(page, ['.picker', '.member-picker__search'], 'change', { value: '张' });
    await emit(page, ['.picker', '.member-picker__search'], 'submit', { value: '张' });
    await settle();

    expect(events(callFunction).filter((e) => e.action === 'members.list').map((e) => e.payload)).toEqual([{ search: '张' }]);
  });

  it('does not send an event without attendees or a name', async () => {
    const callFunction = stubApi(stubs(5));
    const page = openPageAt(PAGE);
    await settle();

    await chooseItem(page, 0);
    await tap(page, '.submit');

    expect(page.querySelectorAll('.problem').map((n) => textIn(n))).toEqual(['请添加参加人员', '请填写会议或活动名称']);
    expect(proposals(callFunction)).toHaveLength(0);
    expect(modal).not.toHaveBeenCalled();
  });
});

describe('奖分 page: an event whose final reviewer attended', () => {
  it('shows how the server split it, one claim per final reviewer with its recipients and total', async () => {
    const usual = aClaim({
      _id: 'c-usual',
      kind: 'award',
      step: 'final',
      waitingFor: { memberIds: ['president'], label: '会长' },
      lines: [aLine({ memberName: '张三', points: 20 }), aLine({ memberName: '李四', points: 20 }), aLine({ memberName: '王五', points: 20 }), aLine({ memberName: '赵六', points: 20 })],
    });
    const upward = aClaim({
      _id: 'c-up',
      kind: 'award',
      step: 'final',
      waitingFor: { memberIds: ['instructor'], label: '政治指导员（会长回避，逐级上报）' },
      lines: [aLine({ memberName: '王会长', points: 20 }), aLine({ memberName: '王会长', points: 10 })],
    });
    stubApi({ ...stubs(5), 'award.propose': ok({ claim: usual, claims: [usual, upward] }) });
    const page = openPageAt(PAGE);
    await settle();

    await chooseItem(page, 0);
    await add(page, '张三', '李四');
    await emit(page, '.note', 'change', { value: '2026 年全体会员大会' });
    await tap(page, '.submit');
    await settle();

    expect(textOf(page, '.submitted-title')).toBe('已按终审人分为 2 份提交（终审人不审批自己的积分）：');
    expect(page.querySelectorAll('.submitted-part').map((n) => textIn(n))).toEqual([
      '会长审批：张三、李四、王五 等 4 人，4 条，合计 80 分',
      '政治指导员（会长回避，逐级上报）审批：王会长，2 条，合计 30 分',
    ]);
  });
});

describe('奖分 page: a discretionary award', () => {
  async function discretionary(page: Page, itemIndex: number, points: string[]) {
    await chooseMode(page, 'discretionary');
    await chooseItem(page, itemIndex);
    await add(page, ...['张三', '李四'].slice(0, points.length));
    for (const [i, value] of points.entries()) await emitFrom(page.querySelectorAll('.recipient-points')[i], 'change', { value });
    await emit(page, '.note', 'change', { value: '协助组织助学活动' });
  }

  it('refuses points over the authority before calling the server', async () => {
    const callFunction = stubApi(stubs(5));
    const page = openPageAt(PAGE);
    await settle();

    await discretionary(page, 1, ['8']);
    await tap(page, '.submit');

    expect(textOf(page, '.problem')).toBe('张三：超出奖分权限：本次需要8分权限，您的权限为5分');
    expect(proposals(callFunction)).toHaveLength(0);
  });

  it('sends points beyond the proposer’s limit up the levels where the template says so (seeds/004 三、2 分层分级授权)', async () => {
    const upward = aClaim({ kind: 'award', step: 'final', waitingFor: { memberIds: ['gm'], label: '总经理' } });
    const callFunction = stubApi({
      ...stubs(5),
      'catalog.get': ok({ ...catalogFor(5), terms: schemeTerms(ENTERPRISE_SCHEME) }),
      'award.propose': ok({ claim: upward, claims: [upward] }),
    });
    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, '.authority-note--up')).toBe('超出的逐级报有权限的领导审批，最高 200 分');

    await discretionary(page, 1, ['45']);
    await tap(page, '.submit');
    await settle();

    expect(proposals(callFunction).map((e) => e.payload?.recipients)).toEqual([[{ memberId: 'm-zhang', points: 45 }]]);
    expect(textOf(page, '.submitted')).toBe('已提交，等待总经理审批');

    await discretionary(page, 1, ['201']);
    await tap(page, '.submit');
    expect(textOf(page, '.problem')).toBe('张三：超出奖分权限：本次需要201分权限，您的权限为200分');
  });

  it('offers a company without meetings no 集体事件 tab, and never the monthly 固定积分 as an award', async () => {
    // catalog.get shows a deduction's range negative (domain/points.ts shownItem).
    const callFunction = stubApi({ ...stubs(20), 'catalog.get': ok({ ...catalogFor(20), items: ENTERPRISE_SCHEME.items.map(shownItem), terms: schemeTerms(ENTERPRISE_SCHEME) }) });
    const page = openPageAt(PAGE);
    await settle();

    expect(page.instance.data.modes.map((m: { value: string }) => m.value)).toEqual(['discretionary']);
    const offered = page.instance.data.discretionaryItems.map((item: CatalogItem) => item.name);
    expect(offered).toContain('违反安全规程');
    expect(offered).not.toContain('固定积分（按月度出勤）');

    // A deduction is typed and sent by its size; the preview shows it taken off.
    await chooseItem(page, offered.indexOf('违反安全规程'));
    expect(textOf(page, '.item-bounds')).toBe('每人扣 1–200 分');
    await add(page, '张三');
    await emitFrom(page.querySelector('.recipient-points'), 'change', { value: '30' });
    await emit(page, '.note', 'change', { value: '井下未按规定佩戴自救器' });
    expect(textOf(page, '.preview')).toBe('1 人 · 1 条 · 合计 -30 分');
    await tap(page, '.submit');
    await settle();
    expect(proposals(callFunction).map((e) => e.payload?.recipients)).toEqual([[{ memberId: 'm-zhang', points: 30 }]]);
  });

  it("refuses points outside a range item's range", async () => {
    const callFunction = stubApi(stubs(10));
    const page = openPageAt(PAGE);
    await settle();

    await discretionary(page, 0, ['0', '4']);
    await tap(page, '.submit');

    expect(textOf(page, '.problem')).toBe('张三：请填写分值（1–20分之间的整数）');
    expect(proposals(callFunction)).toHaveLength(0);
  });

  it('shows the bounds and sends each recipient with their points', async () => {
    const callFunction = stubApi(stubs(5));
    const page = openPageAt(PAGE);
    await settle();

    await discretionary(page, 0, ['5', '3']);
    expect(textOf(page, '.item-bounds')).toBe('每人 1–5 分');
    expect(textOf(page, '.preview')).toBe('2 人 · 2 条 · 合计 8 分');
    await tap(page, '.submit');
    await settle();

    expect(proposals(callFunction).map((e) => e.payload)).toEqual([
      {
        itemId: 'deed.unquantified',
        occurredOn: chinaDay(),
        recipients: [
          { memberId: 'm-zhang', points: 5 },
          { memberId: 'm-li', points: 3 },
        ],
        note: '协助组织助学活动',
      },
    ]);
  });

  it('sends nothing when the preview is not confirmed', async () => {
    answerModal(false);
    const callFunction = stubApi(stubs(5));
    const page = openPageAt(PAGE);
    await settle();

    await discretionary(page, 1, ['2']);
    await tap(page, '.submit');
    await settle();

    expect(proposals(callFunction)).toHaveLength(0);
  });

  it("shows the server's refusal, and retries a lost answer with the same request id", async () => {
    let attempt = 0;
    const callFunction = stubApi({
      ...stubs(5),
      'award.propose': () => {
        attempt += 1;
        return attempt === 1 ? fail('INTERNAL', '网络异常，请稍后重试') : fail('SELF_REVIEW', '不能给自己奖分');
      },
    });
    const page = openPageAt(PAGE);
    await settle();
    await discretionary(page, 1, ['2']);

    await tap(page, '.submit');
    await settle();
    await tap(page, '.submit');
    await settle();

    const [first, second] = proposals(callFunction);
    expect(second.requestId).toBe(first.requestId);
    expect(textOf(page, '.problem')).toBe('不能给自己奖分');
  });

  it("records a committee decision for the secretariat, with the committee and the decision's reference", async () => {
    const callFunction = stubApi(stubs(0, ['secretariat']));
    const page = openPageAt(PAGE);
    await settle();

    await chooseMode(page, 'discretionary');
    await chooseItem(page, 1);
    expect(page.instance.data.item.id).toBe('deed.major');
    await add(page, '张三');
    await emit(page, '.recipient-points', 'change', { value: '150' });
    await emit(page, '.note', 'change', { value: '捐建希望小学' });
    await tap(page, '.submit');
    expect(textOf(page, '.problem')).toBe('请填写会长会决定的文号或会议纪要');

    await emit(page, '.reference', 'change', { value: '荆新联〔2026〕3号' });
    await tap(page, '.submit');
    await settle();

    expect(proposals(callFunction).map((e) => e.payload)).toEqual([
      {
        itemId: 'deed.major',
        occurredOn: chinaDay(),
        recipients: [{ memberId: 'm-zhang', points: 150 }],
        note: '捐建希望小学',
        committee: 'association',
        reference: '荆新联〔2026〕3号',
      },
    ]);
  });
});

describe('记分 page: a 记分员 records for their 支部 (seeds/002 六(一))', () => {
  const RECORD_ITEMS: CatalogItem[] = [
    anItem({ id: 'study.xuexi', name: '登录学习强国（当月）', category: '政治学习', kind: 'fixed', points: 10, range: undefined, claimable: false }),
    anItem({ id: 'study.xuexi_missed', name: '学习强国未登录（每次）', category: '政治学习', kind: 'per_count', points: -0.5, deduction: true, unit: '次', maxCount: 31, range: undefined, claimable: false }),
    anItem({ id: 'feature.volunteer', name: '参加志愿服务', category: '特色分', kind: 'fixed', points: 5, range: undefined }),
  ];
  const KEEPER = { memberId: 'm-keeper', authority: 0, roles: ['scorekeeper'], can: { review: true, award: false, record: true, sign: false }, selfReportRefusal: null };
  const branch = [aDirectoryMember({ _id: 'm-keeper', name: '赵记分员' }), aDirectoryMember({ _id: 'm-chen', name: '陈党员' }), aDirectoryMember({ _id: 'm-liu', name: '刘党员' })];
  const RECORDED = aClaim({ kind: 'award', status: 'approved', step: 'final', waitingFor: null, total: -3, lines: [aLine({ memberId: 'm-chen', points: -1.5 }), aLine({ memberId: 'm-liu', points: -1.5 })] });
  const recorderStubs = () => ({
    'catalog.get': ok({ ...aCatalog(), items: RECORD_ITEMS, viewer: KEEPER, terms: changzhouTerms() }),
    'members.list': ok({ members: branch, branches: [], cursor: null, terms: changzhouTerms() }),
    'award.propose': ok({ claim: RECORDED, claims: [RECORDED] }),
  });

  it('opens in record mode alone, titled 记分, in the template’s words', async () => {
    const title = stubWx('setNavigationBarTitle');
    stubApi(recorderStubs());
    const page = openPageAt(PAGE);
    await settle();

    expect(page.querySelector('.modes')).toBeUndefined();
    expect(argsOf(title)).toEqual([{ title: '记分' }]);
    expect(textOf(page, '.authority-limit')).toBe('为本支部党员记分，记分后立即计入积分');
    expect(page.instance.data.recordItems.map((i: CatalogItem) => i.id)).toEqual(['study.xuexi', 'study.xuexi_missed', 'feature.volunteer']);
  });

  it('adds the whole 支部 but the recorder in one tap, and records a deduction by count at once', async () => {
    stubWx('setNavigationBarTitle');
    const callFunction = stubApi(recorderStubs());
    const page = openPageAt(PAGE);
    await settle();

    await chooseItem(page, 1);
    expect(textOf(page, '.item-points')).toBe('政治学习 · 扣 0.5 分/次');
    await tap(page, '.add-all-button');
    await settle();
    expect(page.instance.data.attendees.map((a: { name: string }) => a.name)).toEqual(['陈党员', '刘党员']);

    await emit(page, '.count', 'change', { value: '40' });
    await tap(page, '.submit');
    expect(textOf(page, '.problems')).toBe('请填写次数（1–31的整数）');
    expect(proposals(callFunction)).toHaveLength(0);

    await emit(page, '.count', 'change', { value: '3' });
    expect(textOf(page, '.preview')).toBe('2 人 · 2 条 · 合计 -3 分');
    await tap(page, '.submit');
    await settle();

    expect(argsOf(modal)[0]).toMatchObject({ title: '确认记分', content: '学习强国未登录（每次）：2 人、合计 -3 分，记分后立即计入积分。' });
    expect(proposals(callFunction).map((e) => e.payload)).toEqual([
      { itemId: 'study.xuexi_missed', occurredOn: chinaDay(), recipients: [{ memberId: 'm-chen' }, { memberId: 'm-liu' }], note: '', count: 3 },
    ]);
    expect(textOf(page, '.submitted-title')).toBe('已记分：2 人，合计 -3 分，已计入积分');
  });
});
