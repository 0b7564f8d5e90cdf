/**
 * The party-branch catalog (seeds/001 篇二, 篇十五, 篇十六; seeds/004 第二篇) as data, by part:
 *
 * - 日常考核积分 starts at 100 and items only deduct (篇二 (一)1: 基础分值为100分，实行倒扣记分，扣完为止);
 *   the deductions and their values are 篇十六's (二)–(三), the text of the family that prices them.
 * - 年度评议积分 is the 民主评议's result on 100 (篇二 (一)2: 基础分为100分): the score the 评议 gives
 *   (篇十六 四(三): 优秀 90–100, 合格 80–89, 基本合格 60–79, 不合格 below 60), entered as a count of
 *   points; 004 第二篇 prices the grades instead (25 / 15 / 10 / 0 of its 25, here on 100).
 * - 动态管理积分 (篇二 (一)3): awards for distinctions (篇十五 加分项, 004 第二篇 奖励分), capped at 10
 *   outside the 100, and deductions for misconduct (惩罚性积分, 篇十六 (三)7).
 *
 * Everything is recorded by the 支部's 记分员 (考评小组) and counts at once; a 党员 reports a
 * distinction themself with its evidence (篇十六 四(一) 申报).
 */
import type { CatalogItem } from '../../../typings/models';

type Item = Omit<CatalogItem, 'component' | 'claimable'> & { claimable?: boolean };

const part =
  (component: string, category: string) =>
  (item: Omit<Item, 'category'>): CatalogItem => ({ claimable: false, ...item, category, component });

const life = part('daily', '组织生活');
const dues = part('daily', '党费缴纳');
const duty = part('daily', '履职尽责');
const masses = part('daily', '服务群众');

/** 日常考核: deductions only, from 100 (篇十六 二、(三)). */
export const DAILY_ITEMS: CatalogItem[] = [
  life({ id: 'daily.leave', name: '集体学习或组织生活因故请假', kind: 'per_count', points: 1, deduction: true, unit: '次', maxCount: 10, article: '篇十六 二、2(1)' }),
  life({ id: 'daily.absent', name: '无故缺席集体学习或组织生活', kind: 'per_count', points: 2, deduction: true, unit: '次', maxCount: 10, article: '篇十六 二、2(1)' }),
  life({ id: 'daily.early', name: '未经批准提前离场', kind: 'per_count', points: 1, deduction: true, unit: '次', maxCount: 10, article: '篇十六 三、4' }),
  life({ id: 'daily.proxy', name: '替会或虚假签到', kind: 'per_count', points: 5, deduction: true, unit: '次', maxCount: 5, article: '篇十六 二、2(1)' }),
  life({ id: 'daily.notes', name: '未按规定撰写学习笔记或学习心得', kind: 'per_count', points: 1, deduction: true, unit: '次', maxCount: 10, article: '篇十六 三、4' }),
  life({ id: 'daily.education', name: '全年接受党性教育不足2次（每少1次）', kind: 'per_count', points: 2, deduction: true, unit: '次', maxCount: 2, article: '篇十六 二、1(1)' }),
  life({ id: 'daily.attendance', name: '年内无故参学、参会率不足80%', kind: 'fixed', points: 5, deduction: true, article: '篇十六 三、4' }),
  dues({ id: 'daily.dues_short', name: '未按规定标准交纳党费', kind: 'fixed', points: 3, deduction: true, article: '篇十六 二、2(1)' }),
  dues({ id: 'daily.dues_late', name: '未按时足额交纳党费', kind: 'fixed', points: 2, deduction: true, article: '篇十六 三、4' }),
  dues({ id: 'daily.dues_overdue', name: '超过3个月不交纳党费', kind: 'fixed', points: 5, deduction: true, article: '篇十六 二、2(1)' }),
  duty({ id: 'daily.orders', name: '未按规定落实上级决策部署或党组织交办任务', kind: 'fixed', points: 5, deduction: true, article: '篇十六 二、2(2)' }),
  duty({ id: 'daily.shirking', name: '互相推诿、违反制度办事、消极怠工', kind: 'fixed', points: 3, deduction: true, article: '篇十六 二、4(1)' }),
  duty({ id: 'daily.lagging', name: '重点工作中发挥作用不好或落后于一般群众', kind: 'fixed', points: 5, deduction: true, article: '篇十六 二、4(2)' }),
  duty({ id: 'daily.flow', name: '流动党员外出三个月以上不向党组织报告', kind: 'fixed', points: 5, deduction: true, article: '篇十六 三、5' }),
  masses({ id: 'daily.community', name: '未按要求到居住社区报到并参与志愿服务', kind: 'fixed', points: 2, deduction: true, article: '篇十六 二、3(2)' }),
  masses({ id: 'daily.contact', name: '联系服务群众不到位', kind: 'fixed', points: 2, deduction: true, article: '篇十六 二、3(2)' }),
  masses({ id: 'daily.public_service', name: '无故不参加组织的义务活动或公益性活动', kind: 'fixed', points: 2, deduction: true, article: '篇十五 扣分项5' }),
  masses({ id: 'daily.complaint', name: '群众反映作风问题经核实属实', kind: 'fixed', points: 5, deduction: true, article: '篇十六 二、3(2)' }),
];

