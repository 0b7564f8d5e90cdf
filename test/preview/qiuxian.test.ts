/**
 * The qiuxian template in the browser (seeds/003): the 会长 reads the finished half-year's 末尾淘汰
 * list for the 会长会, the 分会 against each other on the quarter (一季一比拼), and the half-year's 评比
 * with stars by place and the 挂牌公示 of the leading 会员单位, 理事单位 and 会长单位.
 */
import { previewSuite } from './support/suite';

const suite = previewSuite({ template: 'qiuxian' });

describe('邱县新联会', () => {
  it('shows the 会长 the half-year’s 末尾淘汰 list with each one’s places before', async () => {
    const president = await suite.open('王建国', 'pages/mine/index');
    await president.tap('.link', '末尾淘汰');
    await president.sees(/会长会/);
    await president.screen.locator('.candidate').first().waitFor();
    await president.screen.locator('.candidate__rank').first().getByText(/第 \d+ 名/).waitFor();
  });

  it('shows the 分会 against each other on the quarter', async () => {
    const president = await suite.open('王建国', 'pages/ranking/index');
    await president.screen.locator('.periods').getByText('季榜', { exact: true }).click();
    await president.tap('.scope--units', '分会比拼');
    await president.screen.locator('.unit-row').nth(13).waitFor();
  });

  it('shows the 会长 the half-year’s 评比: stars by place and the 挂牌公示 of the leading units', async () => {
    const head = await suite.open('王建国', 'pages/outcomes/index');
    await head.screen.locator('.tabs').getByText('半年考评').click();
    await head.sees(/★/, '.row__stars');
    await head.sees(/挂牌公示：(会长|理事|会员)单位第\d名/, '.row__flags');
  });
});
