/**
 * A notice as 公示 shows it: announcements, and rule versions (第二十、二十一条) with the lines that
 * changed and the time they apply from.
 */
import type { Notice } from '../../../typings/api';
import { dayLabel, timeLabel } from '../../format/dates';

export type NoticeFilter = 'all' | 'scheme' | 'announcement';

export interface NoticeRow {
  id: string;
  kind: Notice['kind'];
  kindLabel: string;
  title: string;
  body: string;
  published: string;
  effective: string;
  changes: string[];
  /** Longer than the three lines shown folded. */
  foldable: boolean;
}

/** Three lines of 28rpx text in a card on a 375-pt-wide phone hold about 66 characters. */
const FOLDED_CHARACTERS = 66;

export function noticeRowOf(notice: Notice): NoticeRow {
  const scheme = notice.kind === 'scheme';
  return {
    id: notice._id,
    kind: notice.kind,
    kindLabel: scheme ? (notice.schemeVersion ? `规则第 ${notice.schemeVersion} 版` : '规则版本') : '通知',
    title: notice.title,
    body: notice.body,
    published: `${timeLabel(notice.publishedAt).slice(0, 10)} 发布`,
    effective: notice.effectiveFrom ? `自 ${dayLabel(timeLabel(notice.effectiveFrom).slice(0, 10))} 起施行` : '',
    changes: notice.changes ?? [],
    foldable: notice.body.length > FOLDED_CHARACTERS,
  };
}

export function filterNotices(rows: readonly NoticeRow[], filter: NoticeFilter): NoticeRow[] {
  return filter === 'all' ? [...rows] : rows.filter((row) => row.kind === filter);
}
