/**
 * The people of the enterprise demo (enterprise.ts; seeds/004 第一篇): a coal company with two
 * 区队 and three 部室, each with its 部门经理 (区队长, 科长), two 班组长 and its workers, and at the
 * company the 董事长, the 总经理 and two 人力资源部 staff (one the secretariat, `clerk`). Everyone
 * carries the six 固定积分 attributes; a few are the demo's stories (a long sick leave, repeated
 * violations). Each person's openid is `demo-<key>`, the HR secretary's `local-admin`.
 */
import { chance, pick } from './api';

export interface Employee {
  key: string;
  name: string;
  /** The department's slug; none for the company's own people. */
  department?: string;
  roles?: string[];
  /** 学历, 职称, 职务, 技能, 工龄, 特长 by their Chinese value names. */
  attributes: Record<string, string>;
  /** Share of required days usually worked (1: every day). */
  attendance: number;
}

export const DEPARTMENTS = [
  { slug: 'zc1', name: '综采一队', workers: 18 },
  { slug: 'jj2', name: '掘进二队', workers: 18 },
  { slug: 'jd', name: '机电科', workers: 12 },
  { slug: 'tf', name: '通风科', workers: 10 },
  { slug: 'aq', name: '安全科', workers: 8 },
] as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'];
const GIVEN = ['建国', '志强', '海军', '国平', '红兵', '永生', '卫东', '晓峰', '俊杰', '文斌', '振华', '宏伟', '立新', '保平', '金山', '满仓', '二虎', '长青', '德胜', '春生', '鹏飞', '亚军', '占武', '晋生', '瑞林', '铁柱', '云龙', '世杰', '庆丰', '有才'];

const EDUCATION = ['初中及以下', '高中或中专', '高中或中专', '大专', '本科'];
const SKILL = ['无', '初级工', '中级工', '中级工', '高级工', '技师'];
const SENIORITY = ['不满5年', '5至10年', '10至20年', '10至20年', '20年以上'];

function worker(key: string, post: string, title = '无'): Record<string, string> {
  return {
    学历: pick(EDUCATION, `${key}:edu`),
    职称: title,
    职务: post,
    技能: pick(SKILL, `${key}:skill`),
    工龄: pick(SENIORITY, `${key}:years`),
    特长: chance(`${key}:talent`) < 0.2 ? '一项' : '无',
  };
}

/** The demo's stories: 掘进二队's 07 on long sick leave; 综采一队's 11 and 掘进二队's 12 with serious violations. */
const ATTENDANCE: Record<string, number> = { 'jj2-07': 0.35, 'zc1-11': 0.9 };

export function companyCast(): Employee[] {
  const used = new Set<string>();
  let n = 0;
  const nameFor = (key: string): string => {
    for (let i = 0; ; i++) {
      const name = SURNAMES[(n * 7 + i) % SURNAMES.length] + pick(GIVEN, `${key}:${i}`);
      if (!used.has(name)) {
        used.add(name);
        n++;
        return name;
      }
    }
  };
  const people: Employee[] = [
    { key: 'chairman', name: '贾正阳', roles: ['chairman'], attributes: { ...worker('chairman', '公司领导', '高级'), 学历: '硕士及以上' }, attendance: 1 },
    { key: 'gm', name: '韩晋军', roles: ['general_manager'], attributes: { ...worker('gm', '公司领导', '高级'), 学历: '本科' }, attendance: 1 },
    { key: 'clerk', name: '王丽娟', roles: ['hr'], attributes: { ...worker('clerk', '科级', '中级'), 学历: '本科' }, attendance: 1 },
    { key: 'hr2', name: '刘晓燕', roles: ['hr'], attributes: { ...worker('hr2', '员工', '初级'), 学历: '大专' }, attendance: 1 },
  ];
  for (const d of DEPARTMENTS) {
    people.push({ key: `${d.slug}-manager`, name: nameFor(`${d.slug}-manager`), department: d.slug, roles: ['dept_manager'], attributes: worker(`${d.slug}-manager`, '科级', '中级'), attendance: 1 });
    for (const i of [1, 2]) {
      const key = `${d.slug}-leader${i}`;
      people.push({ key, name: nameFor(key), department: d.slug, roles: ['team_leader'], attributes: worker(key, '班组长', '初级'), attendance: 0.98 });
    }
    for (let i = 1; i <= d.workers; i++) {
      const key = `${d.slug}-${String(i).padStart(2, '0')}`;
      people.push({ key, name: nameFor(key), department: d.slug, attributes: worker(key, '员工'), attendance: ATTENDANCE[key] ?? 0.9 + chance(`${key}:att`) * 0.1 });
    }
  }
  return people;
}
