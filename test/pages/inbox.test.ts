import type { ApiEvent } from '../../typings/api';
import { eventsOf, fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { aCatalog, aMember, jingmenTerms } from './support/builders';
import { callPage, emit, settle, tap, textOf } from './support/load';
import { emitFrom, inside, openPageAt, press, tapNode, textIn } from './support/page';
import { aDecision, aLine, anInboxClaim, anItem } from './support/records';
import { answerModal, argsOf, memoryStorage, restoreWx, stubWx } from './support/wx';
import { settleEach } from '../../miniprogram/pages/inbox/batch';
import { endorsementBounds } from '../../miniprogram/pages/inbox/endorsement';
import { waitingInWords } from '../../miniprogram/components/claim-card/claim-view';

// The review template must be configured for the prompt to appear (config.ts ships it empty).
jest.mock('../../miniprogram/config', () => ({
  CLOUD_ENV: 'test-env',
  SUBSCRIBE_TEMPLATES: { claimAwaitingReview: 'tmpl-review', claimDecided: 'tmpl-decided' },
}));

const PAGE = 'pages/inbox/index';

type Page = ReturnType<typeof openPageAt>;

function decisionsOf(callFunction: jest.Mock): ApiEvent<'claim.decide'>[] {
  return eventsOf(callFunction).filter((event): event is ApiEvent<'claim.decide'> => event.action === 'claim.decide');
}

function cards(page: Page) {
  return page.querySelectorAll('.inbox-claim');
}

function cardOf(page: Page, index: number) {
  const card = cards(page)[index];
  if (!card) throw new Error(`no card ${index}`);
  return card;
}

function decided(claimId: string, status: 'approved' | 'rejected' | 'pending' = 'approved') {
  return ok({ claim: anInboxClaim({ _id: claimId, status, step: status === 'pending' ? 'final' : null }) });
}

let toast: jest.Mock;
let subscribe: jest.Mock;

beforeEach(() => {
  memoryStorage();
  toast = stubWx('showToast');
  subscribe = stubWx('requestSubscribeMessage');
  stubWx('stopPullDownRefresh');
  stubWx('pageScrollTo');
});

afterEach(() => restoreWx());

describe('审批 page: the list', () => {
  it('shows a loading state and costs one cloud call for its first screen', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPageAt(PAGE);

    expect(textOf(page, '.state')).toBe('加载中…');
    expect(eventsOf(callFunction)).toEqual([{ action: 'inbox.list', payload: {} }]);
  });

  it('says so when nothing waits for the caller', async () => {
    stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [], cursor: null }) });

    const page = openPageAt(PAGE);
    await settle();

    expect(textOf(page, '.state')).toBe('暂无待审批事项');
    expect(cards(page)).toHaveLength(0);
  });

  it("shows the server's message and loads again on retry", async () => {
    const callFunction = stubApi({ 'inbox.list': fail('NOT_BOUND', '请先绑定会员身份') });
    const page = openPageAt(PAGE);
    await settle();
    expect(textOf(page, '.state')).toBe('请先绑定会员身份重试');

    await tap(page, ['.state', '.state-view__button']);

    expect(eventsOf(callFunction).map((e) => e.action)).toEqual(['inbox.list', 'inbox.list']);
  });

  it('shows claimant and branch first, then item, points, date, note, earlier decisions and, in plain words, whose decision it waits for', async () => {
    stubApi({
      'inbox.list': ok({
        terms: jingmenTerms(),
        claims: [
          anInboxClaim({
            createdByName: '李四',
            createdByBranchName: '东宝分会',
            itemName: '办实事（价值无法量化）',
            lines: [aLine({ points: 8 })],
            occurredOn: '2026-11-01',
            note: '为社区老人义诊',
            step: 'final',
            waitingFor: { memberIds: ['member-1', 'member-2'], label: '秘书长' },
            decisions: [aDecision({ byName: '王会长', points: 8 })],
          }),
        ],
        cursor: null,
      }),
    });

    const page = openPageAt(PAGE);
    await settle();

    const card = cardOf(page, 0);
    expect(textIn(card.querySelector('.claim-card__creator'))).toBe('李四');
    expect(textIn(card.querySelector('.claim-card__unit'))).toBe('东宝分会 · 自行申报');
    expect(textIn(card.querySelector('.claim-card__item'))).toBe('办实事（价值无法量化）');
    expect(textIn(card.querySelector('.claim-card__points'))).toBe('8 分');
    expect(textIn(card.querySelector('.claim-card__date'))).toBe('发生日期 2026-11-01');
    expect(textIn(card.querySelector('.claim-card__note'))).toBe('为社区老人义诊');
    expect(textIn(card.querySelector('.claim-card__waiting'))).toBe('请您终审（另有 1 人也可终审，一人终审即可），通过后积分入账');
    expect(textIn(card.querySelector('.claim-card__decision'))).toBe('王会长 初审同意（定为 8 分）');
  });

  it('sums the lines of a collective event and lists them one by one on demand', async () => {
    stubApi({
      'inbox.list': ok({
        terms: jingmenTerms(),
        claims: [
          anInboxClaim({
            kind: 'award',
            createdByName: '王会长',
            lines: [
              aLine({ memberId: 'a', memberName: '张三', itemName: '参加分会会议', points: 10 }),
              aLine({ memberId: 'a', memberName: '张三', itemName: '在分会会议上发言（额外）', points: 5 }),
              aLine({ memberId: 'b', memberName: '李四', itemName: '参加分会会议', points: 10 }),
            ],
          }),
        ],
        cursor: null,
      }),
    });
    const page = openPageAt(PAGE);
    await settle();
    const card = cardOf(page, 0);

    expect(textIn(card.querySelector('.claim-card__points'))).toBe('25 分');
    expect(card.querySelectorAll('.claim-card__line')).toHaveLength(0);

    await tapNode(card.querySelector('.claim-card__lines-toggle'));

    expect(card.querySelectorAll('.claim-card__line')).toHaveLength(3);
    expect(textIn(card.querySelectorAll('.claim-card__line')[1])).toContain('在分会会议上发言（额外）');
  });

  it('shows and previews the evidence photos through the short-lived URLs the server gave, all of them swipeable', async () => {
    const preview = stubWx('previewImage');
    const evidence = ['cloud://env.1/a.jpg', 'cloud://env.1/b.jpg'];
    const evidenceUrls = ['https://env.tcb.qcloud.la/a.jpg?sign=1', 'https://env.tcb.qcloud.la/b.jpg?sign=2'];
    stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ evidence, evidenceUrls })], cursor: null }) });
    const page = openPageAt(PAGE);
    await settle();

    const thumbs = cardOf(page, 0).querySelectorAll('.claim-card__thumb');
    expect(thumbs).toHaveLength(2);
    await tapNode(thumbs[1]);

    expect(argsOf(preview)).toEqual([{ current: evidenceUrls[1], urls: evidenceUrls }]);
  });

  it('warns the reviewer of a repeated deed and of a line not counted, and shows the claim’s total', async () => {
    const lines = [
      aLine({ memberName: '张三', itemName: '参加分会会议', points: 10, duplicateOf: 'entry-1' }),
      aLine({ memberName: '李四', itemName: '参加分会会议', points: 10, excluded: '已退出本会，不计入（第十七条）' }),
      aLine({ memberName: '王五', itemName: '参加分会会议', points: 10 }),
    ];
    stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ kind: 'award', lines, total: 20 })], cursor: null }) });
    const page = openPageAt(PAGE);
    await settle();

    const card = cardOf(page, 0);
    expect(card.querySelectorAll('.claim-card__warning').map((n) => textIn(n))).toEqual([
      '张三：同一天已有“参加分会会议”的积分记录或申请，请核实是否重复（仍可通过）',
      '李四：已退出本会，不计入（第十七条）',
    ]);
    expect(textIn(card.querySelector('.claim-card__points'))).toBe('20 分');
  });

  it('loads the next page with the cursor when scrolled to the bottom', async () => {
    const callFunction = stubApi({
      'inbox.list': (payload) =>
        payload.cursor === 'next'
          ? ok({ terms: jingmenTerms(), claims: [anInboxClaim({ _id: 'claim-2' })], cursor: null })
          : ok({ terms: jingmenTerms(), claims: [anInboxClaim({ _id: 'claim-1' })], cursor: 'next' }),
    });
    const page = openPageAt(PAGE);
    await settle();

    await callPage(page, 'onReachBottom');

    expect(eventsOf(callFunction)[1]).toEqual({ action: 'inbox.list', payload: { cursor: 'next' } });
    expect(cards(page)).toHaveLength(2);
    expect(textOf(page, '.list-end')).toBe('没有更多了');
  });

  it('reloads on pull-down and stops the refresh indicator', async () => {
    const stop = stubWx('stopPullDownRefresh');
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }) });
    const page = openPageAt(PAGE);
    await settle();

    await callPage(page, 'onPullDownRefresh');

    expect(eventsOf(callFunction)).toHaveLength(2);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('highlights and scrolls to the claim a subscription message named', async () => {
    const scroll = stubWx('pageScrollTo');
    stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ _id: 'claim-1' }), anInboxClaim({ _id: 'claim-7' })], cursor: null }) });

    const page = openPageAt(PAGE, { claimId: 'claim-7' });
    await settle();

    expect(page.instance.data.highlightId).toBe('claim-7');
    expect(argsOf(scroll)).toEqual([{ selector: '#claim-claim-7', duration: 300 }]);
  });
});

