import type { ItemKind, Position, Tier } from '../typings/models';

/** Chinese names of the roles the product knows (第十二条, SPEC §4 People). */
export const POSITION_NAMES: Readonly<Record<Position, string>> = {
  president: '会长',
  vice_president: '副会长',
  secretary_general: '秘书长',
  political_instructor: '政治指导员',
  branch_president: '分会会长',
  branch_leader: '分会领导班子成员',
};

/** 会费档次 (第五条). */
export const TIER_NAMES: Readonly<Record<Tier, string>> = {
  member: '会员',
  director: '理事',
  council: '会长会成员',
};

/** Positions held in a branch (第十三条 4、5: 各分会的会长, 各分会领导班子成员); all others are the association's. */
export const BRANCH_POSITIONS: readonly Position[] = ['branch_president', 'branch_leader'];

/** How an item is scored, in the words of the notices and messages. */
export const KIND_NAMES: Readonly<Record<ItemKind, string>> = {
  fixed: '固定分值',
  range: '区间分值',
  per_count: '按人次计分',
  value_share: '按价值折算',
  discretionary: '酌情奖分',
  committee: '会长会研究',
  dues: '职务积分',
};
