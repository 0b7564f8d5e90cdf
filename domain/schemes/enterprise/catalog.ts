/**
 * The enterprise catalog (seeds/004 第一篇 五): 固定积分 by attribute, credited monthly from attendance,
 * and 平时积分, "一事一议": awards and deductions for what lies beyond one's post (岗位职责规定以外的
 * 所有言、行) and for good and bad deeds (好人好事或坏人坏事), each valued by the manager within their
 * limit (三、2 分层分级授权). Item ids are stable: demos and tests refer to them.
 */
import type { CatalogItem } from '../../../typings/models';
import type { FixedPointsDef } from '../../../domain/fixed-points';

const FIVE_1 = '五、1 固定积分';
const FIVE_2 = '五、2 平时积分';

/** The ceiling of one event's value: the highest personal limit (董事长, 200); beyond it 经理办公会 decides. */
const MOST = 200;

const award = (id: string, name: string, claimable: boolean): CatalogItem => ({ id: `merit.${id}`, name, category: '奖分', kind: 'range', range: [1, MOST], claimable, article: FIVE_2 });
const deduct = (id: string, name: string): CatalogItem => ({ id: `fault.${id}`, name, category: '扣分', kind: 'range', range: [1, MOST], claimable: false, article: FIVE_2, deduction: true });

const FIXED_ITEM = 'fixed.monthly';

export const ITEMS: CatalogItem[] = [
  // Posted by the monthly crediting only (domain/fixed-points.ts); never proposed or reported.
  { id: FIXED_ITEM, name: '固定积分（按月度出勤）', category: '固定积分', kind: 'discretionary', claimable: false, article: FIVE_1 },
  // 一、1: 工作职责中无法具体明确的事和眼前突发的事事事有人管、人人争着干.
  award('extra_duty', '主动承担岗位职责以外的工作', true),
  award('emergency', '处理突发事件、排除险情', true),
  award('suggestion', '合理化建议被采纳', true),
  award('good_deed', '好人好事', true),
  award('skill', '技术革新、技能比武获奖', true),
  // 一、1: 中庸、懒、散、等、靠、要的不良状况; 七(四): 坚决杜绝恶意破坏行为.
  deduct('slack', '工作懒散、推诿（等、靠、要）'),
  deduct('discipline', '违反劳动纪律（迟到、早退、脱岗）'),
  deduct('safety', '违反安全规程'),
  deduct('bad_deed', '损害集体利益、违背公德'),
  deduct('sabotage', '恶意破坏积分制管理'),
];

/** 五、1: 学历、职称、职务、技能、工龄、特长, monthly points per value (the company's table). */
export const FIXED_POINTS: FixedPointsDef = {
  item: FIXED_ITEM,
  attributes: [
    {
      id: 'education',
      name: '学历',
      values: [
        { id: 'middle', name: '初中及以下', points: 1 },
        { id: 'high', name: '高中或中专', points: 2 },
        { id: 'college', name: '大专', points: 3 },
        { id: 'bachelor', name: '本科', points: 4 },
        { id: 'master', name: '硕士及以上', points: 6 },
      ],
    },
    {
      id: 'title',
      name: '职称',
      values: [
        { id: 'none', name: '无', points: 0 },
        { id: 'junior', name: '初级', points: 2 },
        { id: 'middle', name: '中级', points: 4 },
        { id: 'senior', name: '高级', points: 6 },
      ],
    },
    {
      id: 'post',
      name: '职务',
      values: [
        { id: 'staff', name: '员工', points: 0 },
        { id: 'team', name: '班组长', points: 2 },
        { id: 'deputy', name: '副科级', points: 4 },
        { id: 'head', name: '科级', points: 6 },
        { id: 'executive', name: '公司领导', points: 8 },
      ],
    },
    {
      id: 'skill',
      name: '技能',
      values: [
        { id: 'none', name: '无', points: 0 },
        { id: 'junior', name: '初级工', points: 1 },
        { id: 'middle', name: '中级工', points: 2 },
        { id: 'senior', name: '高级工', points: 3 },
        { id: 'technician', name: '技师', points: 4 },
        { id: 'senior_technician', name: '高级技师', points: 5 },
      ],
    },
    {
      id: 'seniority',
      name: '工龄',
      values: [
        { id: 'under5', name: '不满5年', points: 1 },
        { id: 'from5', name: '5至10年', points: 2 },
        { id: 'from10', name: '10至20年', points: 3 },
        { id: 'from20', name: '20年以上', points: 4 },
      ],
    },
    {
      id: 'specialty',
      name: '特长',
      values: [
        { id: 'none', name: '无', points: 0 },
        { id: 'one', name: '一项', points: 1 },
        { id: 'more', name: '两项及以上', points: 2 },
      ],
    },
  ],
};
