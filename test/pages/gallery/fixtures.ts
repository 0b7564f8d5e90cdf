/**
 * What `npm run gallery` draws: each page in its main states, with the cloud answered by stubs.
 *
 * A state names its page (the folder under miniprogram/pages), the stubs that differ from WORLD (a
 * small, plausible association that answers every read), and optionally what to do once the page has
 * loaded (open a popup, pick an item). `pending: true` leaves every call unanswered (loading).
 * Pages without states of their own get loaded / empty / error / loading from DEFAULT_STATES.
 * Anyone adding a page may add its states here.
 */
import type { ApiResult, Claim, LedgerEntry, Notice, RankingRow } from '../../../typings/api';
import { aCatalog, aCatalogItem, aHome, aLedgerEntry, aMember, aNotice, aStanding } from '../support/builders';
import { fail, ok, type ApiStubs } from '../support/cloud';
import { emit, settle, tap, tapText, type RenderedPage } from '../support/load';
import { aClaim, aDecision, aDirectoryMember, aLine, aRow } from '../support/records';

export interface GalleryState {
  page: string;
  state: string;
  /** Overrides of WORLD for this state. */
  stubs?: ApiStubs;
  /** Every cloud call stays unanswered: the loading state. */
  pending?: boolean;
  /** Page query for onLoad (e.g. { authority: '5' } for 审批). */
  query?: Record<string, string>;
  /** Gets the page into the state after its first screen loaded. */
  act?: (page: RenderedPage) => Promise<void>;
  /** Screenshot height in CSS px (a 375 × 812 phone by default); taller shows a whole long page. */
  height?: number;
}

