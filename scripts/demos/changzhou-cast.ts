/**
 * The people of the changzhou demo (changzhou.ts): a 机关党委 of a municipal bureau with four 支部,
 * each with its 支部书记, two 支委委员 (one a 党小组长), a 记分员, ten 党员 and a 预备党员; two
 * 机关党委委员 and the 组织干事 who keeps the roster (the secretariat). Each person has a key; their
 * openid in the demo is `demo-<key>`, the 组织干事's is `local-admin`.
 */

export interface PartyPerson {
  key: string;
  name: string;
  /** The branch's slug; none for the 机关党委's own people. */
  branch?: string;
  roles?: string[];
  category?: 'probationary';
  /** How faithfully they study and attend: 1 always, lower misses more (the demo's variety). */
  diligence: number;
}

export const PARTY_BRANCHES = [
  { slug: 'b1', name: '第一党支部', office: '办公室' },
  { slug: 'b2', name: '第二党支部', office: '公共机构节能处' },
  { slug: 'b3', name: '第三党支部', office: '资产管理处' },
  { slug: 'b4', name: '第四党支部', office: '机关服务中心' },
] as const;

const ROOT_PEOPLE: PartyPerson[] = [
  { key: 'committee1', name: '沈建国', roles: ['party_committee'], diligence: 1 },
  { key: 'committee2', name: '顾晓梅', roles: ['party_committee'], diligence: 1 },
  { key: 'clerk', name: '蔡文静', diligence: 1 },
];

/** Fourteen names per branch: 书记, 支委, 支委 (党小组长), 记分员, ten 党员, then the 预备党员. */
const NAMES: Record<(typeof PARTY_BRANCHES)[number]['slug'], string[]> = {
  b1: ['王立新', '李红梅', '张卫东', '赵雪', '陈志明', '刘芳', '杨帆', '黄海涛', '周丽娟', '吴昊', '徐静', '孙浩然', '马晓东', '朱琳', '胡一鸣'],
  b2: ['钱国强', '郭秀英', '林涛', '何佳', '高建军', '罗敏', '郑鹏', '梁慧', '宋杰', '谢婷婷', '韩磊', '唐颖', '冯俊', '于洋', '董思远'],
  b3: ['程伟', '曹玉兰', '袁斌', '邓晓燕', '许振华', '傅丹', '彭亮', '苏晴', '蒋明', '蔡立平', '贾琪', '丁少华', '魏晨', '薛蕾', '叶子涵'],
  b4: ['潘志刚', '杜丽萍', '戴军', '夏雨', '钟伟民', '汪洁', '田野', '任娜', '姜超', '范文斌', '方圆', '石磊', '姚静怡', '谭宏', '廖可欣'],
};

/** Members who study and attend less than the rest: the demo's warnings come from them. */
const LOW_DILIGENCE: Record<string, number> = { 'b1-09': 0.55, 'b2-08': 0.3, 'b3-probation': 0.5, 'b4-10': 0.7 };

export function partyCast(): PartyPerson[] {
  const people = [...ROOT_PEOPLE];
  for (const { slug } of PARTY_BRANCHES) {
    const names = NAMES[slug];
    people.push(
      { key: `${slug}-secretary`, name: names[0], branch: slug, roles: ['branch_secretary', 'branch_committee'], diligence: 1 },
      { key: `${slug}-committee`, name: names[1], branch: slug, roles: ['branch_committee'], diligence: 1 },
      { key: `${slug}-leader`, name: names[2], branch: slug, roles: ['branch_committee', 'group_leader'], diligence: 0.95 },
      { key: `${slug}-scorekeeper`, name: names[3], branch: slug, roles: ['scorekeeper'], diligence: 1 },
    );
    for (let i = 1; i <= 10; i++) {
      const key = `${slug}-${String(i).padStart(2, '0')}`;
      people.push({ key, name: names[3 + i], branch: slug, diligence: LOW_DILIGENCE[key] ?? 0.85 + ((i * 7) % 4) * 0.05 });
    }
    const probation = `${slug}-probation`;
    people.push({ key: probation, name: names[14], branch: slug, category: 'probationary', diligence: LOW_DILIGENCE[probation] ?? 0.9 });
  }
  return people;
}
