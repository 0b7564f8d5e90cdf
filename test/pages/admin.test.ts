import type { ApiEvent, DataOf, DirectoryMember } from '../../typings/api';
import { chinaDay } from '../../miniprogram/format/dates';
import { parseRosterSheet } from '../../miniprogram/pages/admin/roster-table';
import { eventsOf, fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { callPage, emit, settle, tap, textOf } from './support/load';
import { emitFrom, inside, openPageAt, press, tapNode, textIn } from './support/page';
import { aDirectoryMember } from './support/records';
import { changzhouTerms, jingmenTerms } from './support/builders';
import { answerModal, argsOf, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/admin/index';
const LINK = 'https://local-1234.tcb.qcloud.la/exports/2026-11-21/board.xlsx?sign=abc&t=1796011290';

const SHEET = [
  '姓名\t手机\t分会\t档次\t职务\t职业\t社会职务',
  '张三\t13800138000\t东宝分会\t理事\t分会会长\t律师\t市人大代表、区政协委员',
  '李四\t\t总会直属\t会长会成员\t副会长、秘书长\t企业管理\t',
  '王五\t139 0013 9000\t掇刀分会\t会员\t\t\t',
].join('\n');

const BRANCHES = [
  { _id: 'branch-dongbao', name: '东宝分会' },
  { _id: 'branch-duodao', name: '掇刀分会' },
];

function directory(members: DirectoryMember[], cursor: string | null = null): DataOf<'members.list'> {
  return { members, branches: BRANCHES, cursor, terms: jingmenTerms() };
}

function ofAction<A extends ApiEvent['action']>(callFunction: jest.Mock, action: A): ApiEvent<A>[] {
  return eventsOf(callFunction).filter((e): e is ApiEvent<A> => e.action === action);
}

type Page = ReturnType<typeof openPageAt>;

const panel = (page: Page, id: string) => page.querySelector(`#${id}`)!;

let modal: jest.Mock;
let clipboard: jest.Mock;

beforeEach(() => {
  modal = answerModal(true);
  clipboard = stubWx('setClipboardData');
  stubWx('showToast');
  stubWx('stopPullDownRefresh');
});

afterEach(() => restoreWx());

describe('reading a pasted roster', () => {
  it('maps the Chinese header and labels onto import rows', () => {
    const sheet = parseRosterSheet(SHEET, jingmenTerms());

    expect(sheet.errors).toEqual([]);
    expect(sheet.rows).toEqual([
      {
        name: '张三',
        phone: '13800138000',
        branch: '东宝分会',
        category: 'director',
        roles: ['branch_president'],
        profession: '律师',
        socialRoles: ['市人大代表', '区政协委员'],
      },
      { name: '李四', category: 'council', roles: ['vice_president', 'secretary_general'], profession: '企业管理' },
      { name: '王五', phone: '13900139000', branch: '掇刀分会', category: 'member' },
    ]);
    expect(sheet.lines).toEqual([2, 3, 4]);
  });

  it('reads a CSV saved by Excel: BOM, CRLF, quoted cells with commas, columns in any order', () => {
    const sheet = parseRosterSheet('\uFEFF分会,姓名,职务\r\n东宝分会,张三,"副会长,分会会长"\r\n\r\n,"李""四""",\r\n', jingmenTerms());

    expect(sheet.errors).toEqual([]);
    expect(sheet.rows).toEqual([
      { name: '张三', branch: '东宝分会', roles: ['vice_president', 'branch_president'] },
      { name: '李"四"' },
    ]);
    expect(sheet.lines).toEqual([2, 4]);
  });

  it('reports unknown labels and missing names by sheet line', () => {
    const sheet = parseRosterSheet('姓名\t档次\t职务\n张三\t会长\t\n\t会员\t组长', jingmenTerms());

    expect(sheet.errors).toEqual([
      { line: 2, message: '档次“会长”无效，应为会员、理事、会长会成员' },
      { line: 3, message: '职务“组长”无法识别；缺少姓名' },
    ]);
  });

  it('asks for a header with 姓名', () => {
    expect(parseRosterSheet('张三\t13800138000', jingmenTerms()).errors).toEqual([
      { line: 1, message: '第一行应为表头，且须有“姓名”列（姓名 手机 分会 档次 职务 职业 社会职务）' },
    ]);
  });
});

describe('管理 page: members', () => {
  it('opens on the member list with one call, showing a loading state meanwhile', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPageAt(PAGE);

    expect(textOf(page, ['#members', '.state'])).toBe('加载中…');
    expect(eventsOf(callFunction)).toEqual([{ action: 'members.list', payload: { status: 'active' } }]);
  });

  it('lists members with branch, tier, positions and binding', async () => {
    stubApi({
      'members.list': ok(directory([aDirectoryMember({ name: '张三', tier: 'director', positions: ['branch_president'], bound: true })])),
    });

    const page = openPageAt(PAGE);
    await settle();

    expect(textIn(inside(page, '#members', '.member__name'))).toBe('张三');
    expect(textIn(inside(page, '#members', '.member__summary'))).toBe('东宝分会 · 理事 · 分会会长');
    expect(textIn(inside(page, '#members', '.member__bound'))).toBe('已绑定');
  });

  it('invites an import when there are no members yet', async () => {
    stubApi({ 'members.list': ok(directory([])) });

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, ['#members', '.state'])).toBe('还没有会员，请先导入名单');
  });

  it("shows the server's refusal to a caller who is not of the secretariat, and retries", async () => {
    const callFunction = stubApi({ 'members.list': fail('FORBIDDEN', '只有领导小组成员和秘书处可以查看会员名录') });
    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, ['#members', '.state'])).toBe('只有领导小组成员和秘书处可以查看会员名录重试');

    await tap(page, ['#members', '.state', '.state-view__button']);

    expect(ofAction(callFunction, 'members.list')).toHaveLength(2);
  });

  it('loads the next 50 with the cursor at the bottom of the page, and searches by name', async () => {
    const callFunction = stubApi({
      'members.list': (payload) =>
        ok(payload.cursor ? directory([aDirectoryMember({ _id: 'm2', name: '李四' })]) : directory([aDirectoryMember({ _id: 'm1' })], 'c50')),
    });
    const page = openPageAt(PAGE);
    await settle();

    await callPage(page, 'onReachBottom');
    await emit(page, ['#members', '.members__search'], 'change', { value: '李' });
    await emit(page, ['#members', '.members__search'], 'submit', { value: '李' });
    await settle();

    expect(ofAction(callFunction, 'members.list').map((e) => e.payload)).toEqual([
      { status: 'active' },
      { status: 'active', cursor: 'c50' },
      { status: 'active', search: '李' },
    ]);
  });

  it('sends only what the editor changed', async () => {
    const zhang = aDirectoryMember({ _id: 'm1', name: '张三', tier: 'member', positions: [], inviteCode: 'AB12CD34' });
    const callFunction = stubApi({
      'members.list': ok(directory([zhang])),
      'admin.members.update': ok({
        member: { ...zhang, tier: 'director', positions: ['branch_leader'], category: 'director', roles: ['branch_leader'], profession: '律师' },
        inviteCode: 'AB12CD34',
      }),
    });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(inside(page, '#members', '.member'));
    const editor = panel(page, 'members').querySelector('.editor-host')!;
    expect(textIn(editor.querySelector('.editor__code'))).toBe('AB12CD34');
    await emitFrom(editor.querySelector('.editor__tier'), 'change', { value: 2 });
    await emitFrom(editor.querySelector('.editor__position--branch_leader'), 'change', { checked: true });
    await emitFrom(editor.querySelector('.editor__profession'), 'change', { value: ' 律师 ' });
    await press(editor.querySelector('.editor__save'));
    await settle();

    const [update] = ofAction(callFunction, 'admin.members.update');
    expect(update.payload).toEqual({ memberId: 'm1', patch: { category: 'director', roles: ['branch_leader'], profession: '律师' } });
    expect(textIn(inside(page, '#members', '.member__summary'))).toBe('东宝分会 · 理事 · 分会领导班子成员');
  });

  it('moves a member to 已退会 only after confirming', async () => {
    const zhang = aDirectoryMember({ _id: 'm1', name: '张三' });
    const callFunction = stubApi({
      'members.list': ok(directory([zhang])),
      'admin.members.update': ok({ member: { ...zhang, status: 'left' }, inviteCode: 'AB12CD34' }),
    });
    const page = openPageAt(PAGE);
    await settle();
    await tapNode(inside(page, '#members', '.member'));
    const editor = panel(page, 'members').querySelector('.editor-host')!;

    answerModal(false);
    await press(editor.querySelector('.editor__leave'));
    await settle();
    expect(ofAction(callFunction, 'admin.members.update')).toHaveLength(0);

    answerModal(true);
    await press(editor.querySelector('.editor__leave'));
    await settle();

    expect(ofAction(callFunction, 'admin.members.update').map((e) => e.payload)).toEqual([{ memberId: 'm1', patch: { status: 'left' } }]);
    expect(inside(page, '#members', '.member')).toBeUndefined();
  });

  it('resets the binding and shows the new invite code to copy', async () => {
    const zhang = aDirectoryMember({ _id: 'm1', name: '张三', inviteCode: 'OLD00000', bound: true });
    const callFunction = stubApi({
      'members.list': ok(directory([zhang])),
      'admin.members.update': ok({ member: zhang, inviteCode: 'NEW11111' }),
    });
    const page = openPageAt(PAGE);
    await settle();
    await tapNode(inside(page, '#members', '.member'));
    const editor = panel(page, 'members').querySelector('.editor-host')!;

    await press(editor.querySelector('.editor__reset'));
    await settle();
    await tapNode(editor.querySelector('.editor__copy'));

    expect(ofAction(callFunction, 'admin.members.update').map((e) => e.payload)).toEqual([{ memberId: 'm1', patch: { resetBinding: true } }]);
    expect(textIn(editor.querySelector('.editor__code'))).toBe('NEW11111');
    expect(argsOf(clipboard)).toEqual([{ data: '张三 NEW11111' }]);
  });
});

