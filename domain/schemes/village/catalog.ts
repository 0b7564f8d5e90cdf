/**
 * The village's catalog: seeds/004 第三篇 三's four classes (法治类, 德治类, 自治类, 示范带动类) with
 * the items and points of seeds/001 篇十七's 户积分 standard (一、社会治安类 … 家庭积分), as data.
 * Households self-report with photos (篇十七 动态管理制度: 由户主自行申报); the 评定小组 records the
 * rest (篇十七: 形成村集体决定…将扣分情况登记到户积分卡). Deductions are entered by the 评定小组 only.
 */
import type { CatalogItem } from '../../../typings/models';

const law = (item: Omit<CatalogItem, 'category'>): CatalogItem => ({ ...item, category: '法治类' });
const virtue = (item: Omit<CatalogItem, 'category'>): CatalogItem => ({ ...item, category: '德治类' });
const selfRule = (item: Omit<CatalogItem, 'category'>): CatalogItem => ({ ...item, category: '自治类' });
const example = (item: Omit<CatalogItem, 'category'>): CatalogItem => ({ ...item, category: '示范带动类' });

const security = '篇十七 一、社会治安类';
const morals = '篇十七 二、社会公德类';
const building = '篇十七 三、乡村建设类';
const honours = '篇十七 四、奖励惩罚类';
const family = '篇十七 家庭积分';

