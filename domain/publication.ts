/**
 * Closing a period, publishing it (公示) and making it final (SCHEMES.md §3 Outcomes and 公示; seeds/002
 * 六(二): 季度考评, 支部书记签名, 公示 5 个工作日; 六(三): the year likewise). A period is closed into draft
 * outcomes, one row per active account; publishing opens the 公示 window (publishing is the unit
 * head's signature); objections arrive while it is open; the period becomes final once the window
 * has ended and no objection is undecided. Pure: the shell loads and writes.
 */
import type { Period } from '../typings/api';
import { periodEnded, periodRange, PERIOD_NAMES, type CalendarDef } from './calendar';
import { DomainError } from './errors';
import { ROOT } from './organisation';
import { shanghaiDate } from './periods';
import type { Scheme } from './scheme';
import { nthWorkingDayAfter, type WorkingDayCalendar } from './workdays';

export type PublicationState = 'closing' | 'draft' | 'public' | 'final';

export interface Publication {
  _id: string;
  period: Period;
  key: string;
  /** The unit whose outcomes these are; ROOT: every unit at once. */
  unitId: string;
  state: PublicationState;
  /** Rows drafted so far; closing goes on in batches until every active account has one. */
  drafted: number;
  /** The last account drafted (closing resumes after it). */
  cursor: string | null;
  closedAt: string;
  closedBy: string;
  /** The signature (六(二)(1): 最终得分由支部书记签名确认): who published, and when. */
  signedBy?: { id: string; name: string };
  publishedAt?: string;
  /** The end of the 公示 window: the end of its last working day, China time. */
  publicUntil?: string;
  finalizedAt?: string;
  /** When a veto for one of its members was last decided: a finalize racing with it conflicts (docs/rules.md X6). */
  vetoedAt?: string;
}

export const publicationId = (period: Period, key: string, unitId: string): string => `${period}:${key}:${unitId}`;

/** The periods a scheme closes and publishes (seeds/002: quarters and the year's cycle). */
export function assertPublishable(period: Period, key: string, now: Date, scheme: Scheme): void {
  const publication = scheme.publication;
  if (!publication || !publication.periods.includes(period as never)) {
    const kinds = publication?.periods.map((p) => PERIOD_NAMES[p]).join('、');
    throw new DomainError('INVALID_INPUT', kinds ? `本方案按${kinds}考评和公示，不按${PERIOD_NAMES[period]}` : '本方案没有考评和公示');
  }
  periodRange(period, key, scheme.calendar); // validates the key
  if (!periodEnded(period, key, now, scheme.calendar)) {
    throw new DomainError('CONFLICT', `${key} ${PERIOD_NAMES[period]}尚未结束，结束后才能考评`);
  }
}

/**
 * The last moment of the 公示 window opened on `now`: the end of the `workingDays`th working day
 * after the day of publication, not counting that day (China time).
 */
export function publicUntilOf(now: Date, workingDays: number, calendar: WorkingDayCalendar): string {
  const lastDay = nthWorkingDayAfter(shanghaiDate(now), workingDays, calendar);
  return new Date(`${lastDay}T23:59:59.999+08:00`).toISOString();
}

export function isOpen(publication: Pick<Publication, 'state' | 'publicUntil'>, now: Date): boolean {
  return publication.state === 'public' && publication.publicUntil !== undefined && now.getTime() <= Date.parse(publication.publicUntil);
}

/** Publishing: only a fully drafted period, and only once. */
export function assertMayPublish(publication: Publication | null): Publication {
  if (!publication) throw new DomainError('NOT_FOUND', '该期间尚未考评，请先生成考评结果');
  if (publication.state === 'closing') throw new DomainError('CONFLICT', '考评结果尚未生成完毕，请继续生成');
  if (publication.state !== 'draft') throw new DomainError('CONFLICT', publication.state === 'public' ? '该期间已在公示中' : '该期间已确定');
  return publication;
}

/** Finalizing: after the window has ended, with every objection decided. */
export function assertMayFinalize(publication: Publication | null, now: Date, pendingObjections: number): Publication {
  if (!publication) throw new DomainError('NOT_FOUND', '该期间尚未考评');
  if (publication.state === 'final') throw new DomainError('CONFLICT', '该期间已确定');
  if (publication.state !== 'public') throw new DomainError('CONFLICT', '该期间尚未公示，公示期满后才能确定');
  if (isOpen(publication, now)) {
    throw new DomainError('CONFLICT', `公示期至 ${shanghaiDate(new Date(publication.publicUntil!))} 结束，期满后才能确定`);
  }
  if (pendingObjections > 0) throw new DomainError('CONFLICT', `还有 ${pendingObjections} 条异议未处理，处理后才能确定`);
  return publication;
}

/** Where a unit's outcomes are published: its own publication, else the whole organisation's. */
export function publicationIdsFor(period: Period, key: string, unitId: string | null): string[] {
  const own = unitId ?? ROOT;
  return own === ROOT ? [publicationId(period, key, ROOT)] : [publicationId(period, key, own), publicationId(period, key, ROOT)];
}

/** The earlier cycles' keys of a cycle key, newest first (for repeat rules: 连续两年). */
export function earlierCycleKeys(key: string, count: number, calendar: CalendarDef): string[] {
  if (calendar.cycle.kind !== 'annual') return [];
  const year = Number(key);
  return Array.from({ length: count }, (_, i) => String(year - 1 - i));
}
