/**
 * What `npm run gallery` photographs: each page in its main states, in the live preview against the
 * demo association (scripts/gallery.ts). A scene names who holds the phone and on which page, what
 * they do before the picture, and whether the network is down (offline: the page's error state) or
 * never answers (pending: its loading state). Scenes on the `empty` cloud show an association that
 * has just started (no members, no notices); scenes on a template's cloud (scripts/gallery-template-scenes.ts) show that template's demo. Anyone adding a page adds its scenes here.
 */
import { shanghaiDate } from '../domain/periods';
import { DEMO_NOW } from '../web/harness/demo-cloud';
import { photo } from '../web/harness/photo';
import type { Phone } from '../web/harness/phone';
import { TEMPLATE_SCENES } from './gallery-template-scenes';

/** Who holds the phone: a demo person by name, or an openid (a newcomer who has not bound). */
export type Who = string | { as: string };

export interface Scene {
  page: string;
  state: string;
  who: Who;
  /** The route with its query, when not pages/<page>/index. */
  route?: string;
  network?: 'offline' | 'pending';
  /** A template's id ('changzhou': the 常州 demo, a 机关党委 with last year closed): that template's demo. */
  cloud?: 'demo' | 'empty' | 'changzhou' | 'party-branch' | 'qiuxian' | 'village' | 'enterprise';
  /** Screen height in CSS px for a long page (812 by default). */
  height?: number;
  act?: (phone: Phone) => Promise<void>;
}

/** A member imported and bound by the gallery itself, with no points yet. */
export const NEWCOMER = { as: 'gallery-newcomer' };
/** Someone who opened the mini-program and has not bound an invite code. */
export const VISITOR = { as: 'gallery-visitor' };

const MEMBER = '马丽';
const LEADER = '黄志刚';
const PRESIDENT = '王建华';
const CLERK = '周小琳';
/** A 党员 among the first ten of last year's 年度得分 board in the 常州 demo (a 荣誉证书, 第十八条). */
const CHANGZHOU_TOP = '徐静';
const LAST_YEAR = String(Number(shanghaiDate(DEMO_NOW).slice(0, 4)) - 1);

/** The states every data page has besides its own: the network down, and the first answer still coming. */
function offlineAndLoading(page: string, who: Who, route?: string): Scene[] {
  return [
    { page, state: 'error', who, route, network: 'offline' },
    { page, state: 'loading', who, route, network: 'pending' },
  ];
}

async function pickItem(phone: Phone, category: string, item: string): Promise<void> {
  await phone.tap('.field-item');
  await phone.tap('.picker__category', category);
  await phone.tap('.picker__item', item);
}

/** A real invite code: the secretariat imports `name` into 东宝分会 through the gateway, as 管理 would. */
async function inviteCodeFor(phone: Phone, name: string): Promise<string> {
  const body = JSON.stringify({ action: 'admin.members.import', payload: { rows: [{ name, branch: '东宝分会', tier: 'member' }] } });
  const code = await phone.page.evaluate(
    `fetch('/api/api', { method: 'POST', headers: { 'X-Openid': 'local-admin', 'Content-Type': 'application/json' }, body: ${JSON.stringify(body)} })
      .then((r) => r.json()).then((r) => (r.ok ? r.data.members[0].inviteCode : ''))`,
  );
  if (typeof code !== 'string' || !code) throw new Error(`gallery: no invite code for ${name}`);
  return code;
}

/** 申报 before binding: the visitor fills the form and adds photos (as a draft), then binds and is back. */
async function fillThenBind(p: Phone): Promise<void> {
  await p.sees('请先绑定会员身份');
  await pickItem(p, '活动', '在市新联会活动中突出表现');
  await p.type('.note-input', '牵头组织“新联助学”活动');
  await p.choose('.photo--add', [photo('活动.png', [214, 120, 96]), photo('合影.png', [96, 150, 200])]);
  await p.sees('2/9');
  await p.tap('.bind-notice__button');
  await p.type('.code-input', await inviteCodeFor(p, '邓晓'));
  await p.tap('.bind-button');
  await p.sees('已恢复绑定前填写的内容');
  // The welcome toast lasts 1.5 s; the picture is of the form.
  await p.wechatLayer.getByText('欢迎').first().waitFor({ state: 'hidden' });
}