describe('审批 page: deciding', () => {
  it('approves with one tap: { claimId, decision: approve } with a request id, then the card leaves with a toast', async () => {
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ _id: 'claim-1' })], cursor: null }), 'claim.decide': decided('claim-1') });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__approve'));
    await settle();

    const [decision] = decisionsOf(callFunction);
    expect(decision.payload).toEqual({ claimId: 'claim-1', decision: 'approve' });
    expect(decision.requestId).toEqual(expect.stringMatching(/\S{8,}/));
    expect(cards(page)).toHaveLength(0);
    expect(argsOf(toast)).toContainEqual({ title: '已通过', icon: 'success' });
  });

  it('sends one decision when approve is tapped twice in a row', async () => {
    let answer: () => void = () => undefined;
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }) });
    callFunction.mockImplementation(async ({ data }) => {
      const event = data as ApiEvent;
      if (event.action === 'inbox.list') return { result: ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }), errMsg: 'ok' };
      await new Promise<void>((resolve) => (answer = resolve));
      return { result: decided('claim-1'), errMsg: 'ok' };
    });
    const page = openPageAt(PAGE);
    await settle();

    const approve = cardOf(page, 0).querySelector('.claim-card__approve');
    await tapNode(approve);
    await tapNode(approve);
    answer();
    await settle();

    expect(decisionsOf(callFunction)).toHaveLength(1);
  });

  it('retries a decision whose answer was lost with the same request id', async () => {
    let attempts = 0;
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }) });
    callFunction.mockImplementation(async ({ data }) => {
      const event = data as ApiEvent;
      if (event.action === 'inbox.list') return { result: ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }), errMsg: 'ok' };
      attempts += 1;
      if (attempts === 1) throw new Error('cloud.callFunction:fail timeout');
      return { result: decided('claim-1'), errMsg: 'ok' };
    });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__approve'));
    await settle();
    expect(textIn(cardOf(page, 0).querySelector('.claim-card__failure'))).toBe('网络异常，请稍后重试');
    await tapNode(cardOf(page, 0).querySelector('.claim-card__approve'));
    await settle();

    const [first, second] = decisionsOf(callFunction);
    expect(second.requestId).toBe(first.requestId);
    expect(cards(page)).toHaveLength(0);
  });

  it("keeps the card with the server's reason when someone else decided it first", async () => {
    stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }), 'claim.decide': fail('CONFLICT', '该申请刚被他人处理，请刷新后查看') });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__approve'));
    await settle();

    expect(textIn(cardOf(page, 0).querySelector('.claim-card__failure'))).toBe('该申请刚被他人处理，请刷新后查看');
    expect(argsOf(toast)).toContainEqual({ title: '该申请刚被他人处理，请刷新后查看', icon: 'none' });
  });

  it('refuses to reject without a reason, locally', async () => {
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }) });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__reject'));
    expect(page.instance.data.reject.visible).toBe(true);
    await emitFrom(inside(page, '.reject-dialog', '.reason'), 'change', { value: '   ' });
    await emitFrom(inside(page, '.reject-dialog', '.dialog'), 'confirm');

    expect(textIn(inside(page, '.reject-dialog', '.reason-dialog__error'))).toBe('请选择或写明理由');
    expect(decisionsOf(callFunction)).toHaveLength(0);
    expect(page.instance.data.reject.visible).toBe(true);
  });

  it('offers the common reasons to tap, titled with the claimant, and sends those tapped before the words written', async () => {
    const callFunction = stubApi({
      'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ createdByName: '李四' })], cursor: null }),
      'claim.decide': decided('claim-1', 'rejected'),
    });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__reject'));
    const presets = page.querySelector('.reject-dialog')!.querySelectorAll('.reason-dialog__preset');
    expect(presets.map((n) => textIn(n))).toEqual(['证明材料不全', '照片看不清', '不符合该项目标准', '日期不符', '重复申报']);
    expect(page.instance.data.reject.title).toBe('驳回李四的申请');
    await tapNode(presets[3]);
    await tapNode(presets[0]);
    await emitFrom(inside(page, '.reject-dialog', '.reason'), 'change', { value: ' 请补上活动通知 ' });
    await emitFrom(inside(page, '.reject-dialog', '.dialog'), 'confirm');
    await settle();

    expect(decisionsOf(callFunction).map((e) => e.payload)).toEqual([
      { claimId: 'claim-1', decision: 'reject', reason: '证明材料不全；日期不符；请补上活动通知' },
    ]);
  });

  it('rejects with the reason given', async () => {
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }), 'claim.decide': decided('claim-1', 'rejected') });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__reject'));
    await emitFrom(inside(page, '.reject-dialog', '.reason'), 'change', { value: ' 照片与事由不符 ' });
    await emitFrom(inside(page, '.reject-dialog', '.dialog'), 'confirm');
    await settle();

    expect(decisionsOf(callFunction).map((e) => e.payload)).toEqual([{ claimId: 'claim-1', decision: 'reject', reason: '照片与事由不符' }]);
    expect(cards(page)).toHaveLength(0);
    expect(argsOf(toast)).toContainEqual({ title: '已驳回', icon: 'none' });
  });

  it('asks once, on the first tap, to allow review messages, and never again', async () => {
    const storage = memoryStorage();
    stubApi({
      'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ _id: 'claim-1' }), anInboxClaim({ _id: 'claim-2' })], cursor: null }),
      'claim.decide': (payload) => decided(payload.claimId),
    });
    const page = openPageAt(PAGE);
    await settle();
    expect(subscribe).not.toHaveBeenCalled();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__approve'));
    await settle();
    await tapNode(cardOf(page, 0).querySelector('.claim-card__reject'));

    expect(argsOf(subscribe)).toEqual([expect.objectContaining({ tmplIds: ['tmpl-review'] })]);
    expect(storage.size).toBe(1);

    const again = openPageAt(PAGE);
    await settle();
    await tapNode(cardOf(again, 0).querySelector('.claim-card__approve'));
    expect(subscribe).toHaveBeenCalledTimes(1);
  });

  it('decides even when the subscription prompt is refused', async () => {
    subscribe.mockImplementation((options: { fail?: (e: unknown) => void }) => options.fail?.({ errMsg: 'requestSubscribeMessage:fail cancel' }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }), 'claim.decide': decided('claim-1') });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__approve'));
    await settle();

    expect(decisionsOf(callFunction)).toHaveLength(1);
    warn.mockRestore();
  });
});

