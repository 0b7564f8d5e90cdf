import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { emit, exists, settle, textOf, textsOf } from './support/load';
import { openPageAt, press, tapNode } from './support/page';
import { aListing } from './support/shop';
import { answerModal, restoreWx, stubWx } from './support/wx';
import { rewardInputOf } from '../../miniprogram/pages/shop/reward-form';
import type { Reward } from '../../typings/api';

const PAGE = 'pages/shop/index';

const saves = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'shop.reward.save').map((e) => e.payload);
const saved = (payload: Partial<Reward>): Reward => ({ _id: 'reward-new', name: '', cost: 1, stock: 0, keeper: '', active: true, updatedAt: '2026-11-30T02:00:00.000Z', ...payload });

beforeEach(() => {
  stubWx('showToast');
});

afterEach(() => {
  restoreWx();
});

async function openAsManager(stubs: Parameters<typeof stubApi>[0] = {}) {
  const callFunction = stubApi({ 'shop.list': ok(aListing({ manager: true })), 'shop.reward.save': (input) => ok({ reward: saved(input) }), ...stubs });
  const page = openPageAt(PAGE);
  await settle();
  return { page, callFunction };
}

const field = (page: Awaited<ReturnType<typeof openAsManager>>['page'], name: string, value: string) => emit(page, ['.reward-editor', `.editor__${name}`], 'change', { value });

describe('the rewards of the 积分超市, kept by its managers (S2)', () => {
  it('adds a reward with its price in points, its stock and who keeps it, then shows the shelf again', async () => {
    const { page, callFunction } = await openAsManager();
    await press(page.querySelector('.add-reward'));
    expect(textOf(page, ['.reward-editor', '.editor__title'])).toBe('新增商品');
    await field(page, 'name', ' 香皂 ');
    await field(page, 'cost', '5');
    await field(page, 'stock', '100');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));

    expect(saves(callFunction)).toEqual([{ name: '香皂', cost: 5, stock: 100, keeper: '村口便民超市' }]);
    expect(eventsOf(callFunction).filter((e) => e.action === 'shop.list')).toHaveLength(2);
    expect((page.instance.data as { editing: unknown }).editing).toBeNull();
  });

  it('changes a reward’s stock, and withdraws one after a confirmation', async () => {
    answerModal(true);
    const { page, callFunction } = await openAsManager();
    await tapNode(page.querySelectorAll('.reward__main')[1]);
    expect(textOf(page, ['.reward-editor', '.editor__title'])).toBe('修改商品');
    await field(page, 'stock', '35');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    await tapNode(page.querySelectorAll('.reward__main')[0]);
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__withdraw'));

    expect(saves(callFunction)).toEqual([
      { rewardId: 'reward-oil', name: '食用油（5升）', cost: 60, stock: 35, keeper: '石板村积分超市' },
      { rewardId: 'reward-toothpaste', name: '牙膏', cost: 8, stock: 60, keeper: '村口便民超市', active: false },
    ]);
  });

  it('names the field at fault before asking, and shows the server’s refusal as it comes', async () => {
    const { page, callFunction } = await openAsManager({ 'shop.reward.save': fail('FORBIDDEN', '只有积分超市的管理人员或秘书处可以管理兑换商品') });
    await press(page.querySelector('.add-reward'));
    await field(page, 'name', '毛巾');
    await field(page, 'cost', '8.5');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    expect(textOf(page, ['.reward-editor', '.editor__error'])).toBe('所需积分应为不小于 1 的整数（1 积分 = 1 元）');
    expect(saves(callFunction)).toEqual([]);

    await field(page, 'cost', '8');
    await field(page, 'stock', '10');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    expect(textOf(page, ['.reward-editor', '.editor__error'])).toBe('只有积分超市的管理人员或秘书处可以管理兑换商品');
  });

  it('offers a household neither 新增商品 nor 修改', async () => {
    stubApi({ 'shop.list': ok(aListing()) });
    const page = openPageAt(PAGE);
    await settle();
    expect(exists(page, '.add-reward')).toBe(false);
    expect(textsOf(page, '.reward__edit')).toEqual([]);
    await tapNode(page.querySelectorAll('.reward__main')[0]);
    expect((page.instance.data as { editing: unknown }).editing).toBeNull();
  });
});

describe('a reward’s form', () => {
  it('asks for a name, a whole price of at least 1, a whole stock and a keeper', () => {
    const form = { name: '大米', cost: '30', stock: '0', keeper: '石板村积分超市' };
    expect(rewardInputOf(form, null)).toEqual({ input: { name: '大米', cost: 30, stock: 0, keeper: '石板村积分超市' } });
    expect(rewardInputOf({ ...form, name: ' ' }, null)).toEqual({ error: '请填写商品名称' });
    expect(rewardInputOf({ ...form, cost: '0' }, null)).toMatchObject({ error: expect.stringContaining('所需积分') });
    expect(rewardInputOf({ ...form, stock: '-1' }, null)).toEqual({ error: '库存应为不小于 0 的整数' });
    expect(rewardInputOf({ ...form, keeper: '' }, 'r-1')).toMatchObject({ error: expect.stringContaining('兑换点') });
  });
});
