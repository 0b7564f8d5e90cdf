/**
 * The pages' words on the village and enterprise templates (seeds/004): households counted in 户,
 * a household's avatar, the 记分 page of a village-wide recorder, a deduction in 审批, and the
 * bottom of the board without 荆门's article.
 */
import { schemeTerms } from '../../domain/glossary';
import { ENTERPRISE_SCHEME } from '../../domain/schemes/enterprise';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { VILLAGE_SCHEME } from '../../domain/schemes/village';
import { CHANGZHOU_SCHEME } from '../../domain/schemes/changzhou';
import { claimView, claimWordsOf } from '../../miniprogram/components/claim-card/claim-view';
import { awardWordsOf } from '../../miniprogram/pages/award/award-words';
import { bindHelpOf } from '../../miniprogram/pages/bind/bind-help';
import { homeViewOf } from '../../miniprogram/pages/mine/home-view';
import { unitDetail } from '../../miniprogram/pages/ranking/pictures';
import { pickerHintOf } from '../../miniprogram/pages/report/catalog-view';
import { rosterRowsOf } from '../../miniprogram/pages/roster/roster-view';
import { bottomRowOf, bottomSummaryOf } from '../../miniprogram/pages/reminders/bottom-view';
import { aHome, aMember } from './support/builders';
import { aClaim, aLine } from './support/records';

const village = schemeTerms(VILLAGE_SCHEME);
const company = schemeTerms(ENTERPRISE_SCHEME);

describe('counting households', () => {
  it('counts a 村民小组 in 户 with its 户均, a department in 人', () => {
    expect(unitDetail({ members: 21, average: 69.71 }, village)).toBe('21 户 · 户均 69.71 分');
    expect(unitDetail({ members: 21, average: 23.25 }, company)).toBe('21 人 · 人均 23.25 分');
  });

  it('places a household at the bottom of the village’s year in 户', () => {
    const list = { year: '2026', ranked: 122, byScore: false, terms: village, rows: [{ memberId: 'h1', name: '林玉林户', branchName: '三组', rank: 120, total: 0, unranked: true, reminders: [] }] };
    expect(bottomRowOf(list.rows[0], list).rank).toBe('第 120 名（共 122 户）');
    expect(bottomSummaryOf(list, '全村')).toBe('2026年全村排名后十分之一（至少 3 户，同分并列的一并列出）：122 名农户中的 1 名');
  });
});

describe('我的', () => {
  it('draws a household’s avatar from its name without 户, and a person’s from their given name', () => {
    const household = aMember({ name: '谢建国户', kind: 'household', holders: [{ name: '谢建国', bound: true }] });
    expect(homeViewOf(aHome({ member: household, terms: village, acting: '谢建国' })).initial).toBe('建国');
    expect(homeViewOf(aHome({ member: aMember({ name: '王丽娟' }), terms: company })).initial).toBe('丽娟');
  });

  it('shows a 村民小组长 without a 积分台账 no points of their own, and a household its points', () => {
    const leader = aMember({ name: '熊德明', category: null, tier: null, roles: ['group_leader'] });
    expect(homeViewOf(aHome({ member: leader, terms: village })).accountless).toBe(true);
    const household = aMember({ name: '谢建国户', kind: 'household', category: 'general', holders: [{ name: '谢建国', bound: true }] });
    expect(homeViewOf(aHome({ member: household, terms: village, acting: '谢建国' })).accountless).toBe(false);
  });

  it('offers a 村民小组长 no 申报积分 tile, since 申报 would only say why not (H24), and a household one', () => {
    const titles = (member: ReturnType<typeof aMember>) => homeViewOf(aHome({ member, terms: village })).links.map((l) => l.title);
    expect(titles(aMember({ name: '熊德明', category: null, tier: null, roles: ['group_leader'] }))).not.toContain('申报积分');
    expect(titles(aMember({ name: '谢建国户', kind: 'household', category: 'general' }))).toContain('申报积分');
  });

  it('asks someone not yet bound to bind as the template’s people', () => {
    expect(homeViewOf(aHome({ member: null, terms: company })).memberWord).toBe('员工');
  });
});

