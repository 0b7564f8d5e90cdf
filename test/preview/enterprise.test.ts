/**
 * The enterprise template in the browser (seeds/004 第一篇): 人力资源部 records a department's month
 * of attendance, sees its 固定积分 credited and, reopening it, her figures (五、1; E23), reads last month's list of those at zero or
 * below and records the one reprieve (六、4); a 区队长 awards within his limit and proposes a
 * deduction beyond it, which goes up to the 总经理 (三、2 分层分级授权).
 */
import { previewSuite } from './support/suite';

const suite = previewSuite({ template: 'enterprise' });

/** The month four before today's in China, as the month picker labels it: one the demo has not recorded. */
function unrecordedMonth(): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number);
  const back = new Date(Date.UTC(year, month - 1 - 4, 1));
  return `${back.getUTCFullYear()}年${back.getUTCMonth() + 1}月`;
}

const nameOf = (openid: string): string => suite.cloud.cast.people.find((p) => p.openid === openid)!.name;

describe('煤业公司', () => {
  it('人力资源部 records 安全科’s attendance of an ended month, sees it credited and finds it again, then records a reprieve on last month’s list', async () => {
    const hr = await suite.open('王丽娟', 'pages/admin/index');
    await hr.tap('.hr__attendance');
    await hr.sees('请选择部门');
    await hr.tap('.sheet__month');
    await hr.pick(unrecordedMonth());
    await hr.type('.sheet__workdays', '26');
    await hr.tap('.sheet__department');
    await hr.pick('安全科');
    const first = hr.screen.locator('.row').first();
    await first.locator('.row__rate', { hasText: /每月 [\d.]+ 分/ }).waitFor();
    await first.locator('.row__days input').fill('20');
    await hr.tap('.actions__save');
    await hr.sees(/已保存.+ \d+ 人的出勤，计入固定积分 \d+ 笔共 [\d.]+ 分/, '.actions__saved');
    await first.locator('.row__outcome', { hasText: /20\/26 天，已计入 [\d.]+ 分/ }).waitFor();

    // Out to 管理 and back in: the month and department she just saved show her figures.
    await hr.page.locator('.nav-bar__back').click();
    await hr.tap('.hr__attendance');
    await hr.tap('.sheet__month');
    await hr.pick(unrecordedMonth());
    await hr.tap('.sheet__department');
    await hr.pick('安全科');
    await hr.sees(/安全科.+已记录 (\d+)\/\1 人，应出勤天数按记录为 26 天/, '.sheet__recorded');
    const again = hr.screen.locator('.row').first();
    await again.locator('.row__mark', { hasText: '已记录' }).waitFor();
    expect(await again.locator('.row__days input').inputValue()).toBe('20');
    expect(await hr.screen.locator('.sheet__workdays input').inputValue()).toBe('26');

    // Back on 管理, to last month's list of those at zero or below, and the one reprieve.
    await hr.page.locator('.nav-bar__back').click();
    await hr.tap('.hr__negatives');
    await hr.sees(/申请自动离职，或申请一次不离职的机会/, '.intro');
    await hr.sees(/已于.+获得不离职的机会/, '.person__reprieve');
    const waiting = hr.screen.locator('.person', { has: hr.page.locator('.person__record') }).first();
    const name = (await waiting.locator('.person__name').textContent())!.trim();
    await waiting.locator('.person__record').click();
    await hr.sees(`给${name}一次不离职的机会`);
    await hr.type('.record-dialog .reason', '本人书面申请，区队担保');
    await hr.tap('.record-dialog .t-dialog__button--confirm');
    await hr.toasted('已记录');
    await hr.screen.locator('.person', { hasText: name }).locator('.person__reprieve', { hasText: '本人书面申请，区队担保' }).waitFor();
  });

  it('a 区队长 awards within his 20 points, and a deduction beyond them goes up to the 总经理', async () => {
    const manager = await suite.open({ as: 'demo-zc1-manager' }, 'pages/award/index');
    await manager.sees('每人每次最多 20 分');
    await manager.sees('超出的逐级报有权限的领导审批', '.authority-note--up');
    const worker = nameOf('demo-zc1-03');
    const propose = async (item: string, points: string, note: string) => {
      await manager.tap('.item-picker');
      await manager.pick(item);
      await manager.type('.member-picker__search', worker);
      await manager.tap('.member-picker__member', worker);
      await manager.type('.recipient-points', points);
      await manager.type('.note', note);
      await manager.tap('.submit');
      await manager.answerModal('提交');
    };
    await propose('合理化建议被采纳', '10', '提出皮带机托辊更换办法');
    await manager.sees(/已提交，等待.+审批/, '.submitted-title');
    await propose('违反安全规程', '30', '井下未按规定佩戴自救器');
    await manager.sees('已提交，等待总经理（超出提出人20分权限，上报）审批', '.submitted-title');
  });
});
