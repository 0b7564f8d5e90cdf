
import { aLedgerEntry } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { exists, settle, textOf, textsOf } from './support/load';
import { openPageAt } from './support/page';
import { argsOf, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/member-ledger/index';


afterEach(() => restoreWx());

describe('a member’s 明细 opened by a leader', () => {
  it('asks for that member’s ledger in one call and is titled with their name', async () => {
    const setTitle = stubWx('setNavigationBarTitle');
    const callFunction = stubApi({
      'ledger.list': ok({ entries: [aLedgerEntry({ _id: 'e1', memberId: 'm-ma', itemName: '参加分会会议', points: 10 })], cursor: null }),
    });

    const page = openPageAt(PAGE, { memberId: 'm-ma', name: encodeURIComponent('马丽') });
    await settle();

    expect(eventsOf(callFunction)).toEqual([{ action: 'ledger.list', payload: { memberId: 'm-ma' } }]);
    expect(argsOf(setTitle)).toEqual([{ title: '马丽的积分明细' }]);
    expect(textsOf(page, '.entry')[0]).toContain('参加分会会议');
    expect(textOf(page, '.list-end')).toBe('没有更多了');
  });

  it('loads more of the member’s entries at the bottom, with the cursor', async () => {
    stubWx('setNavigationBarTitle');
    const pages: Record<string, ReturnType<typeof aLedgerEntry>[]> = {
      first: Array.from({ length: 20 }, (_, i) => aLedgerEntry({ _id: `e${i}` })),
      next: [aLedgerEntry({ _id: 'e20', itemName: '书面建言献策' })],
    };
    const callFunction = stubApi({
      'ledger.list': ({ cursor }) => ok(cursor ? { entries: pages.next, cursor: null } : { entries: pages.first, cursor: 'c20' }),
    });
    const page = openPageAt(PAGE, { memberId: 'm-ma', name: '马丽' });
    await settle();

    (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await settle();

    expect(eventsOf(callFunction)[1]).toEqual({ action: 'ledger.list', payload: { memberId: 'm-ma', cursor: 'c20' } });
    expect(textsOf(page, '.entry')).toHaveLength(21);
  });

  it('shows the server’s plain refusal to someone who may not read it, with no retry', async () => {
    stubWx('setNavigationBarTitle');
    stubApi({ 'ledger.list': fail('FORBIDDEN', '您可以查看自己和东宝分会会员的积分明细；陈明不是东宝分会会员，其明细请向市新联会领导或秘书处查询') });

    const page = openPageAt(PAGE, { memberId: 'm-chen', name: '陈明' });
    await settle();

    expect(textOf(page, '.refusal')).toBe('您可以查看自己和东宝分会会员的积分明细；陈明不是东宝分会会员，其明细请向市新联会领导或秘书处查询');
    expect(textOf(page, '.refusal')).not.toContain('重试');
    expect(exists(page, '.entry')).toBe(false);
  });

  it('says whose 明细 is missing when opened with no member, without calling', async () => {
    stubWx('setNavigationBarTitle');
    const callFunction = stubApi({});

    const page = openPageAt(PAGE, {});
    await settle();

    expect(callFunction).not.toHaveBeenCalled();
    expect(textOf(page, '.refusal')).toBe('没有指定要查看谁的积分明细，请从成员名单中打开');
  });

  it('offers a retry when the network fails', async () => {
    stubWx('setNavigationBarTitle');
    stubApi({ 'ledger.list': fail('INTERNAL', '服务暂时不可用，请稍后重试') });

    const page = openPageAt(PAGE, { memberId: 'm-ma', name: '马丽' });
    await settle();

    expect(textOf(page, '.state')).toContain('重试');
  });
});
