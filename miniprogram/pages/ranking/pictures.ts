/**
 * The 排行 page's pictures from what it shows: the top of the board for a group chat, and a member's
 * 荣誉证书 (第十八条). Pure: the page draws what these return.
 */
import type { RankingRow, SchemeTerms, UnitRankingRow } from '../../../typings/api';
import { dayLabel } from '../../format/dates';
import { countWord } from '../../format/terms';
import { boardPicture, type PictureRow } from '../../pictures/board-picture';
import { certificatePicture } from '../../pictures/certificate';
import type { Picture } from '../../pictures/drawing';
import { organisationName, scopeLabel, type BoardQuery } from './board';

type ShownRow = RankingRow & { shown: number };

export function memberPictureRows(rows: readonly ShownRow[], terms: SchemeTerms | null): PictureRow[] {
  const direct = terms?.words.direct ?? '总会直属';
  return rows.map((row) => ({ rank: row.rank, name: row.name, detail: row.branchName || direct, points: row.shown }));
}

/** A unit's headcount and average: '22 人 · 人均 69.36 分', or by households where they are the accounts (户均). */
export function unitDetail(row: Pick<UnitRankingRow, 'members' | 'average'>, terms: SchemeTerms | null): string {
  const word = countWord(terms);
  return `${row.members} ${word} · ${word}均 ${row.average} 分`;
}

export function unitPictureRows(rows: readonly UnitRankingRow[], terms: SchemeTerms | null): PictureRow[] {
  return rows.map((row) => ({ rank: row.rank, name: row.name, detail: unitDetail(row, terms), points: row.total }));
}

/** The top of the board as shown, titled as the page titles it, dated `today` ('YYYY-MM-DD'). */
export function sharedBoardPicture(title: string, rows: PictureRow[], terms: SchemeTerms | null, today: string): Picture {
  return boardPicture({ organisation: organisationName(terms), title, rows, asOf: `截至 ${dayLabel(today)}` });
}

/** The certificate of the caller's row on a year's board (the page checks earnsCertificate first). */
export function certificateFor(query: BoardQuery, row: ShownRow, terms: SchemeTerms | null, today: string): Picture {
  const scored = row.score !== undefined;
  return certificatePicture({
    organisation: organisationName(terms),
    name: row.name,
    year: query.key ?? today.slice(0, 4),
    board: scopeLabel(query.scope, null, terms),
    rank: row.rank,
    points: row.shown,
    measure: scored ? '年度得分' : '年度积分',
    issuedOn: dayLabel(today),
  });
}
