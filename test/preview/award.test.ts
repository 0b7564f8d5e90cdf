/**
 * A leader records a collective event from the phone (第十五条 集体事件): the meeting from the catalog,
 * the attendance list built with the member search, a speaker marked; one final review approves the
 * batch and each attendee gets their own entries.
 */
import { photo } from '../../web/harness/photo';
import { previewSuite } from './support/suite';

const suite = previewSuite();
const MEETING = '东宝分会第四季度理事会';

describe('a collective event recorded by a branch president', () => {
  it('is recorded with its attendance list and a speaker, within the catalog points', async () => {
    const head = await suite.open('黄志刚', 'pages/mine/index');
    await head.tap('.link', '奖分');
    await head.sees('每人每次最多 5 分');
    await head.tap('.item-picker');
    await head.pick('参加分会会议');
    await head.sees('每人 10 分，发言另加分');
    await head.type('.note', MEETING);
    for (const name of ['朱慧敏', '胡俊']) {
      await head.type('.member-picker__search', name);
      await head.tap('.member-picker__member', name);
      await head.sees(name, '.attendee');
    }
    await head.screen.locator('.attendee', { hasText: '朱慧敏' }).locator('.mark-spoke').click();
    await head.sees('2 人 · 3 条 · 合计 25 分');
    await head.tap('.submit');
    await head.seesWechat('共 3 条、合计 25 分');
    await head.answerModal('提交');
    await head.toasted('已提交终审');
    await head.sees('已提交，等待会长审批');
  });

  it('is approved as one batch by the president, and each attendee sees their own entries', async () => {
    const president = await suite.open('王建华', 'pages/inbox/index');
    const card = president.screen.locator('.claim', { hasText: MEETING });
    await card.getByText('朱慧敏、胡俊 · 共 3 条').waitFor();
    await card.locator('.claim-card__approve').click();
    await president.toasted('已通过');

    const speaker = await suite.open('朱慧敏', 'pages/ledger/index');
    const entries = speaker.screen.locator('entry-row', { hasText: MEETING });
    await entries.filter({ hasText: '参加分会会议' }).getByText('+10').waitFor();
    await entries.filter({ hasText: '发言' }).getByText('+5').waitFor();
    const attendee = await suite.open('胡俊', 'pages/ledger/index');
    await attendee.screen.locator('entry-row', { hasText: MEETING }).getByText('+10').waitFor();
  });
});

describe('a branch meeting recorded from the branch’s list, with a photo', () => {
  const GATHERING = '掇刀分会年终座谈会';

  it('takes the whole of 掇刀分会 in a few taps, showing the count chosen', async () => {
    const president = await suite.open('王建华', 'pages/award/index');
    await president.tap('.item-picker');
    await president.pick('参加分会会议');
    await president.type('.note', GATHERING);
    await president.choose('.evidence-photos__add', [photo('座谈会.png', [180, 90, 70])]);
    await president.screen.locator('.evidence-photos__image').first().waitFor();

    await president.tap('.unit-members__open');
    await president.tap('.unit-members__unit-picker');
    await president.pick('掇刀分会');
    await president.sees('掇刀分会', '.unit-members__unit-name');
    await president.screen.locator('.unit-members__row').first().waitFor();
    await president.tap('.unit-members__all');
    const count = await president.sees(/已选 (\d+)\/\1 人/, '.unit-members__count');
    const people = Number(/已选 (\d+)/.exec((await count.textContent()) ?? '')![1]);
    expect(people).toBeGreaterThan(10);
    await president.tap('.unit-members__done');

    await president.sees(`${people} 人 · ${people} 条 · 合计 ${people * 10} 分`);
    await president.tap('.submit');
    await president.answerModal('提交');
    await president.toasted('已提交终审');
  });

  it('reaches its final reviewer with the photo', async () => {
    const instructor = await suite.open('赵国平', 'pages/inbox/index');
    const card = instructor.screen.locator('.claim', { hasText: GATHERING });
    await card.locator('.claim-card__thumb').first().waitFor();
  });
});
