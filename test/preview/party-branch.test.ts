/**
 * The party-branch template in the browser (seeds/001 篇一, 篇十五, 篇二十一): a 支部书记 reads last
 * year's graded 评定 of the 支部 with its 优秀 quota line and the tie at it; the 记分员 proposes a
 * 一票否决 for a 党员 from their 明细 and the 支部书记 approves it from 审批; a 党员 reads their own
 * grade and stars.
 */
import { previewSuite } from './support/suite';

const suite = previewSuite({ template: 'party-branch' });

describe('街道机关党支部 of the 街道党工委', () => {
  it('shows the 支部书记 last year’s grades with the 优秀 line and the tie the 日常 broke', async () => {
    const secretary = await suite.open('张建华', 'pages/outcomes/index');
    await secretary.screen.locator('.tabs').getByText('年度考评').click();
    await secretary.sees(/优秀名额 2 名（本支部 14 名党员 × 15%/, '.quota-line');
    const winner = await secretary.sees('赵丽萍', '.row');
    await winner.locator('.row__grade', { hasText: '优秀' }).waitFor();
    const tied = await secretary.sees('孙国栋', '.row');
    await tied.locator('.row__grade', { hasText: '合格' }).waitFor();
    await tied.getByText(/超出优秀名额|由支部大会确定/).waitFor();
  });

  it('takes a 记分员’s 一票否决 from a 党员’s 明细 to the 支部书记, who approves it', async () => {
    const keeper = await suite.open('陈静', 'pages/mine/index');
    await keeper.tap('.link', '党员明细');
    await keeper.tap('.member', '吴海峰');
    await keeper.tap('.veto-open');
    await keeper.sees('对吴海峰提出一票否决');
    await keeper.tap('.condition-picker');
    await keeper.pick('无正当理由连续6个月不参加组织活动');
    await keeper.type('.veto .reason', '2026年4月至10月未参加支部组织生活，经谈话无正当理由');
    await keeper.tap('.veto__submit');
    await keeper.toasted('已提交');

    const secretary = await suite.open('张建华', 'pages/inbox/index');
    const card = secretary.screen.locator('.claim', { hasText: '未参加支部组织生活' });
    await card.getByText('吴海峰').first().waitFor();
    await card.getByText('通过后一票否决生效').first().waitFor();
    await card.locator('.claim-card__approve').click();
    await secretary.toasted('已通过');
  });

  it('shows a 党员 their own grade and stars for last year', async () => {
    const member = await suite.open('李明辉', 'pages/outcomes/index');
    await member.screen.locator('.tabs').getByText('年度考评').click();
    const mine = await member.sees('李明辉', '.row--mine');
    await mine.locator('.row__grade', { hasText: '优秀' }).waitFor();
    await mine.getByText('五星').waitFor();
  });
});