/** Placeholder photos: coloured tiles, so evidence grids show something without a network. */
export function photo(hue: number, label: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" fill="hsl(${hue},45%,72%)"/><text x="120" y="132" font-size="28" text-anchor="middle" fill="white" font-family="sans-serif">${label}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const NAMES = ['刘晓东', '陈静', '王建华', '张丽', '李明', '周涛', '吴芳', '赵磊', '孙婷', '郑伟', '钱进', '冯雪'];
const BRANCHES = ['东宝分会', '掇刀分会', '京山分会', '钟祥分会', '沙洋分会', null];

const me = aMember({ _id: 'me', name: '刘晓东', branchName: '东宝分会', tier: 'director', positions: ['branch_president'] });

const recentEntries: LedgerEntry[] = [
  aLedgerEntry({ _id: 'e1', itemName: '参加市新联会会议', points: 20, occurredOn: '2026-11-18' }),
  aLedgerEntry({ _id: 'e2', itemName: '在市新联会会议上书面或口头发言（额外）', points: 10, occurredOn: '2026-11-18' }),
  aLedgerEntry({ _id: 'e3', itemName: '办实事（价值可量化）', points: 57, occurredOn: '2026-11-06', note: '为山区学校捐赠图书 5700 元' }),
  aLedgerEntry({ _id: 'e4', itemName: '月度职务积分', points: 20, occurredOn: '2026-11-01', claimId: null, reviewers: [] }),
  aLedgerEntry({ _id: 'e5', itemName: '书面建言献策', points: 2, occurredOn: '2026-10-28' }),
  aLedgerEntry({ _id: 'e6', itemName: '参加分会活动', points: -10, occurredOn: '2026-10-20', reverses: 'e0', note: '重复记入，予以冲正' }),
  aLedgerEntry({ _id: 'e7', itemName: '参加县级统战系统活动', points: 30, occurredOn: '2026-10-12' }),
  aLedgerEntry({ _id: 'e8', itemName: '介绍并发展会员', points: 40, occurredOn: '2026-09-30' }),
];

const myClaims: Claim[] = [
  aClaim({
    _id: 'c1',
    itemName: '在市新联会活动中突出表现（额外）',
    occurredOn: '2026-11-19',
    createdBy: 'me',
    createdByName: '刘晓东',
    lines: [aLine({ memberId: 'me', memberName: '刘晓东', points: 8, itemName: '在市新联会活动中突出表现（额外）' })],
    note: '牵头组织“新联助学”活动，联系 3 家企业捐资',
    evidence: [photo(10, '活动'), photo(200, '合影')],
    step: 'final',
    waitingFor: { memberIds: ['president'], label: '会长' },
    decisions: [aDecision({ step: 'endorse', byName: '李副会长', at: '2026-11-20T01:30:00.000Z' })],
  }),
  aClaim({
    _id: 'c2',
    itemName: '办实事（价值无法量化）',
    occurredOn: '2026-11-10',
    createdBy: 'me',
    lines: [aLine({ memberId: 'me', memberName: '刘晓东', points: 15 })],
    note: '社区义诊',
    status: 'rejected',
    step: null,
    waitingFor: null,
    decisions: [aDecision({ step: 'endorse', byName: '李副会长', decision: 'reject', at: '2026-11-12T08:10:00.000Z', reason: '请补充活动照片和受益人数后重新申报' })],
  }),
  aClaim({
    _id: 'c3',
    itemName: '参加市新联会会议',
    occurredOn: '2026-11-02',
    createdBy: 'me',
    lines: [aLine({ memberId: 'me', memberName: '刘晓东', points: 20, itemName: '参加市新联会会议' })],
    note: '',
    status: 'approved',
    step: null,
    waitingFor: null,
    decisions: [
      aDecision({ step: 'endorse', byName: '李副会长', at: '2026-11-03T02:00:00.000Z' }),
      aDecision({ step: 'final', byName: '王会长', at: '2026-11-04T06:45:00.000Z' }),
    ],
  }),
];

const inboxClaims: Claim[] = [
  aClaim({ _id: 'i1', createdByName: '陈静', note: '为社区老人义诊，服务 60 余人', evidence: [photo(120, '义诊'), photo(30, '现场')], input: { points: 10 } }),
  aClaim({
    _id: 'i2',
    itemName: '介绍并发展会员',
    createdByName: '王建华',
    lines: [aLine({ memberName: '王建华', points: 40, itemId: 'outreach.recruit', itemName: '介绍并发展会员' })],
    input: { count: 2 },
    discretionary: 0,
    note: '介绍 2 名律师入会',
    step: 'final',
    waitingFor: { memberIds: ['me'], label: '秘书长' },
    decisions: [aDecision({ byName: '东宝分会长' })],
  }),
];

const boardRows: RankingRow[] = NAMES.map((name, i) =>
  aRow({ memberId: `m${i}`, name, branchName: BRANCHES[i % BRANCHES.length], total: 320 - i * 17 - (i > 3 ? 4 : 0), rank: i + 1 }),
);

const notices: Notice[] = [
  aNotice({
    _id: 'n1',
    kind: 'scheme',
    title: '会员积分制管理办法（第 2 版）',
    body: '经会长会研究决定，对部分积分项目作如下调整，自 2026 年 12 月 1 日起施行。此前已提交的申请仍按提交时的版本计分。',
    schemeVersion: 2,
    changes: ['“书面建言献策”由 2 分调整为 3 分', '新增“参加分会专题培训”，每次 10 分', '申报期限由 90 天调整为 60 天'],
    publishedAt: '2026-11-20T02:00:00.000Z',
    effectiveFrom: '2026-11-30T16:00:00.000Z',
  }),
  aNotice({
    _id: 'n2',
    title: '关于召开 2026 年度会员大会的通知',
    body: '定于 2026 年 12 月 10 日（星期四）上午 9:00 在市民中心三楼会议室召开年度会员大会。会议将总结全年工作，表彰积分排名前列的会员，并审议下一年度工作计划。请各分会于 12 月 5 日前将参会名单报秘书处。',
    publishedAt: '2026-11-15T01:00:00.000Z',
  }),
  aNotice({
    _id: 'n3',
    kind: 'scheme',
    title: '会员积分制管理办法（试行稿）',
    body: '荆门市新的社会阶层人士联谊会会员积分制管理办法（试行稿）正式施行。',
    schemeVersion: 1,
    changes: ['确立职务、会议、活动、办实事、宣传及建议、荣誉、其他七类积分'],
    publishedAt: '2024-01-18T02:00:00.000Z',
    effectiveFrom: '2024-01-17T16:00:00.000Z',
  }),
];

const catalog = aCatalog({
  viewer: { memberId: 'me', authority: 5, roles: ['branch_president', 'secretariat'] },
  items: [
    ...['市级统战系统', '县级统战系统', '市新联会', '分会'].flatMap((level, i) => [
      aCatalogItem({ id: `meeting.attend.${i}`, name: `参加${level}会议`, category: '会议', points: [40, 30, 20, 10][i], article: '第六条' }),
      aCatalogItem({ id: `meeting.speak.${i}`, name: `在${level}会议上书面或口头发言（额外）`, category: '会议', points: [20, 15, 10, 5][i], article: '第六条' }),
      aCatalogItem({ id: `meeting.host.${i}`, name: `承办${level}会议`, category: '会议', points: [200, 150, 100, 50][i], article: '第六条' }),
    ]),
    ...aCatalog().items.filter((item) => item.category !== '会议' && item.category !== '其他'),
    aCatalogItem({ id: 'honor.city', name: '获得市厅级表彰、荣誉', category: '荣誉', points: 20, article: '第十条' }),
    ...aCatalog().items.filter((item) => item.category === '其他'),
  ],
});

const directory = NAMES.slice(1).map((name, i) =>
  aDirectoryMember({ _id: `m${i + 1}`, name, branchName: BRANCHES[i % BRANCHES.length], inviteCode: `JM${(4821 + i * 37).toString(36).toUpperCase()}Q`, bound: i % 3 !== 0 }),
);

/** A small association that answers every read the pages make on their first screen. */
export const WORLD: ApiStubs = {
  'me.get': ok({ member: me, roles: ['branch_president', 'secretariat'], authority: 5, inboxCount: 2 }),
  'home.get': ok(
    aHome({
      member: me,
      roles: ['branch_president', 'secretariat'],
      authority: 5,
      inboxCount: 2,
      standings: { month: aStanding({ key: '2026-11', total: 109, rank: 3 }), year: aStanding({ key: '2026', total: 826, rank: 12 }), all: aStanding({ key: 'all', total: 2140, rank: 9 }) },
      recent: recentEntries.slice(0, 5),
    }),
  ),
  'catalog.get': ok(catalog),
  'ledger.list': ok({ entries: recentEntries, cursor: '20' }),
  'claim.mine': ok({ claims: myClaims, cursor: null }),
  'notice.list': ok({ notices }),
  'inbox.list': ok({ claims: inboxClaims, cursor: null }),
  'ranking.get': (payload) => ok({ period: payload.period, key: payload.key ?? (payload.period === 'year' ? '2026' : payload.period === 'all' ? 'all' : '2026-11'), rows: boardRows, me: { rank: 3, total: 286 } }),
  'members.list': ok({ members: directory, branches: [{ _id: 'b1', name: '东宝分会' }, { _id: 'b2', name: '掇刀分会' }], cursor: null }),
};

const EMPTY: ApiStubs = {
  // 奖分 for a member without authority: the page explains who may award.
  'catalog.get': ok({ ...catalog, viewer: { memberId: 'm1', authority: 0, roles: [] } }),
  'home.get': ok(aHome({ member: aMember({ name: '陈静', branchName: '掇刀分会' }), recent: [] })),
  'ledger.list': ok({ entries: [], cursor: null }),
  'claim.mine': ok({ claims: [], cursor: null }),
  'notice.list': ok({ notices: [] }),
  'inbox.list': ok({ claims: [], cursor: null }),
  'ranking.get': (payload) => ok({ period: payload.period, key: '2026-11', rows: [], me: null }),
  'members.list': ok({ members: [], branches: [], cursor: null }),
};

const BROKEN = fail('INTERNAL', '系统繁忙，请稍后重试') as ApiResult<never>;
const ERROR: ApiStubs = Object.fromEntries(Object.keys(WORLD).map((action) => [action, BROKEN]));

/** States every page gets unless it lists its own. */
export const DEFAULT_STATES: Omit<GalleryState, 'page'>[] = [
  { state: 'loaded' },
  { state: 'empty', stubs: EMPTY },
  { state: 'error', stubs: ERROR },
  { state: 'loading', pending: true },
];

async function pickItem(page: RenderedPage, category: string, item: string): Promise<void> {
  await tap(page, '.field-item');
  await tapText(page, '.picker__category', category);
  await tapText(page, '.picker__item', item);
}

export const STATES: GalleryState[] = [
  { page: 'mine', state: 'loaded', height: 1100 },
  { page: 'mine', state: 'member', stubs: { 'home.get': ok(aHome({ member: aMember({ name: '陈静', branchName: '掇刀分会' }), standings: { month: aStanding({ key: '2026-11', total: 20, rank: 41 }), year: aStanding({ key: '2026', total: 260, rank: 88 }), all: aStanding({ key: 'all', total: 260, rank: 102 }) }, recent: recentEntries.slice(0, 2) })) } },
  { page: 'mine', state: 'empty', stubs: EMPTY },
  { page: 'mine', state: 'unbound', stubs: { 'home.get': ok(aHome({ member: null, standings: null, recent: [] })) } },
  { page: 'mine', state: 'error', stubs: ERROR },
  { page: 'mine', state: 'loading', pending: true },

  { page: 'report', state: 'blank' },
  { page: 'report', state: 'picker', act: (page) => tap(page, '.field-item') },
  {
    page: 'report',
    state: 'range-with-photos',
    height: 1100,
    act: async (page) => {
      const scope = globalThis as unknown as { wx: Record<string, unknown> & { cloud: Record<string, unknown> } };
      scope.wx.chooseMedia = async () => ({ tempFiles: [photo(10, '活动'), photo(200, '合影'), photo(90, '证书')].map((tempFilePath) => ({ tempFilePath })) });
      scope.wx.cloud.uploadFile = async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env/${cloudPath}` });
      await pickItem(page, '活动', '突出表现');
      await emit(page, '.points-stepper', 'change', { value: 8 });
      await emit(page, '.note-input', 'change', { value: '牵头组织“新联助学”活动，联系 3 家企业捐资 12 万元' });
      await tap(page, '.photo--add');
      await settle();
    },
  },
  {
    page: 'report',
    state: 'value-too-small',
    act: async (page) => {
      await pickItem(page, '办实事', '价值可量化');
      await emit(page, '.value-input', 'change', { value: '60' });
      await tap(page, '.submit');
    },
  },
  { page: 'report', state: 'date-picker', act: (page) => tap(page, '.field-date') },
  {
    page: 'report',
    state: 'server-error',
    stubs: { 'claim.submit': fail('NOT_BOUND', '请先绑定会员身份，再申报积分') },
    act: async (page) => {
      await pickItem(page, '会议', '参加市新联会会议');
      await tap(page, '.submit');
    },
  },
  {
    page: 'report',
    state: 'submitted',
    stubs: { 'claim.submit': ok({ claim: myClaims[0] }) },
    act: async (page) => {
      await pickItem(page, '活动', '突出表现');
      await tap(page, '.submit');
    },
  },
  { page: 'report', state: 'error', stubs: ERROR },
  { page: 'report', state: 'loading', pending: true },

  { page: 'ledger', state: 'entries', height: 1000 },
  { page: 'ledger', state: 'claims', height: 1300, act: (page) => emit(page, '.tabs', 'change', { value: 'claims' }) },
  { page: 'ledger', state: 'empty', stubs: EMPTY },
  { page: 'ledger', state: 'unbound', stubs: { 'ledger.list': fail('NOT_BOUND', '请先绑定会员身份') } },
  { page: 'ledger', state: 'error', stubs: ERROR },
  { page: 'ledger', state: 'loading', pending: true },

  { page: 'notices', state: 'loaded', height: 1100 },
  { page: 'notices', state: 'expanded', act: (page) => tapText(page, '.notice', '年度会员大会') },
  { page: 'notices', state: 'empty', stubs: EMPTY },
  { page: 'notices', state: 'error', stubs: ERROR },
  { page: 'notices', state: 'loading', pending: true },

  { page: 'bind', state: 'blank' },
  {
    page: 'bind',
    state: 'wrong-code',
    stubs: { 'me.bind': fail('NOT_FOUND', '邀请码无效，请核对后重试') },
    act: async (page) => {
      await emit(page, '.code-input', 'change', { value: 'JM48XQ' });
      await tap(page, '.bind-button');
    },
  },

  { page: 'inbox', state: 'loaded', query: { authority: '5' }, height: 1200 },
  { page: 'ranking', state: 'loaded', height: 1000 },
  { page: 'admin', state: 'loaded' },
  { page: 'admin', state: 'import', act: (page) => emit(page, '.tabs', 'change', { value: 'import' }) },
  { page: 'admin', state: 'dues', act: (page) => emit(page, '.tabs', 'change', { value: 'dues' }) },
  { page: 'admin', state: 'export', act: (page) => emit(page, '.tabs', 'change', { value: 'export' }) },
  { page: 'admin', state: 'empty', stubs: EMPTY },
  { page: 'admin', state: 'error', stubs: ERROR },
  { page: 'admin', state: 'loading', pending: true },
  { page: 'award', state: 'event' },
  { page: 'award', state: 'discretionary', act: (page) => emit(page, '.modes', 'change', { value: 'discretionary' }) },
  { page: 'award', state: 'no-authority', stubs: EMPTY },
  { page: 'award', state: 'error', stubs: ERROR },
  { page: 'award', state: 'loading', pending: true },
];
