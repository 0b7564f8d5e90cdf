/**
 * The people and member units of the qiuxian demo (qiuxian.ts; seeds/003): 邱县新联会's 700 members in
 * 14 分会 (将700余名新联会会员分配到医疗保障、心理咨询等14个新联会分会队伍中). The 会长 and the 13 副会长 on 轮值
 * (经13名副会长全员纳入轮值体系), the 秘书长, a 秘书处 clerk, a 分会会长 and two 班子成员 in each 分会;
 * member units as accounts named by their company (会员单位, 理事单位, and the 会长单位 of the 会长 and
 * each 副会长); the 县委统战部's liaison, who is not a member. Each has a key; the openid in the demo
 * is `demo-<key>` (the clerk's is `local-admin`). Names come from fixed lists: no randomness.
 */
import { chance } from './api';

export interface QiuxianAccount {
  key: string;
  name: string;
  /** The 分会's slug; none for the liaison. */
  branch?: string;
  roles?: string[];
  category: 'member' | 'unit_member' | 'unit_director' | 'unit_president' | null;
  profession?: string;
  /** How active they are, 0 to 1: the demo's variety (who attends, forwards, serves). */
  zeal: number;
}

/** The 14 分会: 003 names 医疗保障 and 心理咨询; the rest follow its 品牌 and the county's 新阶层 (Q1). */
export const QIUXIAN_BRANCHES = [
  { slug: 'yiliao', name: '医疗保障分会', trade: '医生', firm: '医院' },
  { slug: 'xinli', name: '心理咨询分会', trade: '心理咨询师', firm: '心理咨询中心' },
  { slug: 'falv', name: '法律服务分会', trade: '律师', firm: '律师事务所' },
  { slug: 'zhunong', name: '助农电商分会', trade: '电商从业者', firm: '电子商务有限公司' },
  { slug: 'manhua', name: '漫画文创分会', trade: '漫画创作者', firm: '文化创意有限公司' },
  { slug: 'zimeiti', name: '自媒体分会', trade: '自媒体人', firm: '传媒有限公司' },
  { slug: 'jiaoyu', name: '教育培训分会', trade: '培训教师', firm: '教育咨询有限公司' },
  { slug: 'caishui', name: '财税金融分会', trade: '会计师', firm: '会计师事务所' },
  { slug: 'jianzhu', name: '建筑设计分会', trade: '建筑师', firm: '建筑设计有限公司' },
  { slug: 'nongye', name: '现代农业分会', trade: '农业技术员', firm: '农业科技有限公司' },
  { slug: 'shangmao', name: '商贸物流分会', trade: '企业经营者', firm: '商贸物流有限公司' },
  { slug: 'xinxi', name: '信息技术分会', trade: '软件工程师', firm: '网络科技有限公司' },
  { slug: 'shegong', name: '社会组织分会', trade: '社会工作者', firm: '社会工作服务中心' },
  { slug: 'wenyi', name: '文艺演出分会', trade: '文艺工作者', firm: '文化传播有限公司' },
] as const;

export type BranchSlug = (typeof QIUXIAN_BRANCHES)[number]['slug'];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['建国', '晓燕', '志强', '丽华', '海涛', '静怡', '伟', '芳', '磊', '婷婷', '浩然', '雪梅', '俊杰', '慧敏', '立新', '红霞', '国庆', '秀英', '振华', '雅琴', '鹏', '佳怡', '明远', '晓东', '文静', '宏伟', '玉兰', '子涵', '永刚', '春燕', '少华', '欣怡', '德胜', '桂英', '天宇', '梦瑶', '学军', '丹', '一鸣', '思远'];
/** Firm name stems: 邱县 + stem + the 分会's kind of firm. */
const FIRMS = ['康宁', '仁和', '宏达', '鑫源', '恒通', '华泰', '金穗', '瑞丰', '青禾', '博远', '润泽', '嘉禾', '新程', '永信', '同心', '盛世', '丰泽', '安泰', '益民', '兴邦', '聚力', '众诚', '天和', '明德'];

/** A person's name for each index, distinct for the first surnames × given names indices. */
const personName = (i: number): string => SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 13 + Math.floor(i / SURNAMES.length)) % GIVEN.length];

/**
 * The membership: `size` accounts in all (700 by default), spread evenly over the 14 分会; per 分会 one
 * 会长单位 (the 会长's or a 副会长's firm), two 理事单位 and four 会员单位; the officers within it.
 */
export function qiuxianCast(size = 700): QiuxianAccount[] {
  const people: QiuxianAccount[] = [{ key: 'liaison', name: '邢卫东', roles: ['uf_liaison'], category: null, zeal: 1 }];
  const used = new Set<string>();
  let next = 0;
  const freshName = (): string => {
    while (next < SURNAMES.length * GIVEN.length) {
      const name = personName(next++);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error('qiuxian demo: more members than names');
  };
  let firm = 0;
  const firmName = (kind: string) => `邱县${FIRMS[firm++ % FIRMS.length]}${kind}`;
  QIUXIAN_BRANCHES.forEach(({ slug, trade, firm: kind }, b) => {
    const perBranch = Math.floor(size / QIUXIAN_BRANCHES.length) + (b < size % QIUXIAN_BRANCHES.length ? 1 : 0);
    const add = (key: string, extra: Partial<QiuxianAccount> = {}) =>
      people.push({ key, name: freshName(), branch: slug, category: 'member', profession: trade, zeal: 0.3 + chance(key) * 0.7, ...extra });
    // The 会长 is of the first 分会, a 副会长 of each other; the 秘书长 and the clerk of the first two.
    add(b === 0 ? 'president' : `vp${b}`, { roles: [b === 0 ? 'president' : 'vice_president'], zeal: 1 });
    add(`${slug}-head`, { roles: ['branch_president'], zeal: 0.95 });
    add(`${slug}-lead1`, { roles: ['branch_leader'], zeal: 0.9 });
    add(`${slug}-lead2`, { roles: ['branch_leader'], zeal: 0.85 });
    let extra = 4;
    if (b === 0) add('secgen', { roles: ['secretary_general'], zeal: 1 });
    if (b === 1) add('clerk', { zeal: 0.8 });
    if (b <= 1) extra++;
    const units: QiuxianAccount['category'][] = ['unit_president', 'unit_director', 'unit_director', 'unit_member', 'unit_member', 'unit_member', 'unit_member'];
    units.forEach((category, u) => {
      const key = `${slug}-unit${u + 1}`;
      people.push({ key, name: firmName(kind), branch: slug, category, zeal: 0.4 + chance(key) * 0.6 });
    });
    for (let i = 1; i <= perBranch - extra - units.length; i++) add(`${slug}-${String(i).padStart(2, '0')}`);
  });
  return people;
}

/** The 副会长 on 轮值 in a month (月度轮值+年度排期): the thirteen in turn from January. */
export const rotaOf = (month: number): string => `vp${((month - 1) % 13) + 1}`;