/** 奖分's attendance from a unit's list: the president opens it and picks 东宝分会. */
async function openUnitList(p: Phone): Promise<void> {
  await p.tap('.item-picker');
  await p.pick('参加分会会议');
  await p.tap('.unit-members__open');
  await p.sees('全会', '.unit-members__unit-name');
  await p.tap('.unit-members__unit-picker');
  await p.pick('东宝分会');
  await p.sees('东宝分会', '.unit-members__unit-name');
  await p.screen.locator('.unit-members__row').first().waitFor();
}

/** 我的 → 审批 (the banner), approve the first claim, back: 我的 shows one claim fewer. */
async function approveOneAndComeBack(phone: Phone): Promise<void> {
  const count = phone.screen.locator('.inbox-banner__count');
  await count.waitFor();
  const before = Number(await count.textContent());
  await phone.tap('.inbox-banner');
  await phone.tap('.claim-card__approve');
  await phone.toasted('已通过');
  await phone.page.locator('.nav-bar__back').click();
  await phone.sees(String(before - 1), '.inbox-banner__count');
}

export const SCENES: Scene[] = [
  { page: 'mine', state: 'loaded', who: LEADER, height: 1100, act: (p) => p.sees('最近积分').then(() => undefined) },
  { page: 'mine', state: 'member', who: MEMBER, act: (p) => p.sees('最近积分').then(() => undefined) },
  { page: 'mine', state: 'empty', who: NEWCOMER, act: (p) => p.sees('还没有积分记录').then(() => undefined) },
  { page: 'mine', state: 'unbound', who: VISITOR, act: (p) => p.sees('请先绑定会员身份').then(() => undefined) },
  ...offlineAndLoading('mine', MEMBER),

  { page: 'report', state: 'blank', who: MEMBER, act: (p) => p.sees('选择申报项目').then(() => undefined) },
  { page: 'report', state: 'picker', who: MEMBER, act: (p) => p.tap('.field-item') },
  {
    page: 'report',
    state: 'range-with-photos',
    who: MEMBER,
    height: 1100,
    act: async (p) => {
      await pickItem(p, '活动', '在市新联会活动中突出表现');
      for (let i = 0; i < 4; i++) await p.tap('.points-stepper .t-stepper__plus');
      await p.type('.note-input', '牵头组织“新联助学”活动，联系 3 家企业捐资 12 万元');
      await p.choose('.photo--add', [photo('活动.png', [214, 120, 96]), photo('合影.png', [96, 150, 200]), photo('证书.png', [120, 180, 120])]);
      await p.sees('3/9');
    },
  },
  {
    page: 'report',
    state: 'value-too-small',
    who: MEMBER,
    act: async (p) => {
      await pickItem(p, '办实事', '价值可量化');
      await p.type('.value-input', '60');
      await p.tap('.submit');
    },
  },
  { page: 'report', state: 'date-picker', who: MEMBER, act: (p) => p.tap('.field-date') },
  { page: 'report', state: 'unbound-notice', who: VISITOR, act: (p) => p.sees('请先绑定会员身份').then(() => undefined) },
  // Its own newcomer: the draft is kept in the phone's storage, per openid.
  { page: 'report', state: 'draft-restored', who: { as: 'gallery-drafter' }, height: 1100, act: fillThenBind },
  {
    page: 'report',
    state: 'submit-unbound',
    who: VISITOR,
    act: async (p) => {
      await pickItem(p, '会议', '参加市新联会会议');
      await p.tap('.submit');
      await p.sees('去绑定');
    },
  },
  {
    page: 'report',
    state: 'submitted',
    who: MEMBER,
    act: async (p) => {
      await pickItem(p, '宣传及建议', '书面建言献策');
      await p.type('.note-input', '关于完善社区养老服务的书面建议');
      await p.tap('.submit');
      await p.sees('申报已提交');
    },
  },
  ...offlineAndLoading('report', MEMBER),

  { page: 'ledger', state: 'entries', who: MEMBER, height: 1000, act: (p) => p.screen.locator('entry-row').first().waitFor() },
  {
    page: 'ledger',
    state: 'claims',
    who: MEMBER,
    height: 1300,
    act: async (p) => {
      await p.tap('.t-tabs__item', '我的申请');
      await p.screen.locator('.claim').first().waitFor();
    },
  },
  { page: 'ledger', state: 'empty', who: NEWCOMER, act: (p) => p.screen.locator('.state-view--empty').waitFor() },
  { page: 'ledger', state: 'unbound', who: VISITOR, act: (p) => p.sees('去绑定').then(() => undefined) },
  ...offlineAndLoading('ledger', MEMBER),

  // Item 9: a leader opens the members' 明细 their role reaches (L1); anyone else gets a refusal.
  { page: 'roster', state: 'branch', who: LEADER, height: 1100, act: (p) => p.screen.locator('.member').first().waitFor() },
  { page: 'roster', state: 'association', who: PRESIDENT, act: (p) => p.sees('全会会员').then(() => undefined) },
  ...offlineAndLoading('roster', LEADER),
  {
    page: 'member-ledger',
    state: 'member-of-branch',
    who: LEADER,
    route: 'pages/roster/index',
    height: 1000,
    act: async (p) => {
      await p.tap('.member', MEMBER);
      await p.screen.locator('entry-row').first().waitFor();
    },
  },
  {
    page: 'member-ledger',
    state: 'refused',
    who: MEMBER,
    route: `pages/member-ledger/index?memberId=demo-member&name=${encodeURIComponent(PRESIDENT)}`,
    act: (p) => p.sees('您只能查看自己的积分明细').then(() => undefined),
  },

  // 第十九条: the bottom of the year's board for the secretariat and the heads of branches.
  { page: 'reminders', state: 'bottom-of-board', who: LEADER, height: 1200, act: (p) => p.screen.locator('.bottom').first().waitFor() },
  {
    page: 'reminders',
    state: 'recorded',
    who: LEADER,
    height: 1200,
    act: async (p) => {
      await p.tap('.bottom__record');
      await p.wechatLayer.locator('.sheet__item', { hasText: '谈话提醒' }).click();
      await p.type('.record-dialog .reason', '11月20日当面谈话，了解近况，提醒按时参加分会活动');
      await p.tap('.record-dialog .t-dialog__button--confirm');
      await p.sees('11月20日当面谈话', '.reminder__note');
    },
  },
  { page: 'reminders', state: 'association', who: CLERK, height: 1200, act: (p) => p.sees(/全会排名后十分之一/).then(() => undefined) },
  { page: 'reminders', state: 'refused', who: MEMBER, act: (p) => p.sees('只有秘书处和分会会长').then(() => undefined) },
  ...offlineAndLoading('reminders', LEADER),

  { page: 'notices', state: 'loaded', who: MEMBER, height: 1100, act: (p) => p.screen.locator('.notice').first().waitFor() },
  { page: 'notices', state: 'expanded', who: MEMBER, act: (p) => p.tap('.notice') },
  { page: 'notices', state: 'empty', who: { as: 'gallery-visitor' }, cloud: 'empty', act: (p) => p.sees('暂无公示内容').then(() => undefined) },
  ...offlineAndLoading('notices', MEMBER),

  { page: 'bind', state: 'blank', who: VISITOR },
  {
    page: 'bind',
    state: 'wrong-code',
    who: VISITOR,
    act: async (p) => {
      await p.type('.code-input', 'JM48XQ');
      await p.tap('.bind-button');
      await p.screen.locator('.bind__error').waitFor();
    },
  },

  { page: 'inbox', state: 'loaded', who: PRESIDENT, height: 1200, act: (p) => p.screen.locator('.claim').first().waitFor() },
  {
    page: 'inbox',
    state: 'reject-reasons',
    who: PRESIDENT,
    act: async (p) => {
      await p.tap('.claim-card__reject');
      await p.tap('.reason-dialog__preset', '证明材料不全');
    },
  },
  {
    page: 'inbox',
    state: 'batch',
    who: PRESIDENT,
    act: async (p) => {
      await p.tap('.select-all');
      await p.sees(/已选 [1-9]\d* 件/, '.batch-count');
    },
  },
  // 我的 after approving on 审批 and coming back: the banner, the 审批 tile and the tab bar count one
  // less, without a pull. After the inbox's own scenes, which it would otherwise leave one claim short.
  { page: 'mine', state: 'after-approve', who: PRESIDENT, height: 1000, act: approveOneAndComeBack },
  ...offlineAndLoading('inbox', PRESIDENT),
  { page: 'ranking', state: 'loaded', who: MEMBER, height: 1000, act: (p) => p.screen.locator('rank-row').first().waitFor() },
  ...offlineAndLoading('ranking', MEMBER),
  {
    page: 'ranking',
    state: 'share-picture',
    who: MEMBER,
    act: async (p) => {
      await p.screen.locator('rank-row').first().waitFor();
      await p.tap('.share-button', '生成排行图片');
      await p.wechatLayer.locator('.viewer__image').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    },
  },
  {
    page: 'ranking',
    state: 'filters',
    who: MEMBER,
    act: async (p) => {
      await p.screen.locator('rank-row').first().waitFor();
      await p.tap('.scope--filter');
      await p.screen.locator('.filters__chip').first().waitFor();
    },
  },
  { page: 'ranking', state: 'mine-highlighted', who: MEMBER, act: (p) => p.screen.locator('.rank-row--mine').scrollIntoViewIfNeeded() },
  { page: 'ranking', state: 'units', who: MEMBER, act: (p) => p.tap('.scope--units').then(() => p.screen.locator('.unit-row').first().waitFor()) },
  {
    page: 'ranking',
    state: 'certificate',
    who: CHANGZHOU_TOP,
    cloud: 'changzhou',
    route: `pages/ranking/index?period=cycle&key=${LAST_YEAR}`,
    act: (p) => p.screen.locator('.certificate').waitFor(),
  },
  {
    page: 'ranking',
    state: 'certificate-picture',
    who: CHANGZHOU_TOP,
    cloud: 'changzhou',
    route: `pages/ranking/index?period=cycle&key=${LAST_YEAR}`,
    act: async (p) => {
      await p.tap('.certificate__button');
      await p.wechatLayer.locator('.viewer__image').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    },
  },
  { page: 'ranking', state: 'changzhou', who: '周丽娟', cloud: 'changzhou', act: (p) => p.screen.locator('rank-row').first().waitFor() },

  { page: 'admin', state: 'loaded', who: CLERK, act: (p) => p.screen.locator('.member').first().waitFor() },
  { page: 'admin', state: 'import', who: CLERK, act: (p) => p.tap('.t-tabs__item', '导入') },
  { page: 'admin', state: 'dues', who: CLERK, act: (p) => p.tap('.t-tabs__item', '会费') },
  { page: 'admin', state: 'export', who: CLERK, act: (p) => p.tap('.t-tabs__item', '导出') },
  {
    page: 'admin',
    state: 'export-cannot-open',
    who: CLERK,
    act: async (p) => {
      // A phone that cannot download the sheet: it says what to do next in plain words.
      await p.page.route(/\.xlsx/, (route) => route.abort());
      await p.tap('.t-tabs__item', '导出');
      await p.tap('.export__go');
      await p.sees('这部手机打不开');
    },
  },
  { page: 'admin', state: 'empty', who: { as: 'local-admin' }, cloud: 'empty', act: (p) => p.sees('还没有会员').then(() => undefined) },
  ...offlineAndLoading('admin', CLERK),

  { page: 'award', state: 'event', who: LEADER, act: (p) => p.sees('我的奖分权限').then(() => undefined) },
  { page: 'award', state: 'discretionary', who: LEADER, act: (p) => p.tap('.t-tabs__item', '酌情奖分') },
  { page: 'award', state: 'roster', who: PRESIDENT, act: openUnitList },
  {
    page: 'award',
    state: 'roster-selected',
    who: PRESIDENT,
    act: async (p) => {
      await openUnitList(p);
      await p.tap('.unit-members__all');
      await p.sees(/完成（共选 \d+ 人）/);
    },
  },
  {
    page: 'award',
    state: 'evidence',
    who: LEADER,
    height: 1200,
    act: async (p) => {
      await p.tap('.item-picker');
      await p.pick('参加分会会议');
      await p.type('.note', '东宝分会第四季度理事会');
      await p.choose('.evidence-photos__add', [photo('会场.png', [200, 90, 80]), photo('签到表.png', [230, 230, 210])]);
      await p.screen.locator('.evidence-photos__image').nth(1).waitFor();
      await p.tap('.unit-members__open');
      await p.tap('.unit-members__all');
      await p.tap('.unit-members__done');
      await p.sees(/\d+ 人 · \d+ 条/);
    },
  },
  { page: 'award', state: 'no-authority', who: MEMBER, act: (p) => p.sees('您没有奖分或记分的权限').then(() => undefined) },
  ...offlineAndLoading('award', LEADER),

  ...TEMPLATE_SCENES,
];