const review = part('review', '民主评议');

/** 评议 as a score on 100, entered from the 民主评议 (篇二 (一)2, 篇十六 四(三)). */
export const REVIEW_SCORE_ITEMS: CatalogItem[] = [
  review({ id: 'review.score', name: '年度民主评议得分（优秀90–100，合格80–89，基本合格60–79，不合格60以下）', kind: 'per_count', points: 1, unit: '分', maxCount: 100, article: '篇二 (一)2、篇十六 四(三)' }),
];

/** 评议 by grade (004 第二篇 三、2: 优秀 25、合格 15、基本合格 10、不合格 0 of 25, here on 100). */
export const REVIEW_GRADE_ITEMS: CatalogItem[] = [
  review({ id: 'review.excellent', name: '民主评议：优秀', kind: 'fixed', points: 100, article: '004 第二篇 三、2' }),
  review({ id: 'review.qualified', name: '民主评议：合格', kind: 'fixed', points: 60, article: '004 第二篇 三、2' }),
  review({ id: 'review.basic', name: '民主评议：基本合格', kind: 'fixed', points: 40, article: '004 第二篇 三、2' }),
  review({ id: 'review.unqualified', name: '民主评议：不合格', kind: 'fixed', points: 0, article: '004 第二篇 三、2' }),
];

const award = part('bonus', '奖励性积分');
const penalty = part('bonus', '惩罚性积分');

/** 奖励性积分 of seeds/001 (篇十五 加分项; 篇二 (一)3 names the grounds: 表彰、批示、媒体宣传). */
export const AWARD_ITEMS: CatalogItem[] = [
  award({ id: 'bonus.county', name: '因工作突出受县级表彰奖励', kind: 'fixed', points: 2, claimable: true, article: '篇十五 加分项3' }),
  award({ id: 'bonus.city', name: '因工作突出受市级表彰奖励', kind: 'fixed', points: 3, claimable: true, article: '篇十五 加分项3' }),
  award({ id: 'bonus.province', name: '因工作突出受省级以上表彰奖励', kind: 'fixed', points: 5, claimable: true, article: '篇十五 加分项3' }),
  award({ id: 'bonus.rescue', name: '参与重大灾难事故、抗洪抢险救灾', kind: 'fixed', points: 5, claimable: true, article: '篇十五 加分项1' }),
  award({ id: 'bonus.media', name: '先进事迹被媒体宣传报道或受有关领导批示肯定', kind: 'fixed', points: 2, claimable: true, article: '篇二 (一)3' }),
];

