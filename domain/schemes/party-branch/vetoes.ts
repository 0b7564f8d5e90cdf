/**
 * The conditions of 一票否决 and of disqualification the party-branch texts list, as data of the
 * template (outcomes.vetoes); each is decided under the `veto` chain with its reason (veto.propose).
 *
 * - 篇二十一 三、(三) 归零指数: eight conditions that set the cycle's score to 0 (分值归零，实行一票否决).
 * - 篇一 三、4: 六个月无正当理由不交纳党费 and 当年受到党政纪处分 are 不合格 whatever the score
 *   (直接视作当年不合格党员等次): the score stands, the grade fails.
 * - 004 第二篇 五: nine conditions 直接认定为不合格党员, for the variant of that text.
 */
import type { VetoCondition } from '../../outcomes';

const zero = (id: string, name: string, n: number): VetoCondition => ({ id, name, effect: 'zero', article: `篇二十一 三、(三)${n}` });

export const ZEROING: VetoCondition[] = [
  zero('crime', '触犯刑律，被追究刑事责任', 1),
  zero('family_planning', '违反计划生育政策', 2),
  zero('cult', '从事、参与邪教活动', 3),
  zero('mass_petition', '煽动、组织群体性上访', 4),
  zero('vice', '参与“黄、赌、毒”或为他人提供场所（以执法部门的调查记录为依据）', 5),
  zero('absent_six_months', '无正当理由连续6个月不参加组织活动', 6),
  zero('unpaid_six_months', '无正当理由连续6个月不缴纳党费', 7),
  zero('other_serious', '其它严重违反党章和党内法规规定情形', 8),
];

export const FAILING: VetoCondition[] = [
  { id: 'dues_six_months', name: '六个月无正当理由不交纳党费', effect: 'fail', article: '篇一 三、4' },
  { id: 'sanctioned', name: '当年受到党纪政纪处分', effect: 'fail', article: '篇一 三、4' },
];

const fail004 = (id: string, name: string, n: number): VetoCondition => ({ id, name, effect: 'fail', article: `004 第二篇 五(${n})` });

export const FAILING_004: VetoCondition[] = [
  fail004('embezzlement', '侵占集体资产或挪用集体资金', 1),
  fail004('serious_warning', '受党内严重警告处分期间', 2),
  fail004('removal_or_probation', '受撤销党内职务、留党察看处分期间', 3),
  fail004('cult', '参与邪教组织、非法组织或封建迷信活动，经教育仍不改正', 4),
  fail004('six_months', '无正当理由连续6个月不交纳党费、不参加党的组织生活、不做党组织所分配的工作', 5),
  fail004('family_planning', '本人违反计划生育政策', 6),
  fail004('petition', '参与或组织群众非法上访或越级上访', 7),
  fail004('other_offence', '有其他违法乱纪行为', 8),
  fail004('major_error', '工作上有重大失误，经媒体曝光，在全区造成重大影响', 9),
];