describe('审批 page: batch approval', () => {
  it('sends one claim.decide per selected claim, and only for those', async () => {
    answerModal(true);
    const callFunction = stubApi({
      'inbox.list': ok({ terms: jingmenTerms(), claims: ['c1', 'c2', 'c3'].map((_id) => anInboxClaim({ _id })), cursor: null }),
      'claim.decide': (payload) => decided(payload.claimId),
    });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__select'));
    await tapNode(cardOf(page, 2).querySelector('.claim-card__select'));
    expect(textOf(page, '.batch-count')).toBe('已选 2 件');
    await tap(page, '.batch-approve');
    await settle();

    const decisions = decisionsOf(callFunction);
    expect(decisions.map((e) => e.payload)).toEqual([
      { claimId: 'c1', decision: 'approve' },
      { claimId: 'c3', decision: 'approve' },
    ]);
    expect(new Set(decisions.map((e) => e.requestId)).size).toBe(2);
    expect(page.instance.data.claims.map((c: { _id: string }) => c._id)).toEqual(['c2']);
  });

  it('asks before a batch approval how many points the selected claims post, and how many may repeat a deed', async () => {
    const modal = answerModal(false);
    stubApi({
      'inbox.list': ok({
        terms: jingmenTerms(),
        claims: [
          anInboxClaim({ _id: 'c1', lines: [aLine({ points: 10 })] }),
          anInboxClaim({ _id: 'c2', lines: [aLine({ points: 20, duplicateOf: 'entry-7' })] }),
        ],
        cursor: null,
      }),
    });
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, '.select-all');
    await tap(page, '.batch-approve');
    await settle();

    expect(argsOf<{ content: string }>(modal)[0].content).toBe('确认通过选中的 2 件申请，合计 30 分？其中 1 件可能与已有积分重复。');
  });

  it('shows which claims did not go through and why, and keeps them', async () => {
    const modal = answerModal(true);
    stubApi({
      'inbox.list': ok({
        terms: jingmenTerms(),
        claims: [anInboxClaim({ _id: 'c1', createdByName: '张三' }), anInboxClaim({ _id: 'c2', createdByName: '李四', itemName: '书面建言献策' })],
        cursor: null,
      }),
      'claim.decide': (payload) => (payload.claimId === 'c2' ? fail('CONFLICT', '该申请刚被他人处理，请刷新后查看') : decided(payload.claimId)),
    });
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, '.select-all');
    await tap(page, '.batch-approve');
    await settle();

    expect(cards(page)).toHaveLength(1);
    expect(textIn(cardOf(page, 0).querySelector('.claim-card__failure'))).toBe('该申请刚被他人处理，请刷新后查看');
    const report = argsOf<{ title: string; content: string }>(modal)[1];
    expect(report.title).toBe('已通过 1 件，1 件未通过');
    expect(report.content).toBe('李四 · 书面建言献策：该申请刚被他人处理，请刷新后查看');
  });

  it('selects all 40 waiting claims with one tap, loading the page not shown yet, and approves them after one confirm', async () => {
    const modal = answerModal(true);
    const waiting = Array.from({ length: 40 }, (_, i) => anInboxClaim({ _id: `c${i + 1}`, lines: [aLine({ points: i < 30 ? 5 : 10 })] }));
    const callFunction = stubApi({
      'inbox.list': (payload) => ok({ terms: jingmenTerms(), ...(payload.cursor === '20' ? { claims: waiting.slice(20), cursor: null } : { claims: waiting.slice(0, 20), cursor: '20' }) }),
      'claim.decide': (payload) => decided(payload.claimId),
    });
    const page = openPageAt(PAGE);
    await settle();
    expect(cards(page)).toHaveLength(20);

    await tap(page, '.select-all');
    await settle();

    expect(cards(page)).toHaveLength(40);
    expect(textOf(page, '.batch-count')).toBe('已选 40 件');
    expect(textOf(page, '.batch-points')).toBe('合计 250 分');
    await tap(page, '.batch-approve');
    await settle();

    expect(argsOf<{ content: string }>(modal)[0].content).toBe('确认通过选中的 40 件申请，合计 250 分？');
    expect(decisionsOf(callFunction)).toHaveLength(40);
    expect(cards(page)).toHaveLength(0);
    expect(argsOf(toast)).toContainEqual({ title: '已通过 40 件', icon: 'success' });
  });

  it('clears the selection on a second tap of 全选', async () => {
    stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ _id: 'c1' }), anInboxClaim({ _id: 'c2' })], cursor: null }) });
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, '.select-all');
    expect(textOf(page, '.batch-count')).toBe('已选 2 件');
    await tap(page, '.select-all');
    expect(textOf(page, '.batch-count')).toBe('已选 0 件');
  });

  it('sends nothing when the batch is not confirmed', async () => {
    answerModal(false);
    const callFunction = stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim()], cursor: null }) });
    const page = openPageAt(PAGE);
    await settle();

    await tap(page, '.select-all');
    await tap(page, '.batch-approve');

    expect(decisionsOf(callFunction)).toHaveLength(0);
  });
});

