import { aLedgerEntry } from './support/builders';
import { eventsOf, fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { callPage, emit, exists, openPage, settle, tap, textOf, textsOf, type RenderedPage } from './support/load';
import { aClaim, aDecision } from './support/records';
import { answerModal, argsOf, restoreWx, stubWx } from './support/wx';
import { consumeStale, markStale } from '../../miniprogram/services/stale';
import { emitFrom, inside, tapNode } from './support/page';

const PAGE = 'pages/ledger/index';

const entries = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => aLedgerEntry({ _id: `e${from + i}`, itemName: `项目${from + i}`, points: 10 }));

async function openClaims(page: RenderedPage): Promise<void> {
  await emit(page, '.tabs', 'change', { value: 'claims' });
}

afterEach(() => restoreWx());

describe('明细 page: ledger entries', () => {
  it('loads my ledger in one call and shows a loading state meanwhile', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPage(PAGE);

    expect(textOf(page, '.state')).toBe('加载中…');
    expect(eventsOf(callFunction)).toEqual([{ action: 'ledger.list', payload: {} }]);
  });

  it('lists entries with their points, newest first as the server sends them', async () => {
    stubApi({
      'ledger.list': ok({
        entries: [
          aLedgerEntry({ _id: 'e1', itemName: '参加市新联会会议', points: 20 }),
          aLedgerEntry({ _id: 'e2', itemName: '参加市新联会会议', points: -20, reverses: 'e0', note: '重复记入' }),
        ],
        cursor: null,
      }),
    });

    const page = openPage(PAGE);
    await settle();

    const rows = textsOf(page, '.entry');
    expect(rows[0]).toContain('+20');
    expect(rows[1]).toContain('冲正');
    expect(rows[1]).toContain('-20');
    expect(rows[1]).toContain('重复记入');
    expect(textOf(page, '.list-end')).toBe('没有更多了');
  });

  it('says how points get here when the ledger is empty, and offers to report', async () => {
    stubApi({ 'ledger.list': ok({ entries: [], cursor: null }) });
    const switchTab = stubWx('switchTab');

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.state')).toContain('还没有积分记录');
    await tap(page, ['.state', '.state-view__button']);
    expect(argsOf(switchTab)).toEqual([{ url: '/pages/report/index' }]);
  });

  it('shows the error with a retry, and offers to bind an unbound account instead', async () => {
    stubApi({ 'ledger.list': fail('NOT_BOUND', '请先绑定会员身份') });
    const navigateTo = stubWx('navigateTo');

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.state')).toBe('请先绑定会员身份去绑定');
    await tap(page, ['.state', '.state-view__button']);
    expect(argsOf(navigateTo)).toEqual([{ url: '/pages/bind/index' }]);
  });

  it('loads the next page with the cursor when scrolled to the bottom, once at a time', async () => {
    const callFunction = stubApi({
      'ledger.list': (payload) => ok(payload.cursor ? { entries: entries(5, 20), cursor: null } : { entries: entries(20), cursor: '20' }),
    });
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.list-end')).toBe('加载更多');

    await Promise.all([callPage(page, 'onReachBottom'), callPage(page, 'onReachBottom')]);

    expect(eventsOf(callFunction)).toEqual([
      { action: 'ledger.list', payload: {} },
      { action: 'ledger.list', payload: { cursor: '20' } },
    ]);
    expect(page.querySelectorAll('.entry')).toHaveLength(25);
    expect(textOf(page, '.list-end')).toBe('没有更多了');
    await callPage(page, 'onReachBottom');
    expect(callFunction).toHaveBeenCalledTimes(2);
  });

  it('keeps the list when the next page fails, and retries it on tap', async () => {
    let failNext = true;
    stubApi({
      'ledger.list': (payload) => {
        if (!payload.cursor) return ok({ entries: entries(20), cursor: '20' });
        if (failNext) {
          failNext = false;
          return fail('INTERNAL', '系统繁忙，请稍后重试');
        }
        return ok({ entries: entries(1, 20), cursor: null });
      },
    });
    const page = openPage(PAGE);
    await settle();

    await callPage(page, 'onReachBottom');
    expect(page.querySelectorAll('.entry')).toHaveLength(20);
    expect(textOf(page, '.more-error')).toBe('系统繁忙，请稍后重试，点击重试');

    await tap(page, '.more-error');
    expect(page.querySelectorAll('.entry')).toHaveLength(21);
  });

  it('reloads the tab shown on pull-down and stops the spinner', async () => {
    const callFunction = stubApi({ 'ledger.list': ok({ entries: entries(1), cursor: null }) });
    const stop = stubWx('stopPullDownRefresh');
    const page = openPage(PAGE);
    await settle();

    await callPage(page, 'onPullDownRefresh');

    expect(eventsOf(callFunction).map((e) => e.action)).toEqual(['ledger.list', 'ledger.list']);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});

describe('明细 page: disputing an entry (seeds/002 六(一)(2))', () => {
  const disputeRequests = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'objection.submit');
  // A dispute marks 我的申请 and 我的 stale; the next test's page starts fresh.
  afterEach(() => ['claims', 'home', 'ledger'].forEach((set) => consumeStale(set as 'claims')));

  it('offers to dispute an entry of mine, asks why, and says who will look at it', async () => {
    const callFunction = stubApi({
      'ledger.list': ok({ entries: [aLedgerEntry({ _id: 'e7', itemName: '学习强国未登录（每次）', points: -1.5 })], cursor: null }),
      'objection.submit': ok({ claim: aClaim({ waitingFor: { memberIds: ['c1'], label: '第一党支部支委委员' } }) }),
    });
    const sheet = stubWx('showActionSheet', async () => ({ tapIndex: 0, errMsg: 'showActionSheet:ok' }));
    const toast = stubWx('showToast');
    const page = openPage(PAGE);
    await settle();

    await tap(page, '.entry-tap');
    expect(argsOf(sheet)).toEqual([{ itemList: ['对这条记录提出异议'] }]);
    expect(page.instance.data.disputing).toEqual({ visible: true, entryId: 'e7', title: '对“学习强国未登录（每次）”提出异议' });

    await emitFrom(inside(page, '.dispute-dialog', '.reason'), 'change', { value: '10月每天都登录了，有截图' });
    await emitFrom(inside(page, '.dispute-dialog', '.dialog'), 'confirm');
    await settle();

    expect(disputeRequests(callFunction)).toEqual([
      { action: 'objection.submit', payload: { entryId: 'e7', reason: '10月每天都登录了，有截图' }, requestId: expect.any(String) },
    ]);
    expect(argsOf(toast)).toEqual([{ title: '已提交，由第一党支部支委委员研究', icon: 'none' }]);
    expect(page.instance.data.disputing.visible).toBe(false);
  });

  it('offers nothing on a reversal, and nothing is sent when the sheet is dismissed', async () => {
    const callFunction = stubApi({
      'ledger.list': ok({ entries: [aLedgerEntry({ _id: 'r1', points: -10, reverses: 'e0' }), aLedgerEntry({ _id: 'e2', points: 5 })], cursor: null }),
    });
    const sheet = stubWx('showActionSheet', async () => {
      throw new Error('showActionSheet:fail cancel');
    });
    const page = openPage(PAGE);
    await settle();

    await tapNode(page.querySelectorAll('.entry-tap')[0]);
    expect(sheet).not.toHaveBeenCalled();
    await tapNode(page.querySelectorAll('.entry-tap')[1]);
    expect(sheet).toHaveBeenCalledTimes(1);
    expect(page.instance.data.disputing.visible).toBe(false);
    expect(disputeRequests(callFunction)).toEqual([]);
  });

  it('says why the server refused, e.g. a quarter already final', async () => {
    stubApi({
      'ledger.list': ok({ entries: [aLedgerEntry({ _id: 'e3' })], cursor: null }),
      'objection.submit': fail('OUT_OF_WINDOW', '2026-Q2 季度已考评确定，不能再对其中的记录提出异议'),
    });
    stubWx('showActionSheet', async () => ({ tapIndex: 0, errMsg: 'showActionSheet:ok' }));
    const modal = stubWx('showModal');
    const page = openPage(PAGE);
    await settle();

    await tap(page, '.entry-tap');
    await emitFrom(inside(page, '.dispute-dialog', '.reason'), 'change', { value: '不是我' });
    await emitFrom(inside(page, '.dispute-dialog', '.dialog'), 'confirm');
    await settle();

    expect(argsOf(modal)).toEqual([{ title: '未能提交', content: '2026-Q2 季度已考评确定，不能再对其中的记录提出异议', showCancel: false }]);
  });
});