/** 奖励分 of 004 第二篇 三、3 (区级以上表彰; 投稿 by level). */
export const AWARD_ITEMS_004: CatalogItem[] = [
  award({ id: 'bonus.central', name: '获得中央、国务院表彰', kind: 'fixed', points: 10, claimable: true, article: '004 第二篇 三、3(1)' }),
  award({ id: 'bonus.province', name: '获得省委、省政府及国家部委表彰', kind: 'fixed', points: 6, claimable: true, article: '004 第二篇 三、3(2)' }),
  award({ id: 'bonus.city', name: '获得市委、市政府及省委、省政府部门表彰', kind: 'fixed', points: 4, claimable: true, article: '004 第二篇 三、3(3)' }),
  award({ id: 'bonus.district', name: '获得区委区政府及市级部门表彰', kind: 'fixed', points: 3, claimable: true, article: '004 第二篇 三、3(4)' }),
  award({ id: 'bonus.rescue', name: '急难险重工作中有突出贡献受区级以上表彰', kind: 'fixed', points: 2, claimable: true, article: '004 第二篇 三、3(5)' }),
  award({ id: 'bonus.article_district', name: '向党报党刊投稿被署名刊发（区级）', kind: 'fixed', points: 1, claimable: true, article: '004 第二篇 三、3(6)' }),
  award({ id: 'bonus.article_city', name: '向党报党刊投稿被署名刊发（市级）', kind: 'fixed', points: 2, claimable: true, article: '004 第二篇 三、3(6)' }),
  award({ id: 'bonus.article_province', name: '向党报党刊投稿被署名刊发（省级及以上）', kind: 'fixed', points: 3, claimable: true, article: '004 第二篇 三、3(6)' }),
];

/** 惩罚性积分 (篇二 (一)3), priced by 篇十六 二、(三). */
const PENALTY_ITEMS: CatalogItem[] = [
  penalty({ id: 'penalty.minor', name: '违反党的纪律，情节轻微未构成违纪违法', kind: 'fixed', points: 5, deduction: true, article: '篇十六 二、2(2)' }),
  penalty({ id: 'penalty.eight_rules', name: '违反中央八项规定、六项禁令', kind: 'fixed', points: 5, deduction: true, article: '篇十六 二、3(1)' }),
  penalty({ id: 'penalty.conduct', name: '生活作风、道德品行方面出现负面情形，造成较差影响', kind: 'fixed', points: 10, deduction: true, article: '篇十六 二、3(1)' }),
  penalty({ id: 'penalty.superstition', name: '参加封建迷信活动', kind: 'fixed', points: 10, deduction: true, article: '篇十六 二、1(1)' }),
  penalty({ id: 'penalty.petition', name: '参与非访、越级访、集体访', kind: 'fixed', points: 5, deduction: true, article: '篇十六 三、6' }),
  penalty({ id: 'penalty.party_warning', name: '受到党内警告处分', kind: 'fixed', points: 5, deduction: true, article: '篇十六 三、7' }),
  penalty({ id: 'penalty.party_serious', name: '受到党内严重警告处分', kind: 'fixed', points: 10, deduction: true, article: '篇十六 三、7' }),
  penalty({ id: 'penalty.party_removal', name: '受到撤销党内职务处分', kind: 'fixed', points: 15, deduction: true, article: '篇十六 三、7' }),
  penalty({ id: 'penalty.party_probation', name: '受到留党察看处分', kind: 'fixed', points: 20, deduction: true, article: '篇十六 三、7' }),
  penalty({ id: 'penalty.law_warning', name: '有违法行为受到警告处罚', kind: 'fixed', points: 5, deduction: true, article: '篇十六 三、7' }),
  penalty({ id: 'penalty.law_fine', name: '有违法行为受到罚款处罚', kind: 'fixed', points: 10, deduction: true, article: '篇十六 三、7' }),
  penalty({ id: 'penalty.law_detention', name: '有违法行为受到行政拘留及以上处罚', kind: 'fixed', points: 15, deduction: true, article: '篇十六 三、7' }),
];

/** Misconduct deducts from 日常 where the variant has no 动态管理积分 (篇一 has only the two parts). */
export function penaltiesIn(component: 'bonus' | 'daily'): CatalogItem[] {
  return PENALTY_ITEMS.map((item) => ({ ...item, component, category: component === 'bonus' ? item.category : '遵纪守法' }));
}