describe('审批 page: an endorser setting the value of a range item', () => {
  const rangeClaim = anInboxClaim({ _id: 'claim-1', itemId: 'deed.unquantified', lines: [aLine({ points: 8 })], input: { points: 8 }, discretionary: 8 });

  function contextStubs(authority: number) {
    return {
      'inbox.list': ok({ terms: jingmenTerms(), claims: [rangeClaim], cursor: null }),
      'catalog.get': ok({
        ...aCatalog(),
        version: 1,
        effectiveFrom: '2026-01-01',
        items: [anItem({ id: 'deed.unquantified', range: [1, 20] })],
        claimsWindowDays: 90,
        selfReportMax: 10,
        viewer: { memberId: aMember()._id, authority, roles: ['branch_president' as const], can: { review: true, award: true, record: false, sign: false }, selfReportRefusal: null },
      }),
      'claim.decide': decided('claim-1', 'pending'),
    };
  }

  it('fetches authority and range only on the first adjust tap, and bounds the stepper by both', async () => {
    const callFunction = stubApi(contextStubs(5));
    const page = openPageAt(PAGE);
    await settle();
    expect(eventsOf(callFunction)).toHaveLength(1);

    await tapNode(cardOf(page, 0).querySelector('.claim-card__adjust'));
    await settle();

    expect(eventsOf(callFunction).map((e) => e.action).sort()).toEqual(['catalog.get', 'inbox.list']);
    expect(page.instance.data.adjust).toMatchObject({ visible: true, min: 1, max: 5, value: 5 });
  });

  it('refuses a value beyond the bounds and sends the chosen one with approve', async () => {
    const callFunction = stubApi(contextStubs(10));
    const page = openPageAt(PAGE);
    await settle();
    await tapNode(cardOf(page, 0).querySelector('.claim-card__adjust'));
    await settle();

    await emit(page, '.adjust-points', 'change', { value: 12 });
    expect(textOf(page, '.dialog-error')).toBe('分值应为 1–10 之间的整数');
    await emit(page, '.adjust-points', 'change', { value: 6 });
    await emit(page, '.adjust-dialog', 'confirm');
    await settle();

    const [decision] = decisionsOf(callFunction);
    expect(decision.payload).toEqual({ claimId: 'claim-1', decision: 'approve', points: 6 });
    expect(argsOf(toast)).toContainEqual({ title: '已通过，转终审', icon: 'success' });
  });

  it('takes the authority from the page options instead of asking me.get', async () => {
    const callFunction = stubApi(contextStubs(10));
    const page = openPageAt(PAGE, { authority: '2' });
    await settle();

    await tapNode(cardOf(page, 0).querySelector('.claim-card__adjust'));
    await settle();

    expect(eventsOf(callFunction).map((e) => e.action)).not.toContain('me.get');
    expect(page.instance.data.adjust).toMatchObject({ min: 1, max: 2, value: 2 });
  });

  it('offers no adjustment at final review', async () => {
    stubApi({ 'inbox.list': ok({ terms: jingmenTerms(), claims: [anInboxClaim({ step: 'final' })], cursor: null }) });
    const page = openPageAt(PAGE);
    await settle();

    expect(inside(page, '.inbox-claim', '.claim-card__approve')).toBeDefined();
    expect(inside(page, '.inbox-claim', '.claim-card__adjust')).toBeUndefined();
  });
});

