/**
 * The people of the demo association (jingmen.ts): 荆门市新联会's officers and three branches
 * of sixteen, every role the scheme knows, Chinese names, professions and social roles. Each person
 * has a key; their WeChat openid in the demo is `demo-<key>`, and the secretariat member's is
 * `local-admin`, the local default administrator.
 */

export interface Person {
  key: string;
  name: string;
  branch?: string;
  tier?: string;
  positions?: string[];
  profession: string;
  socialRoles?: string[];
}

export const BRANCHES = [
  { slug: 'dongbao', name: '东宝分会' },
  { slug: 'duodao', name: '掇刀分会' },
  { slug: 'shayang', name: '沙洋分会' },
] as const;

/** The association's officers and members who belong to no branch. */
const OFFICERS: Person[] = [
  { key: 'president', name: '王建华', tier: 'council', positions: ['president'], profession: '企业家', socialRoles: ['市人大代表'] },
  { key: 'vp1', name: '李明远', tier: 'council', positions: ['vice_president'], profession: '律师', socialRoles: ['市政协委员'] },
  { key: 'vp2', name: '陈静怡', tier: 'council', positions: ['vice_president'], profession: '医生' },
  { key: 'vp3', name: '刘志强', tier: 'council', positions: ['vice_president'], profession: '建筑师', socialRoles: ['区人大代表'] },
  { key: 'secgen', name: '张晓燕', tier: 'director', positions: ['secretary_general'], profession: '会计师', socialRoles: ['市政协委员'] },
  { key: 'instructor', name: '赵国平', positions: ['political_instructor'], profession: '公务员' },
  { key: 'clerk', name: '周小琳', tier: 'member', profession: '行政人员' },
  { key: 'council1', name: '孙海波', tier: 'council', profession: '企业家', socialRoles: ['市工商联执委'] },
  { key: 'council2', name: '吴丽华', tier: 'council', profession: '律师' },
  { key: 'director1', name: '郑凯', tier: 'director', profession: '教师' },
  { key: 'director2', name: '何雨欣', tier: 'director', profession: '设计师' },
  { key: 'member1', name: '冯磊', tier: 'member', profession: '自由职业者' },
  { key: 'member2', name: '蒋婷', tier: 'member', profession: '媒体人' },
];

/** Per branch: its president, two leaders, a director and twelve members. */
const BRANCH_PEOPLE: Record<(typeof BRANCHES)[number]['slug'], Omit<Person, 'key' | 'branch'>[]> = {
  dongbao: [
    { name: '黄志刚', tier: 'director', positions: ['branch_president'], profession: '律师', socialRoles: ['区政协委员'] },
    { name: '林晓梅', tier: 'member', positions: ['branch_leader'], profession: '教师' },
    { name: '罗斌', tier: 'director', positions: ['branch_leader'], profession: '医生' },
    { name: '高建军', tier: 'director', profession: '企业家' },
    { name: '杨帆', profession: '会计师' },
    { name: '朱慧敏', profession: '医生', socialRoles: ['区人大代表'] },
    { name: '胡俊', profession: '律师' },
    { name: '郭晓东', profession: '建筑师' },
    { name: '马丽', profession: '教师' },
    { name: '徐浩然', profession: '企业家' },
    { name: '宋雅琴', profession: '心理咨询师' },
    { name: '唐伟', profession: '律师' },
    { name: '许婷婷', profession: '医生' },
    { name: '韩磊', profession: '会计师' },
    { name: '曹颖', profession: '媒体人' },
    { name: '彭博', profession: '工程师' },
  ],
  duodao: [
    { name: '梁文博', tier: 'director', positions: ['branch_president'], profession: '企业家', socialRoles: ['区人大代表'] },
    { name: '谢丹', tier: 'member', positions: ['branch_leader'], profession: '会计师' },
    { name: '曾志伟', tier: 'director', positions: ['branch_leader'], profession: '律师' },
    { name: '肖敏', tier: 'director', profession: '医生' },
    { name: '田野', profession: '建筑师' },
    { name: '董佳', profession: '教师' },
    { name: '袁航', profession: '企业家', socialRoles: ['区政协委员'] },
    { name: '潘晓雪', profession: '律师' },
    { name: '于洋', profession: '工程师' },
    { name: '蔡琳', profession: '医生' },
    { name: '余涛', profession: '会计师' },
    { name: '杜鹃', profession: '设计师' },
    { name: '叶子明', profession: '教师' },
    { name: '程亮', profession: '企业家' },
    { name: '苏雪', profession: '律师' },
    { name: '魏东', profession: '自由职业者' },
  ],
  shayang: [
    { name: '谢春华', tier: 'director', positions: ['branch_president'], profession: '医生', socialRoles: ['县政协委员'] },
    { name: '吕强', tier: 'member', positions: ['branch_leader'], profession: '企业家' },
    { name: '丁玲', tier: 'director', positions: ['branch_leader'], profession: '教师' },
    { name: '任重', tier: 'director', profession: '律师' },
    { name: '沈佳怡', profession: '会计师' },
    { name: '姚远', profession: '建筑师' },
    { name: '卢珊', profession: '医生', socialRoles: ['县人大代表'] },
    { name: '姜涛', profession: '企业家' },
    { name: '崔莉', profession: '教师' },
    { name: '钟鸣', profession: '律师' },
    { name: '谭雪梅', profession: '医生' },
    { name: '陆飞', profession: '工程师' },
    { name: '汪洁', profession: '会计师' },
    { name: '范俊杰', profession: '企业家' },
    { name: '金晶', profession: '媒体人' },
    { name: '石磊', profession: '建筑师' },
  ],
};

const BRANCH_ROLE_KEYS = ['head', 'leader1', 'leader2', 'director'];

/** Everyone, keyed: officers by role, branch people as `<branch>-head`, `-leader1`, …, `-01` to `-12`. */
export function demoCast(): Person[] {
  const branchPeople = BRANCHES.flatMap(({ slug, name }) =>
    BRANCH_PEOPLE[slug].map((p, i) => ({
      ...p,
      key: `${slug}-${BRANCH_ROLE_KEYS[i] ?? String(i - BRANCH_ROLE_KEYS.length + 1).padStart(2, '0')}`,
      branch: name,
      tier: p.tier ?? 'member',
    })),
  );
  return [...OFFICERS, ...branchPeople];
}

/** Two members who took part for a while, then left (第十七条: their ledger is kept, they are not ranked). */
export const LEAVERS = ['duodao-12', 'shayang-11'];
