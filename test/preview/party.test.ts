/**
 * The 常州 template in the browser (seeds/002): a 支部's 记分员 records a 主题党日 for the whole 支部
 * and it counts at once (六(一)(2)); a 党员 disputes the record and the 支委会 upholds it; the 党员
 * reads the 支部's published 考评 and last year's result with its parts.
 */
import { previewSuite } from './support/suite';

const suite = previewSuite({ template: 'changzhou' });
const ITEM = '参加主题党日活动';

describe('第一党支部 of the 机关党委', () => {
  it('records a 主题党日 for the whole 支部 from the 记分员’s phone, counted at once', async () => {
    const keeper = await suite.open('赵雪', 'pages/mine/index');
    await keeper.tap('.link', '记分');
    await keeper.tap('.item-picker');
    await keeper.pick(ITEM);
    await keeper.tap('.add-all-button');
    await keeper.sees('周丽娟', '.attendee');
    await keeper.tap('.submit');
    await keeper.seesWechat('记分后立即计入积分');
    await keeper.answerModal('记分');
    await keeper.toasted('已记分');
    await keeper.sees(/已记分：\d+ 人，合计 \d+ 分，已计入积分/);

    const member = await suite.open('周丽娟', 'pages/ledger/index');
    await member.screen.locator('entry-row', { hasText: ITEM }).first().getByText('+5').waitFor();
  });

  it('takes a 党员’s dispute of that record to the 支委会, which upholds it', async () => {
    const member = await suite.open('周丽娟', 'pages/ledger/index');
    await member.screen.locator('.entry-tap', { hasText: ITEM }).first().click();
    await member.wechatLayer.locator('.sheet__item', { hasText: '对这条记录提出异议' }).click();
    await member.sees(`对“${ITEM}”提出异议`);
    await member.type('.dispute-dialog .reason', '今天我在外出差，没有参加');
    await member.tap('.dispute-dialog .t-dialog__button--confirm');
    await member.toasted('已提交');

    const committee = await suite.open('李红梅', 'pages/inbox/index');
    const card = committee.screen.locator('.claim', { hasText: '今天我在外出差' });
    // Who and which 支部 first, and what approving does, in plain words.
    await card.locator('.claim-card__unit', { hasText: '第一党支部' }).waitFor();
    await card.locator('.claim-card__waiting', { hasText: '通过即采纳异议' }).waitFor();
    await card.locator('.claim-card__approve').click();
    await committee.toasted('已通过');

    const after = await suite.open('周丽娟', 'pages/ledger/index');
    await after.screen.locator('entry-row', { hasText: ITEM }).filter({ hasText: '冲正' }).getByText('-5').waitFor();
  });

  it('shows a 党员 the 支部’s published quarter and last year’s result with its parts', async () => {
    const member = await suite.open('周丽娟', 'pages/mine/index');
    await member.tap('.link', '考评公示');
    await member.sees(/考评结果已确定（王立新签发）/);
    await member.sees('周丽娟', '.row--mine');
    await member.screen.locator('.tabs').getByText('年度考评').click();
    await member.sees(/年度/, '.key-picker');
    const mine = await member.sees('周丽娟', '.row--mine');
    await mine.getByText(/基础分 [\d.]+ · 特色分 [\d.]+ · 评议分 \d+/).waitFor();
  });
});