export const ITEMS: CatalogItem[] = [
  // 法治类 (004 三(一)): 治安秩序、群防群治、矛盾纠纷化解、崇尚科学、远离赌博.
  law({ id: 'law.stop_crime', name: '制止正在发生的违法犯罪行为', kind: 'fixed', points: 30, claimable: true, article: `${security} 1、2` }),
  law({ id: 'law.rescue', name: '抢救、救灾、救人（见义勇为）', kind: 'fixed', points: 30, claimable: true, article: `${security} 3` }),
  law({ id: 'law.clue', name: '协助追捕嫌疑人或提供破案线索', kind: 'fixed', points: 30, claimable: true, article: `${security} 4` }),
  law({ id: 'law.mediate', name: '参与调处婚姻、家庭、土地权属等民间纠纷', kind: 'fixed', points: 15, claimable: true, article: `${security} 5` }),
  law({ id: 'law.report', name: '举报封建迷信、诈骗、赌博、吸毒等违法行为', kind: 'fixed', points: 5, claimable: true, article: `${security} 7–12` }),
  law({ id: 'law.patrol', name: '参与村组织的防火、防盗、巡守活动', kind: 'fixed', points: 5, claimable: true, article: `${security} 14` }),
  law({ id: 'law.gambling', name: '参与赌博（经查实）', kind: 'fixed', points: 20, deduction: true, claimable: false, article: '004 第三篇 三(一) 远离麻将、纸牌等赌博行为' }),
  law({ id: 'law.superstition', name: '参与迷信、邪教活动（经查实）', kind: 'fixed', points: 30, deduction: true, claimable: false, article: '004 第三篇 三(一) 崇尚科学不迷信' }),
  // 德治类 (004 三(二)): 社会公德、家庭美德、个人品德.
  virtue({ id: 'virtue.no_violence', name: '家庭无家暴及虐待家人行为（当年）', kind: 'fixed', points: 10, claimable: true, article: `${family} 1` }),
  virtue({ id: 'virtue.neighbours', name: '邻里团结无矛盾纠纷（当年）', kind: 'fixed', points: 15, claimable: true, article: `${family} 2` }),
  virtue({ id: 'virtue.schooling', name: '保障子女义务教育、无辍学（当年）', kind: 'fixed', points: 6, claimable: true, article: `${family} 3` }),
  virtue({ id: 'virtue.support', name: '家庭成员相互履行抚养、赡养义务（当年）', kind: 'fixed', points: 5, claimable: true, article: `${family} 10` }),
  virtue({ id: 'virtue.parents', name: '带父母体检或陪同父母出游', kind: 'fixed', points: 5, claimable: true, article: `${morals} 2、3` }),
  virtue({ id: 'virtue.blood', name: '参与义务献血', kind: 'fixed', points: 5, claimable: true, article: `${morals} 8` }),
  virtue({ id: 'virtue.lost_found', name: '拾金不昧', kind: 'fixed', points: 5, claimable: true, article: `${morals} 9` }),
  virtue({ id: 'virtue.help_poor', name: '帮扶困难户、留守儿童和老人', kind: 'fixed', points: 5, claimable: true, article: `${morals} 6、13` }),
  virtue({ id: 'virtue.motto', name: '厅堂悬挂家训家风（当年）', kind: 'fixed', points: 6, claimable: true, article: `${family} 11` }),
  virtue({ id: 'virtue.family_dispute', name: '家庭不和、不赡养老人（经调查核实）', kind: 'fixed', points: 10, deduction: true, claimable: false, article: '004 第三篇 三(二) 尊老爱幼、夫妻和睦' }),
  // 自治类 (004 三(三)): 集体活动、移风易俗、环境卫生.
  selfRule({ id: 'self.meeting', name: '参加村组会议、道德讲座、健康教育等集体活动', kind: 'fixed', points: 5, claimable: true, article: `${building} 7` }),
  selfRule({ id: 'self.labour', name: '参加村组织的义务劳动', kind: 'fixed', points: 5, claimable: true, article: `${building} 6` }),
  selfRule({ id: 'self.thrift', name: '红白喜事不大操大办、不办无事酒', kind: 'fixed', points: 10, claimable: true, article: `${morals} 14` }),
  selfRule({ id: 'self.clean_month', name: '家庭内外环境整洁、干净卫生（当月）', kind: 'fixed', points: 5, claimable: true, article: `${family} 8` }),
  selfRule({ id: 'self.garden', name: '房前屋后种植花草树木（当年）', kind: 'fixed', points: 10, claimable: true, article: `${family} 5` }),
  selfRule({ id: 'self.sorting', name: '垃圾分类、厨余堆肥（当年）', kind: 'fixed', points: 15, claimable: true, article: `${family} 7` }),
  selfRule({ id: 'self.toilet', name: '改厕、改圈、改厨（当年）', kind: 'fixed', points: 10, claimable: true, article: `${family} 6` }),
  selfRule({ id: 'self.no_burning', name: '无秸秆焚烧（当年）', kind: 'fixed', points: 10, claimable: true, article: `${family} 12` }),
  selfRule({ id: 'self.insurance', name: '按时缴纳合作医疗和农业保险', kind: 'fixed', points: 5, claimable: true, article: `${building} 8` }),
  selfRule({ id: 'self.volunteer', name: '志愿服务（按时长）', kind: 'hours', rate: 1, unit: '小时', maxCount: 24, claimable: true, article: '004 第五篇 二(五)3 志愿服务时长兑换积分' }),
  selfRule({ id: 'self.banquet', name: '大操大办、违规办无事酒', kind: 'fixed', points: 20, deduction: true, claimable: false, article: '004 第三篇 三(三) 按规定不办无事酒' }),
  selfRule({ id: 'self.dumping', name: '乱倒垃圾、破坏环境（经查实）', kind: 'fixed', points: 5, deduction: true, claimable: false, article: '004 第三篇 三(三) 维护环境卫生' }),
  // 示范带动类 (004 三(四)): 建言献策、创办经营主体、荣誉、媒体报道.
  example({ id: 'lead.advice_adopted', name: '为村发展、治理建言献策并被采纳', kind: 'fixed', points: 5, claimable: true, article: `${building} 9` }),
  example({ id: 'lead.found_coop', name: '领办合作社、家庭农场等新型经营主体', kind: 'fixed', points: 10, claimable: true, article: `${building} 11` }),
  example({ id: 'lead.employ', name: '领办经营主体安置本村劳动力', kind: 'per_count', points: 5, unit: '人', maxCount: 50, claimable: true, article: `${building} 14` }),
  example({ id: 'lead.honour.national', name: '获得国家级荣誉', kind: 'fixed', points: 500, claimable: true, article: `${honours} 1` }),
  example({ id: 'lead.honour.province', name: '获得省级荣誉', kind: 'fixed', points: 300, claimable: true, article: `${honours} 2` }),
  example({ id: 'lead.honour.city', name: '获得地市级荣誉', kind: 'fixed', points: 100, claimable: true, article: `${honours} 3` }),
  example({ id: 'lead.honour.county', name: '获得区县级荣誉', kind: 'fixed', points: 50, claimable: true, article: `${honours} 4` }),
  example({ id: 'lead.honour.town', name: '获得镇级荣誉（含星级文明户、最美庭院）', kind: 'fixed', points: 20, claimable: true, article: `${honours} 5` }),
  example({ id: 'lead.honour.village', name: '获得村级荣誉', kind: 'fixed', points: 10, claimable: true, article: `${honours} 6` }),
  example({ id: 'lead.media.city', name: '先进事迹被市级以上媒体报道', kind: 'fixed', points: 50, claimable: true, article: `${honours} 9` }),
  example({ id: 'lead.media.county', name: '先进事迹被区县媒体报道', kind: 'fixed', points: 20, claimable: true, article: `${honours} 10` }),
  example({ id: 'lead.media.town', name: '先进事迹被镇级媒体报道', kind: 'fixed', points: 10, claimable: true, article: `${honours} 11` }),
  // 篇十七 四 13: 申报弄虚作假，给予相应项目双倍扣分 — twice the item's points, entered by the 评定小组 (H14).
  example({ id: 'lead.false_report', name: '申报弄虚作假（按相应项目双倍扣分）', kind: 'range', range: [1, 1000], deduction: true, claimable: false, article: `${honours} 13` }),
];