describe('记分 and 奖分', () => {
  it('has the village’s 评定小组组长 record for the whole village, with objections to the 评定小组', () => {
    expect(awardWordsOf(village, ['assessment_leader', 'village_committee'])).toMatchObject({
      recordScope: '全村',
      addAll: '选入全村农户',
      recordDecider: '评定小组',
      countWord: '户',
    });
    expect(awardWordsOf(village, ['group_leader'])).toMatchObject({ recordScope: '本村民小组', addAll: '选入本村民小组全部农户' });
  });

  it('keeps a 支部’s 记分员 with the 支部委员会', () => {
    expect(awardWordsOf(schemeTerms(CHANGZHOU_SCHEME), ['scorekeeper'])).toMatchObject({ recordScope: '本支部', recordDecider: '支部委员会', countWord: '人' });
    expect(awardWordsOf(schemeTerms(JINGMEN_SCHEME), ['branch_president']).memberWord).toBe('会员');
  });
});

describe('审批', () => {
  it('calls an award of negative points a deduction, with whom it is taken from', () => {
    const view = claimView(aClaim({ kind: 'award', lines: [aLine({ memberName: '郑国平', points: -25 })] }));
    expect([view.kindLabel, view.recipientsLabel]).toEqual(['领导扣分', '扣分对象']);
    const award = claimView(aClaim({ kind: 'award', lines: [aLine({ points: 4 })] }));
    expect([award.kindLabel, award.recipientsLabel]).toEqual(['领导奖分', '获分人']);
  });

  it('names a committee’s award by the template’s committee and counts households in 户', () => {
    const lines = ['张建国户', '李明户', '王强户', '赵刚户'].map((memberName) => aLine({ memberName }));
    const view = claimView(aClaim({ kind: 'committee', lines }), claimWordsOf(village));
    expect([view.kindLabel, view.recipients]).toEqual(['评定小组加分', '张建国户、李明户、王强户 等 4 户']);
    expect(claimView(aClaim({ kind: 'committee' }), claimWordsOf(company)).kindLabel).toBe('经理办公会加分');
    expect(claimView(aClaim({ kind: 'committee' })).kindLabel).toBe('会长会加分');
  });

  it('shows the volunteer hours a claim converts beside its points, and nothing for other claims (W3)', () => {
    expect(claimView(aClaim({ lines: [aLine({ points: 3.5, hours: 3.5 })] })).hours).toBe('志愿服务 3.5 小时');
    expect(claimView(aClaim({ lines: [aLine({ memberName: '张建国户', hours: 2 }), aLine({ memberName: '李明户', hours: 2 })] })).hours).toBe('志愿服务各 2 小时');
    expect(claimView(aClaim({ lines: [aLine({ points: 4 })] })).hours).toBe('');
  });
});

describe('申报', () => {
  const option = (name: string, items: string[]) => ({ name, items: items.map((i) => ({ id: i, name: i, pointsLabel: '', article: '' })) });

  it('hints at what the catalog offers in its own words, not an association’s 会议、活动', () => {
    expect(pickerHintOf([option('奖分', ['主动承担岗位职责以外的工作', '处理突发事件、排除险情', '合理化建议被采纳', '好人好事'])])).toBe(
      '主动承担岗位职责以外的工作、处理突发事件、排除险情、合理化建议被采纳等',
    );
    expect(pickerHintOf([option('社会治安类', ['a']), option('乡风文明类', ['b'])])).toBe('社会治安类、乡风文明类');
    expect(pickerHintOf([])).toBe('');
  });
});

describe('绑定', () => {
  it('tells a household’s people that each binds their own WeChat, and a company’s that each 员工 binds one', () => {
    expect(bindHelpOf(village)).toBe('没有邀请码？请联系秘书处。户内每人凭自己的邀请码绑定自己的微信；需要更换微信时，由秘书处重置。');
    expect(bindHelpOf(company)).toBe('没有邀请码？请联系秘书处。每个员工只能绑定一个微信；需要更换微信时，由秘书处重置。');
    expect(bindHelpOf(null)).toContain('每个会员只能绑定一个微信');
  });
});

describe('农户明细', () => {
  it('lists a group’s households and not its 村民小组长, who has no 积分台账', () => {
    const household = aMember({ _id: 'h1', name: '谢建国户', kind: 'household', category: 'general', branchName: '一组' });
    const leader = aMember({ _id: 'p1', name: '熊德明', category: null, tier: null, roles: ['group_leader'], branchName: '一组' });
    expect(rosterRowsOf([household, leader], village)).toEqual([{ id: 'h1', name: '谢建国户', subtitle: '一组 · 一般户' }]);
  });
});
