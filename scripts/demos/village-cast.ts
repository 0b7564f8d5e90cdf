/**
 * The people of the village demo (village.ts): 重庆市某区 石板村, six 村民小组 of about twenty households
 * each, one to four people to a household (the 户主 first; some have not bound their WeChat yet), the
 * 评定小组 (村支书 as its 组长, two 村干部, each group's 村民小组长, a 党员代表 and a 群众代表), a 村委会
 * 委员 who looks into objections, the 超市管理员, and the 文书 who keeps the roster (the secretariat).
 * Openids are `demo-<key>`; the 文书's is `local-admin`.
 */
import { chance, pick } from './api';

export const VILLAGE_NAME = '石板村';

/** The household of 一组 the preview opens as (its 户主, `demo-h1-03`). */
export const START_HOUSEHOLD = 'h1-03';

export const GROUPS = ['一组', '二组', '三组', '四组', '五组', '六组'] as const;

export interface VillagePerson {
  key: string;
  name: string;
  /** The 村民小组 (index into GROUPS); none for the village's own people. */
  group?: number;
  roles?: string[];
  /** A household's people share its key's prefix `h<g>-<nn>`; the household is named for its 户主. */
  household?: string;
  /** Whether they bound their WeChat (the demo's older people often have not). */
  bound: boolean;
}

export interface VillageHousehold {
  key: string;
  name: string;
  group: number;
  category: 'general' | 'lifted';
  people: VillagePerson[];
  /** How often the household takes part (0–1): the demo's variety without randomness. */
  zeal: number;
}

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩'];
const MEN = ['建国', '德福', '长春', '国强', '明华', '大山', '永贵', '志刚', '海军', '春生', '玉林', '家富', '正兵', '文才', '世平'];
const WOMEN = ['秀英', '桂兰', '淑芬', '玉兰', '春梅', '素珍', '小琴', '翠华', '丽萍', '金凤'];
const YOUNG = ['小明', '晓燕', '浩', '婷婷', '鑫', '雨欣', '俊杰', '佳怡'];

/** 20 households a group (21 in 一组 and 四组): 122 in all. */
export function villageHouseholds(): VillageHousehold[] {
  const out: VillageHousehold[] = [];
  const used = new Set<string>();
  GROUPS.forEach((_, g) => {
    const count = g === 0 || g === 3 ? 21 : 20;
    for (let n = 1; n <= count; n++) {
      const key = `h${g + 1}-${String(n).padStart(2, '0')}`;
      let surname = pick(SURNAMES, `${key}:s`);
      let head = `${surname}${pick(MEN, `${key}:m`)}`;
      for (let k = 0; used.has(head); k++) head = `${(surname = SURNAMES[(SURNAMES.indexOf(surname) + 1) % SURNAMES.length])}${pick(MEN, `${key}:m${k}`)}`;
      used.add(head);
      const size = 1 + Math.floor(chance(`${key}:size`) * 4);
      const names = [head, `${pick(SURNAMES, `${key}:w`)}${pick(WOMEN, `${key}:wn`)}`, `${surname}${pick(YOUNG, `${key}:y`)}`, `${surname}${pick(YOUNG, `${key}:y2`)}`];
      const unique = [...new Set(names)].slice(0, size);
      const people = unique.map((name, i) => ({
        key: i === 0 ? key : `${key}-${i + 1}`,
        name,
        group: g,
        household: `${head}户`,
        // Half the 户主 and a few of the others have bound their WeChat so far.
        bound: (i === 0 && key === START_HOUSEHOLD) || chance(`${key}:bound:${i}`) < (i === 0 ? 0.5 : 0.15),
      }));
      out.push({ key, name: `${head}户`, group: g, category: chance(`${key}:lifted`) < 0.12 ? 'lifted' : 'general', people, zeal: 0.35 + chance(`${key}:zeal`) * 0.65 });
    }
  });
  return out;
}

/** The village's own people: the 评定小组, the 村委会, the shop, the roster's keeper. */
export const OFFICIALS: VillagePerson[] = [
  { key: 'secretary', name: '冉光明', roles: ['assessment_leader', 'village_committee'], bound: true },
  { key: 'cadre1', name: '向红梅', roles: ['village_cadre'], bound: true },
  { key: 'cadre2', name: '谭志勇', roles: ['village_cadre'], bound: true },
  { key: 'committee', name: '秦德才', roles: ['village_committee'], bound: true },
  { key: 'party-rep', name: '龚正华', roles: ['party_rep'], bound: true },
  { key: 'masses-rep', name: '蒲秀珍', roles: ['masses_rep'], bound: true },
  { key: 'shop', name: '牟小芳', roles: ['shop_keeper'], bound: true },
  { key: 'clerk', name: '田静', bound: true },
  ...['熊德明', '冉启华', '彭大伟', '杨光荣', '文世清', '石永康'].map((name, g) => ({ key: `leader${g + 1}`, name, group: g, roles: ['group_leader'], bound: true })),
];
