/**
 * What 考评公示 shows of a graded cycle (seeds/001 篇一 三、4, 篇十五, 篇二十一): each row's place, its
 * grade's name, its stars, a 一票否决 with its condition and reason, and on one unit's list the quota
 * line after the last row of the limited grade (优秀 at most 15% of the unit's members, at least 1).
 * Pure: the page and the tests read it.
 */
import type { DataOf, OutcomeView, SchemeTerms, Veto } from '../../../typings/api';
import { chinaDay, dayLabel } from '../../format/dates';
import { percentText } from '../../format/points';

type Quota = NonNullable<DataOf<'outcome.list'>['quota']>;

/** 星级 is a five-star scale (篇十五: 五星 to 一星). */
const STAR_SCALE = 5;
const STAR_NAMES = ['零', '一', '二', '三', '四', '五'];

export interface GradeMarks {
  /** '第 3 名', or '' for rows without a place. */
  rankText: string;
  /** 优秀, 合格…; '' where the template has no grades. */
  gradeName: string;
  /** '★★★★☆', and its words for those who listen rather than look ('四星'). */
  starsText: string;
  starsLabel: string;
  /** '一票否决' (score set to 0) or '视作不合格' (failed whatever the score); '' without a veto. */
  vetoTag: string;
  /** The condition and the reason: '触犯刑律：因盗窃被判处有期徒刑'. */
  vetoText: string;
}

export function starsOf(stars: number): { text: string; label: string } {
  const filled = Math.max(0, Math.min(STAR_SCALE, Math.round(stars)));
  return { text: '★'.repeat(filled) + '☆'.repeat(STAR_SCALE - filled), label: `${STAR_NAMES[filled]}星` };
}

export function gradeMarksOf(row: OutcomeView): GradeMarks {
  const stars = row.stars === null ? null : starsOf(row.stars);
  const veto = row.veto;
  return {
    rankText: row.rank !== undefined ? `第 ${row.rank} 名` : '',
    gradeName: row.gradeName ?? '',
    starsText: stars?.text ?? '',
    starsLabel: stars?.label ?? '',
    vetoTag: !veto ? '' : veto.effect === 'fail' && row.gradeName ? `视作${row.gradeName}` : '一票否决',
    vetoText: veto ? `${veto.conditionName}：${veto.reason}` : '',
  };
}

/** '优秀名额 3 名（本支部 21 名党员 × 15%，至少 1 名）'. */
export function quotaText(quota: Quota, terms: SchemeTerms): string {
  const counted = `本${terms.words.unit} ${quota.members} 名${terms.words.member}`;
  const rule = quota.share !== undefined ? ` × ${percentText(quota.share)}${quota.minimum ? `，至少 ${quota.minimum} 名` : ''}` : '';
  return `${quota.name}名额 ${quota.places} 名（${counted}${rule}）`;
}

/**
 * Where the quota line goes: after the last row holding the limited grade (its index), or -1 before
 * every row when nobody holds it (nobody reached it, or a tie at the line took no place).
 */
export function quotaLineAfter(rows: readonly Pick<OutcomeView, 'grade'>[], quota: Pick<Quota, 'grade'>): number {
  let last = -1;
  rows.forEach((row, index) => {
    if (row.grade === quota.grade) last = index;
  });
  return last;
}

export interface VetoLine {
  id: string;
  who: string;
  /** The condition and the reason. */
  what: string;
  /** Who proposed it and who decided it, and when: '王书记提出，沈委员认定（2026年3月5日）'. */
  by: string;
}

/** A veto in force (veto.list), as 考评公示 lists them for signers and readers. */
export function vetoLineOf(veto: Veto): VetoLine {
  return {
    id: veto._id,
    who: veto.memberName,
    what: `${veto.conditionName}：${veto.reason}`,
    by: `${veto.proposedBy.name}提出，${veto.decidedBy.name}认定（${dayLabel(chinaDay(new Date(veto.decidedAt)))}）`,
  };
}