describe('明细 page: my claims', () => {
  it('loads my claims the first time the tab is opened', async () => {
    const callFunction = stubApi({ 'ledger.list': ok({ entries: [], cursor: null }), 'claim.mine': ok({ claims: [aClaim()], cursor: null }) });
    const page = openPage(PAGE);
    await settle();

    await openClaims(page);
    await openClaims(page);

    expect(eventsOf(callFunction)).toEqual([
      { action: 'ledger.list', payload: {} },
      { action: 'claim.mine', payload: {} },
    ]);
  });

  it('shows a pending claim with whom it waits for, and a way to withdraw it', async () => {
    stubApi({
      'ledger.list': ok({ entries: [], cursor: null }),
      'claim.mine': ok({
        claims: [aClaim({ itemName: '办实事（价值无法量化）', occurredOn: '2026-11-01', step: 'endorse', waitingFor: { memberIds: ['m9'], label: '东宝分会领导' } })],
        cursor: null,
      }),
    });
    const page = openPage(PAGE);
    await settle();
    await openClaims(page);

    expect(textOf(page, '.claim__item')).toBe('办实事（价值无法量化）');
    expect(textOf(page, '.claim__status')).toBe('审核中');
    expect(textOf(page, '.claim__meta')).toBe('2026年11月1日+10 分');
    expect(textOf(page, '.claim__waiting')).toBe('等待 东宝分会领导 初审');
    expect(exists(page, '.claim__withdraw')).toBe(true);
  });

  it('shows who decided what and why a claim was rejected, and no withdraw', async () => {
    stubApi({
      'ledger.list': ok({ entries: [], cursor: null }),
      'claim.mine': ok({
        claims: [
          aClaim({
            status: 'rejected',
            step: null,
            waitingFor: null,
            decisions: [
              aDecision({ step: 'endorse', byName: '东宝分会长', decision: 'approve', at: '2026-11-02T02:00:00.000Z' }),
              aDecision({ step: 'final', byName: '王会长', decision: 'reject', at: '2026-11-03T06:30:00.000Z', reason: '缺少活动照片' }),
            ],
          }),
        ],
        cursor: null,
      }),
    });
    const page = openPage(PAGE);
    await settle();
    await openClaims(page);

    expect(textOf(page, '.claim__status')).toBe('未通过');
    expect(textsOf(page, '.claim__decision')).toEqual(['2026-11-02 10:00 初审 东宝分会长 同意', '2026-11-03 14:30 终审 王会长 驳回理由：缺少活动照片']);
    expect(exists(page, '.claim__withdraw')).toBe(false);
    expect(exists(page, '.claim__waiting')).toBe(false);
  });

  it('withdraws a pending claim after confirmation, with a requestId, and shows it withdrawn', async () => {
    const pending = aClaim({ _id: 'c7' });
    const callFunction = stubApi({
      'ledger.list': ok({ entries: [], cursor: null }),
      'claim.mine': ok({ claims: [pending], cursor: null }),
      'claim.withdraw': ok({ claim: { ...pending, status: 'withdrawn', step: null, waitingFor: null } }),
    });
    const modal = answerModal(true);
    const page = openPage(PAGE);
    await settle();
    await openClaims(page);

    await tap(page, '.claim__withdraw');
    await settle();

    expect(argsOf(modal)[0]).toMatchObject({ title: '撤回申请' });
    const withdraw = eventsOf(callFunction).find((e) => e.action === 'claim.withdraw')!;
    expect(withdraw.payload).toEqual({ claimId: 'c7' });
    expect(withdraw.requestId).toMatch(/^[0-9a-z]+-[0-9a-z]{16}$/);
    expect(textOf(page, '.claim__status')).toBe('已撤回');
    expect(exists(page, '.claim__withdraw')).toBe(false);
  });

  it('does not withdraw when the confirmation is cancelled', async () => {
    const callFunction = stubApi({ 'ledger.list': ok({ entries: [], cursor: null }), 'claim.mine': ok({ claims: [aClaim()], cursor: null }) });
    answerModal(false);
    const page = openPage(PAGE);
    await settle();
    await openClaims(page);

    await tap(page, '.claim__withdraw');
    await settle();

    expect(eventsOf(callFunction).map((e) => e.action)).not.toContain('claim.withdraw');
    expect(textOf(page, '.claim__status')).toBe('审核中');
  });

  it("says why a withdrawal failed when the claim was decided meanwhile, and shows where it stands", async () => {
    const pending = aClaim({ _id: 'c7' });
    let decided = false;
    stubApi({
      'ledger.list': ok({ entries: [], cursor: null }),
      'claim.mine': () => ok({ claims: [decided ? { ...pending, status: 'approved', step: null, waitingFor: null } : pending], cursor: null }),
      'claim.withdraw': () => {
        decided = true;
        return fail('CONFLICT', '该申请已处理，不能撤回');
      },
    });
    const modal = stubWx('showModal', async ({ title }: { title: string }) => ({ confirm: title === '撤回申请', cancel: false }));
    const page = openPage(PAGE);
    await settle();
    await openClaims(page);

    await tap(page, '.claim__withdraw');
    await settle();

    expect(argsOf(modal)[1]).toMatchObject({ title: '撤回失败', content: '该申请已处理，不能撤回' });
    expect(textOf(page, '.claim__status')).toBe('已通过');
  });

  it('opens my claims, fresh, when shown after a claim was submitted', async () => {
    const callFunction = stubApi({ 'ledger.list': ok({ entries: [], cursor: null }), 'claim.mine': ok({ claims: [aClaim()], cursor: null }) });
    const page = openPage(PAGE);
    await settle();

    markStale('claims');
    await callPage(page, 'onShow');

    expect(eventsOf(callFunction).map((e) => e.action)).toEqual(['ledger.list', 'claim.mine']);
    expect(textOf(page, '.claim__status')).toBe('审核中');
    await callPage(page, 'onShow');
    expect(callFunction).toHaveBeenCalledTimes(2);
  });

  it('starts on my claims, with one call, when first opened after a submission', async () => {
    const callFunction = stubApi({ 'claim.mine': ok({ claims: [aClaim()], cursor: null }) });
    markStale('claims');

    const page = openPage(PAGE);
    await settle();
    await callPage(page, 'onShow');

    expect(eventsOf(callFunction)).toEqual([{ action: 'claim.mine', payload: {} }]);
    expect(textOf(page, '.claim__status')).toBe('审核中');
  });

  it('previews the evidence photos of a claim', async () => {
    stubApi({
      'ledger.list': ok({ entries: [], cursor: null }),
      'claim.mine': ok({
        claims: [aClaim({ _id: 'c1', evidence: ['cloud://env/a.jpg', 'cloud://env/b.jpg'], evidenceUrls: ['https://tcb/a.jpg?sign=1', 'https://tcb/b.jpg?sign=2'] })],
        cursor: null,
      }),
    });
    const previewImage = stubWx('previewImage');
    const page = openPage(PAGE);
    await settle();
    await openClaims(page);

    page.querySelectorAll('.claim__photo')[1].dispatchEvent('tap');
    await settle();

    expect(argsOf(previewImage)).toEqual([{ urls: ['https://tcb/a.jpg?sign=1', 'https://tcb/b.jpg?sign=2'], current: 'https://tcb/b.jpg?sign=2' }]);
  });
});
