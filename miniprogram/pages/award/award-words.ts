/**
 * The 奖分/记分 page's words in the template's language: who gets points (会员, 农户, 员工), how they
 * are counted (人, 户), and for a 记分员 whose records they are and who looks into an objection.
 */
import type { SchemeTerms } from '../../../typings/api';
import { countWord } from '../../format/terms';

export interface AwardWords {
  memberWord: string;
  unitWord: string;
  whole: string;
  countWord: string;
  /** Whose people a 记分员 records for: 本支部, or the whole village for the village's own 评定小组. */
  recordScope: string;
  /** Who decides an objection to a record: the unit's committee (支部委员会), else the root's (评定小组). */
  recordDecider: string;
  /** The button that adds everyone the 记分员 records for: 选入本支部全部党员, 选入全村农户. */
  addAll: string;
}

export function awardWordsOf(terms: SchemeTerms, viewerRoles: readonly string[]): AwardWords {
  const { words, boards } = terms;
  const atRoot = viewerRoles.some((id) => terms.roles.find((r) => r.id === id)?.at === 'root');
  return {
    memberWord: words.member,
    unitWord: words.unit,
    whole: boards.whole,
    countWord: countWord(terms),
    recordScope: atRoot ? boards.whole : `本${words.unit}`,
    recordDecider: words.unitCommittee ? `${words.unit}委员会` : words.committee || `${words.root}委员会`,
    addAll: atRoot ? `选入${boards.whole}${words.member}` : `选入本${words.unit}全部${words.member}`,
  };
}