describe('管理 page: importing the roster', () => {
  async function paste(page: Page, text: string) {
    await emit(page, ['#import', '.import__text'], 'change', { value: text });
    await tap(page, ['#import', '.import__check']);
  }

  it('reads a pasted table with Chinese headers and sends its rows', async () => {
    const callFunction = stubApi({
      'members.list': ok(directory([])),
      'admin.members.import': ok({
        created: 2,
        updated: 1,
        errors: [],
        members: [
          { memberId: 'a', name: '张三', inviteCode: 'ZS000001' },
          { memberId: 'b', name: '李四', inviteCode: 'LS000002' },
          { memberId: 'c', name: '王五', inviteCode: 'WW000003' },
        ],
      }),
    });
    const page = openPageAt(PAGE);
    await settle();

    await paste(page, SHEET);
    expect(textIn(inside(page, '#import', '.import__count'))).toBe('共 3 名会员，可以导入');
    await tap(page, ['#import', '.import__send']);
    await settle();

    const [sent] = ofAction(callFunction, 'admin.members.import');
    expect(sent.payload).toEqual({ rows: parseRosterSheet(SHEET, jingmenTerms()).rows });
    expect(sent.requestId).toEqual(expect.any(String));
    expect(textIn(inside(page, '#import', '.import__outcome .import__count'))).toBe('已新增 2 名、更新 1 名');

    await tap(page, ['#import', '.import__copy']);
    expect(argsOf(clipboard)).toEqual([{ data: '张三 ZS000001\n李四 LS000002\n王五 WW000003' }]);
  });

  it('shows the rows to fix and sends nothing while any row is wrong', async () => {
    const callFunction = stubApi({ 'members.list': ok(directory([])) });
    const page = openPageAt(PAGE);
    await settle();

    await paste(page, '姓名\t档次\n张三\t会长');
    await tap(page, ['#import', '.import__send']);
    await settle();

    expect(textIn(inside(page, '#import', '.import__error'))).toBe('第 2 行：档次“会长”无效，应为会员、理事、会长会成员');
    expect(ofAction(callFunction, 'admin.members.import')).toHaveLength(0);
  });

  it("shows the server's per-row errors by sheet line", async () => {
    stubApi({
      'members.list': ok(directory([])),
      'admin.members.import': ok({ created: 0, updated: 0, errors: [{ row: 3, message: '与第 1 行手机号相同' }], members: [] }),
    });
    const page = openPageAt(PAGE);
    await settle();

    await paste(page, `姓名\t手机\n张三\t13800138000\n\n李四\t13900139000\n王五\t13800138000`);
    await tap(page, ['#import', '.import__send']);
    await settle();

    expect(textIn(inside(page, '#import', '.import__server-error'))).toBe('第 5 行：与第 1 行手机号相同');
  });

  it('reads a .csv chosen from a chat', async () => {
    stubApi({ 'members.list': ok(directory([])) });
    const choose = stubWx('chooseMessageFile', async () => ({ tempFiles: [{ path: 'wxfile://tmp/roster.csv', name: '名单.csv', size: 100, type: 'file', time: 0 }] }));
    const readFile = jest.fn((options: { filePath: string; encoding: string; success: (r: { data: string }) => void }) =>
      options.success({ data: '姓名,分会\n张三,东宝分会\n' }),
    );
    stubWx('getFileSystemManager', () => ({ readFile }));
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, ['#import', '.import__file']);
    await settle();

    expect(argsOf(choose)).toEqual([{ count: 1, type: 'file', extension: ['csv', 'xlsx'] }]);
    expect(readFile.mock.calls[0][0]).toMatchObject({ filePath: 'wxfile://tmp/roster.csv', encoding: 'utf8' });
    expect(textIn(inside(page, '#import', '.import__count'))).toBe('共 1 名会员，可以导入');
  });

  it('explains how to bring an Excel file in', async () => {
    stubApi({ 'members.list': ok(directory([])) });
    stubWx('chooseMessageFile', async () => ({ tempFiles: [{ path: 'wxfile://tmp/roster.xlsx', name: '名单.xlsx', size: 100, type: 'file', time: 0 }] }));
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, ['#import', '.import__file']);
    await settle();

    expect(textIn(inside(page, '#import', '.import__file-message'))).toContain('另存为“CSV UTF-8”');
  });
});