describe('the rules behind the inbox', () => {
  it('keeps at most the given number of decisions in flight, and reports each outcome in order', async () => {
    let inFlight = 0;
    let most = 0;
    const outcomes = await settleEach(['a', 'b', 'c', 'd', 'e'], 2, async (id) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      if (id === 'c') throw new Error('conflict');
      return id.toUpperCase();
    });

    expect(most).toBe(2);
    expect(outcomes.map((o) => (o.ok ? o.value : 'failed'))).toEqual(['A', 'B', 'failed', 'D', 'E']);
  });

  it('says whose decision a claim waits for and what follows in plain words, never an authority band (第十四条、第十五条)', () => {
    const waiting = (memberIds: string[]) => ({ memberIds, label: '东宝分会领导（奖分权限≥10分）' });
    expect(waitingInWords(anInboxClaim({ step: 'endorse', waitingFor: waiting(['me', 'a', 'b']), decisions: [] }))).toBe(
      '请您初审（另有 2 人也可初审，一人初审即可），通过后交终审',
    );
    expect(waitingInWords(anInboxClaim({ kind: 'award', step: 'final', waitingFor: waiting(['me']), decisions: [] }))).toBe('请您审核，通过后积分入账');
    expect(waitingInWords(anInboxClaim({ kind: 'objection', step: 'final', waitingFor: waiting(['me']), decisions: [aDecision()] }))).toBe('请您终审，通过即采纳异议');
  });

  it('bounds an endorsed value by the item range and the endorser authority (第十五条)', () => {
    expect(endorsementBounds(anItem({ kind: 'range', range: [5, 10] }), 2)).toBeNull();
    expect(endorsementBounds(anItem({ kind: 'range', range: [5, 10] }), 7)).toEqual({ min: 5, max: 7 });
    expect(endorsementBounds(anItem({ kind: 'discretionary', range: undefined }), 5)).toEqual({ min: 1, max: 5 });
    expect(endorsementBounds(anItem({ kind: 'fixed', points: 20, range: undefined }), 10)).toBeNull();
  });
});
