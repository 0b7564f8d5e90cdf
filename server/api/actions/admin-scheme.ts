/**
 * Publishing a new version of the scheme (第二十、二十一条): the secretariat sends the new catalog;
 * the domain validates it as the next version of the latest one (reviseScheme); the version and its
 * notice (公示) are written in one transaction. Recorded entries keep their points and pending claims
 * keep the version they were submitted under: nothing else is touched.
 */
import { z } from 'zod';
import type { PayloadOf } from '../../../typings/api';
import type { Notice } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { isCalendarDate, shanghaiDate } from '../../../domain/periods';
import { storedItem } from '../../../domain/points';
import { schemeChanges } from '../../../domain/scheme-changes';
import type { Scheme } from '../../../domain/scheme';
import { reviseScheme } from '../../../domain/versions';
import { defineAction } from '../action';
import { describeIssue } from '../validation';
import { getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { withoutId } from '../../data/ledger';
import { loadSchemeVersions, schemeDocId, type StoredScheme } from '../../data/schemes';

const MAX_ITEMS = 500;
const CLOCK_SLACK_MS = 5 * 60_000;
const text = (max: number) => z.string().max(max, '过长');

/** The shape of an item; its rules (ids, kinds and their fields, extras) are the scheme's (parseScheme). */
const itemSchema = z
  .object({
    id: text(80),
    name: text(80),
    category: text(40),
    kind: z.enum(['fixed', 'range', 'per_count', 'value_share', 'discretionary', 'committee', 'dues', 'hours']),
    points: z.number().optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    rate: z.number().optional(),
    cap: z.number().optional(),
    claimable: z.boolean().optional(),
    article: text(40).optional(),
    unit: text(10).optional(),
    level: text(40).optional(),
    extras: z.object({ spoke: text(80).optional(), hosted: text(80).optional() }).strict().optional(),
    deduction: z.boolean().optional(),
    component: text(40).optional(),
    capGroup: text(40).optional(),
    maxCount: z.number().optional(),
    maxPerEvent: z.number().optional(),
  })
  .strict();

/** 'YYYY-MM-DD' (from 00:00 that day in Shanghai) or an ISO date-time with its offset. */
const effectiveFrom = z
  .string()
  .refine((v) => isCalendarDate(v) || (z.iso.datetime({ offset: true }).safeParse(v).success && !Number.isNaN(Date.parse(v))), {
    message: '应为 YYYY-MM-DD 或带时区的时间',
  });

export const adminSchemePublish = defineAction('admin.scheme.publish', {
  schema: z
    .object({
      items: z.array(itemSchema).min(1, '积分项目不能为空').max(MAX_ITEMS, `最多 ${MAX_ITEMS} 个项目`),
      effectiveFrom: effectiveFrom.optional(),
      note: z.string().trim().min(1, '请填写修订说明').max(2000, '修订说明不能超过 2000 字'),
    })
    .strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, payload) {
    const versions = await loadSchemeVersions();
    // Judged against the versions as they are now; a retry of a publication that succeeded would
    // find its own version latest, so the verdict is delivered inside the transaction, after the
    // requestId check has answered such a retry with the first result.
    const verdict = attempt(() => revision(versions, payload, ctx.now));
    const member = await ctx.member();
    const publishedAt = ctx.now.toISOString();

    return ctx.transact(async (tx) => {
      if (verdict instanceof DomainError) throw verdict;
      const { next, changes } = verdict;
      const ref = tx.collection(COLLECTIONS.schemes).doc(schemeDocId(next.version));
      // Two secretaries publishing at once: the second finds the version taken and must start again from it.
      if (await getOrNull(ref)) throw new DomainError('CONFLICT', `第${next.version}版已由他人发布，请刷新后重新修订`);
      const stored: StoredScheme = { _id: schemeDocId(next.version), scheme: next, publishedAt: ctx.now, publishedBy: member?._id ?? ctx.openid ?? '' };
      await ref.set({ data: withoutId(stored) });
      const notice: Notice = {
        _id: `scheme-v${next.version}`,
        kind: 'scheme',
        title: `积分办法第${next.version}版`,
        body: payload.note,
        schemeVersion: next.version,
        changes,
        publishedAt,
        effectiveFrom: next.effectiveFrom,
      };
      await tx.collection(COLLECTIONS.notices).doc(notice._id).set({ data: withoutId(notice) });
      return { version: next.version };
    });
  },
});

function revision(versions: Scheme[], payload: PayloadOf<'admin.scheme.publish'>, now: Date): { next: Scheme; changes: string[] } {
  const latest = versions[versions.length - 1];
  const next = reviseScheme(latest, payload.items.map(storedItem), now, effectiveInstant(payload.effectiveFrom, now));
  const changes = schemeChanges(latest.items, next.items);
  if (changes.length === 0) throw new DomainError('INVALID_INPUT', `新版本的积分项目与第${latest.version}版相同，无需发布`);
  return { next, changes };
}

function attempt<T>(fn: () => T): T | DomainError {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A catalog the scheme's validator refused: its problems in words, not in field paths.
    const issues = error.details?.issues as z.core.$ZodIssue[] | undefined;
    return issues ? new DomainError('INVALID_INPUT', `积分方案无效：${issues.slice(0, 5).map(describeIssue).join('；')}`) : error;
  }
}

/**
 * The instant a version takes effect: a calendar day means its start in Shanghai (today's means
 * now); a version cannot take effect in the past, where claims were already decided under the old one.
 */
function effectiveInstant(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString();
  if (isCalendarDate(value)) {
    if (value === shanghaiDate(now)) return now.toISOString();
    const start = new Date(`${value}T00:00:00+08:00`);
    if (start.getTime() < now.getTime()) throw new DomainError('INVALID_INPUT', '生效日期不能早于今天');
    return start.toISOString();
  }
  const at = new Date(value).getTime();
  // A client's "now" arrives a moment late: within the slack it means now.
  if (at < now.getTime() - CLOCK_SLACK_MS) throw new DomainError('INVALID_INPUT', '生效时间不能早于发布时间');
  return new Date(Math.max(at, now.getTime())).toISOString();
}