describe('管理 page: dues and export', () => {
  it('records a whole-term payment for the member picked', async () => {
    const callFunction = stubApi({
      'members.list': ok(directory([aDirectoryMember({ _id: 'm1', name: '张三' })])),
      'admin.dues.record': ok({
        dues: { _id: 'd1', memberId: 'm1', paidOn: chinaDay(), years: 5, tier: 'member', fromMonth: '2026-11', toMonth: '2031-10', recordedBy: 'x', createdAt: '' },
        entries: [],
      }),
    });
    const page = openPageAt(PAGE);
    await settle();

    const dues = panel(page, 'dues');
    await emitFrom(dues.querySelector('.dues__picker')!.querySelector('.member-picker__search'), 'submit', { value: '' });
    await settle();
    await tapNode(dues.querySelector('.dues__picker')!.querySelector('.member-picker__member'));
    await tapNode(dues.querySelector('.dues__year--5'));
    await press(dues.querySelector('.dues__record'));
    await settle();

    expect(argsOf<{ content: string }>(modal)[0].content).toBe(`张三，${chinaDay()} 缴纳整届（5年）会费？`);
    const [record] = ofAction(callFunction, 'admin.dues.record');
    expect(record.payload).toEqual({ memberId: 'm1', paidOn: chinaDay(), years: 5 });
    expect(textIn(dues.querySelector('.dues__done'))).toBe('已记录 张三 的会费：2026-11 至 2031-10，职务积分将按月计入');
  });

  it('asks for a member before recording dues', async () => {
    const callFunction = stubApi({ 'members.list': ok(directory([])) });
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, ['#dues', '.dues__record']);

    expect(textIn(inside(page, '#dues', '.dues__error'))).toBe('请先选择会员');
    expect(ofAction(callFunction, 'admin.dues.record')).toHaveLength(0);
  });

  it("exports a branch's board and opens the sheet through the short-lived link the server gave", async () => {
    const callFunction = stubApi({
      'members.list': ok(directory([])),
      'admin.export': ok({ fileID: 'cloud://env/exports/board.xlsx', url: LINK }),
    });
    const download = stubWx('downloadFile', (options: { success: (r: unknown) => void }) => options.success({ tempFilePath: 'wxfile://tmp/board.xlsx', statusCode: 200, errMsg: 'ok' }));
    const open = stubWx('openDocument', async () => ({ errMsg: 'openDocument:ok' }));
    const page = openPageAt(PAGE);
    await settle();

    const exporter = panel(page, 'export');
    await emitFrom(exporter.querySelector('.export__period'), 'change', { value: 1 });
    await emitFrom(exporter.querySelector('.export__key'), 'change', { value: '2025' });
    await emitFrom(exporter.querySelector('.export__scope'), 'change', { value: 1 });
    await press(exporter.querySelector('.export__go'));
    await settle();

    expect(ofAction(callFunction, 'admin.export').map((e) => e.payload)).toEqual([{ period: 'year', key: '2025', scope: { branchId: 'branch-dongbao' } }]);
    expect(argsOf(download)).toEqual([{ url: LINK, success: expect.any(Function), fail: expect.any(Function) }]);
    expect(argsOf(open)).toEqual([{ filePath: 'wxfile://tmp/board.xlsx', fileType: 'xlsx', showMenu: true }]);
  });

  it('offers a party organisation’s own boards: a quarter from the recent ones, the year’s score, a 支部', async () => {
    const callFunction = stubApi({
      'members.list': ok({ ...directory([]), branches: [{ _id: 'u1', name: '第一党支部' }], terms: changzhouTerms() }),
      'admin.export': ok({ fileID: 'cloud://env/exports/board.xlsx', url: LINK }),
    });
    stubWx('downloadFile', (options: { success: (r: unknown) => void }) => options.success({ tempFilePath: 'wxfile://tmp/board.xlsx', statusCode: 200, errMsg: 'ok' }));
    stubWx('openDocument', async () => ({ errMsg: 'openDocument:ok' }));
    const page = openPageAt(PAGE);
    await settle();

    const exporter = panel(page, 'export');
    type PanelData = { periods: { label: string }[]; scopeNames: string[]; keyChoices: { key: string }[] };
    const data = () => (exporter as unknown as { instance: { data: PanelData } }).instance.data;
    expect(data().periods.map((p) => p.label)).toEqual(['月榜', '季榜', '年度得分', '累计']);
    expect(data().scopeNames).toEqual(['全部', '第一党支部']);
    expect(textOf(page, '.tabs')).toBe('党员导入导出');

    await emitFrom(exporter.querySelector('.export__period'), 'change', { value: 1 });
    const second = data().keyChoices[1].key;
    await emitFrom(exporter.querySelector('.export__key'), 'change', { value: 1 });
    await emitFrom(exporter.querySelector('.export__scope'), 'change', { value: 1 });
    await press(exporter.querySelector('.export__go'));
    await settle();
    await emitFrom(exporter.querySelector('.export__period'), 'change', { value: 2 });
    await emitFrom(exporter.querySelector('.export__key'), 'change', { value: '2025' });
    await press(exporter.querySelector('.export__go'));
    await settle();

    expect(ofAction(callFunction, 'admin.export').map((e) => e.payload)).toEqual([
      { period: 'quarter', key: second, scope: { branchId: 'u1' } },
      { period: 'cycle', key: '2025', scope: { branchId: 'u1' } },
    ]);
    expect(second).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('says in plain words what to do when the phone cannot open the sheet, and copies the link', async () => {
    stubApi({ 'members.list': ok(directory([])), 'admin.export': ok({ fileID: 'cloud://env/exports/board.xlsx', url: LINK }) });
    stubWx('downloadFile', (options: { fail: (e: unknown) => void }) => options.fail({ errMsg: 'downloadFile:fail' }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, ['#export', '.export__go']);
    await settle();
    await press(inside(page, '#export', '.export__copy'));

    const said = textIn(inside(page, '#export', '.export__error'));
    expect(said).toContain('这部手机打不开');
    expect(said).toContain('复制下载链接');
    expect(said).not.toMatch(/文件 ?ID|控制台|fileID|cloud:|http/);
    expect(argsOf(clipboard)).toEqual([expect.objectContaining({ data: LINK })]);
    warn.mockRestore();
  });
});

describe('管理 page: pull-down', () => {
  it('reloads the member list', async () => {
    const stop = stubWx('stopPullDownRefresh');
    const callFunction = stubApi({ 'members.list': ok(directory([aDirectoryMember()])) });
    const page = openPageAt(PAGE);
    await settle();

    await callPage(page, 'onPullDownRefresh');

    expect(ofAction(callFunction, 'members.list')).toHaveLength(2);
    expect(stop).toHaveBeenCalled();
  });
});
