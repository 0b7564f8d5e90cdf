/**
 * The enterprise template's pages in the browser (seeds/004 第一篇; docs/rules.md E1–E19): an
 * employee, a 部门经理, the 总经理 and 人力资源部 each open every page their 我的 offers, in the
 * company's words (员工, 部门), with balances below zero shown as such and a deduction said to be one.
 */
import { previewSuite } from './support/suite';
import { tilesOf, tour } from './support/tour';

const suite = previewSuite({ template: 'enterprise' });
const NOT_COMPANY = /会员|分会/;

describe('煤业公司', () => {
  it('shows an employee their fixed points by attendance, the boards and the rules', async () => {
    const as = 'demo-zc1-05';
    const phone = await suite.open({ as }, 'pages/mine/index');
    expect(await tilesOf(phone, as)).toEqual(['申报积分', '积分明细', '排行榜', '公示']);
    await tour(phone, as, [
      { route: 'pages/mine/index', shows: '综采一队', selector: '.profile' },
      { route: 'pages/report/index', shows: '选择申报项目' },
      { route: 'pages/ledger/index', shows: /出勤 [\d.]+\/\d+ 天/, selector: 'entry-row' },
      {
        route: 'pages/ranking/index',
        shows: '全公司',
        then: async (p) => {
          await p.screen.locator('.periods').getByText('年榜', { exact: true }).click();
          await p.sees('综采一队', '.row');
        },
      },
      { route: 'pages/notices/index', shows: '积分制管理实施方案' },
    ], NOT_COMPANY);
  });

  it('shows a 部门经理 the department: its board with balances below zero, its 明细, its bottom and the departments compared', async () => {
    const as = 'demo-zc1-manager';
    const phone = await suite.open({ as }, 'pages/mine/index');
    expect(await tilesOf(phone, as)).toEqual(expect.arrayContaining(['审批', '奖分', '员工明细', '排名靠后']));
    await tour(phone, as, [
      {
        route: 'pages/ranking/index',
        shows: '全公司',
        then: async (p) => {
          await p.screen.locator('.periods').getByText('年榜', { exact: true }).click();
          await p.tap('.scope', '本部门');
          await p.sees(/-\d+(\.\d+)?\s*分/, '.row');
          await p.tap('.scope--units');
          await p.sees(/\d+ 人 · 人均/, '.unit-row');
        },
      },
      { route: 'pages/inbox/index', shows: '通过', selector: '.claim-card__approve' },
      // A company's catalog has no meetings to take attendance of: 奖分 opens on its one mode, with no tabs.
      { route: 'pages/award/index', shows: '每人每次最多 20 分', then: async (p) => { await p.sees('获分员工'); expect(await p.screen.locator('.modes').count()).toBe(0); } },
      {
        route: 'pages/roster/index',
        shows: '综采一队员工',
        then: async (p) => {
          await p.tap('.member', '综采一队');
          await p.screen.locator('entry-row').first().waitFor();
        },
      },
      // seeds/004 has no article on the bottom of the board: the page cites none of 荆门's.
      { route: 'pages/reminders/index', shows: /-\d+(\.\d+)? 分/, then: async (p) => expect(await p.screen.getByText('第十九条').count()).toBe(0) },
    ], NOT_COMPANY);
  });

  it('shows the 总经理 a deduction to decide as a deduction, and 人力资源部 the roster to manage', async () => {
    const gm = 'demo-gm';
    const phone = await suite.open({ as: gm }, 'pages/inbox/index');
    await tour(phone, gm, [{ route: 'pages/inbox/index', shows: '领导扣分', then: (p) => p.sees('扣分对象').then(() => undefined) }], NOT_COMPANY);
    await tour(phone, 'local-admin', [
      { route: 'pages/mine/index', shows: '人力资源部', selector: '.profile' },
      { route: 'pages/admin/index', shows: '已绑定', selector: '.member' },
      { route: 'pages/reminders/index', shows: '全公司' },
    ], NOT_COMPANY);
  });
});
