/**
 * The people of the party-branch demo (party-branch.ts): a 街道党工委 with four 支部 of 10 to 18 党员,
 * each with its 支部书记, a 支委委员 (组织委员), a 支委委员 who is also 党小组长, a 记分员, 党员 and
 * 预备党员; two 党委委员 and the 党务专干 who keeps the roster (the secretariat). Each person has a key;
 * their openid in the demo is `demo-<key>`, the 党务专干's `local-admin`.
 *
 * How a member keeps the rules shapes their year: `model` misses nothing, `steady` now and then asks
 * leave or forgets a study note, `lax` misses often and pays dues late, `gone` is a 流动党员 who went
 * out to work and stopped taking part (their 日常 reaches 0, 扣完为止), and `exact` members have their
 * deductions written out in the seed (街道机关党支部's 优秀 line falls in a tie). castOf tells the preview's
 * caller switcher who they are (GET /demo.json).
 */
import { categoryName, roleName } from '../../domain/glossary';
import { PARTY_BRANCH_SCHEME } from '../../domain/schemes/party-branch';
import type { DemoCast } from '../../localcloud/preview';
import { demoOpenid } from './api';

export type Conduct = 'model' | 'steady' | 'lax' | 'gone' | 'exact';

export interface BranchPerson {
  key: string;
  name: string;
  /** The branch's slug; none for the 党工委's own people. */
  branch?: string;
  roles?: string[];
  category?: 'probationary';
  conduct: Conduct;
  /** Last year's 民主评议 score (篇十六 四(三) bands); none for the 党工委's people. */
  review?: number;
}

export const BRANCHES = [
  { slug: 'b1', name: '街道机关党支部' },
  { slug: 'b2', name: '幸福里社区党支部' },
  { slug: 'b3', name: '城南实验小学党支部' },
  { slug: 'b4', name: '非公企业联合党支部' },
] as const;

export type BranchSlug = (typeof BRANCHES)[number]['slug'];

const ROOT_PEOPLE: BranchPerson[] = [
  { key: 'committee1', name: '李国华', roles: ['party_committee'], conduct: 'model' },
  { key: 'committee2', name: '王秀兰', roles: ['party_committee'], conduct: 'model' },
  { key: 'clerk', name: '崔明', conduct: 'model' },
];

/** [name, conduct, 评议] of each branch: 书记, 支委, 支委 (党小组长), 记分员, then 党员, then 预备党员 (marked *). */
const MEMBERS: Record<BranchSlug, [string, Conduct, number][]> = {
  b1: [
    ['张建华', 'steady', 80], ['刘晓燕', 'steady', 78], ['王志强', 'steady', 76], ['陈静', 'steady', 75],
    ['李明辉', 'model', 98], ['赵丽萍', 'exact', 90], ['孙国栋', 'exact', 97], ['周婷', 'steady', 80],
    ['吴海峰', 'lax', 68], ['郑雅文', 'steady', 79], ['冯建平', 'steady', 74], ['何晓东', 'steady', 77],
    ['*林思源', 'steady', 72], ['*许佳怡', 'steady', 75],
  ],
  b2: [
    ['马桂英', 'model', 95], ['黄德明', 'steady', 90], ['徐卫国', 'steady', 88], ['朱玉兰', 'model', 92],
    ['高秀珍', 'model', 96], ['罗永红', 'steady', 85], ['梁振华', 'steady', 86], ['宋金凤', 'model', 93],
    ['唐志刚', 'lax', 70], ['韩淑芬', 'steady', 88], ['萧长林', 'gone', 45], ['曹德胜', 'steady', 84],
    ['邓美玲', 'steady', 90], ['彭建新', 'steady', 82], ['曾凡荣', 'model', 94], ['田秀英', 'steady', 87],
    ['潘立军', 'steady', 83], ['*董雨欣', 'steady', 85],
  ],
  b3: [
    ['蒋文斌', 'model', 96], ['沈丽君', 'steady', 92], ['杜鹏', 'steady', 88], ['叶倩', 'model', 90],
    ['程晓梅', 'model', 97], ['袁博', 'steady', 86], ['魏敏', 'steady', 91], ['薛丹', 'steady', 85],
    ['姚俊杰', 'lax', 72], ['谭静怡', 'model', 93], ['廖晨', 'steady', 84], ['*范子涵', 'steady', 86],
  ],
  b4: [
    ['陆永刚', 'model', 92], ['汪海燕', 'steady', 88], ['任国庆', 'steady', 85], ['贾莉', 'steady', 86],
    ['钟伟', 'model', 91], ['卢晓峰', 'steady', 82], ['傅强', 'lax', 66], ['丁磊', 'lax', 62],
    ['苏红', 'steady', 84], ['*江一帆', 'lax', 45],
  ],
};

export function branchCast(): BranchPerson[] {
  const people = [...ROOT_PEOPLE];
  for (const { slug } of BRANCHES) {
    let member = 0;
    let probation = 0;
    MEMBERS[slug].forEach(([label, conduct, review], index) => {
      const probationary = label.startsWith('*');
      const name = probationary ? label.slice(1) : label;
      const base = { name, branch: slug, conduct, review };
      if (index === 0) people.push({ ...base, key: `${slug}-secretary`, roles: ['branch_secretary', 'branch_committee'] });
      else if (index === 1) people.push({ ...base, key: `${slug}-committee`, roles: ['branch_committee'] });
      else if (index === 2) people.push({ ...base, key: `${slug}-leader`, roles: ['branch_committee', 'group_leader'] });
      else if (index === 3) people.push({ ...base, key: `${slug}-scorekeeper`, roles: ['scorekeeper'] });
      else if (probationary) people.push({ ...base, key: `${slug}-probation${++probation > 1 ? probation : ''}`, category: 'probationary' });
      else people.push({ ...base, key: `${slug}-${String(++member).padStart(2, '0')}` });
    });
  }
  return people;
}

/** Who the demo's people are, for the preview's caller switcher (GET /demo.json). */
export function castOf(people: BranchPerson[]): DemoCast {
  const scheme = PARTY_BRANCH_SCHEME;
  const unitName = (slug?: string) => BRANCHES.find((b) => b.slug === slug)?.name ?? scheme.organisation.root.name;
  return {
    scheme: 'party-branch',
    people: people.map((p) => ({
      openid: demoOpenid(p.key),
      name: p.name,
      roles: [
        ...(p.roles ?? []).map((role) => roleName(scheme, role)),
        ...(p.key === 'clerk' ? ['秘书处'] : []),
        ...(p.category ? [categoryName(scheme, p.category)!] : []),
      ],
      unit: unitName(p.branch),
    })),
    // A 党员 of 街道机关党支部 with a year and more of history and a report waiting.
    start: demoOpenid('b1-04'),
  };
}
