/**
 * 末尾淘汰 (seeds/003: 研究制定了积分末尾淘汰机制): the last places of a closed period's board, each with
 * its total and place in the periods of its kind before, for the 会长会 to decide on (docs/rules.md
 * Q13–Q16): the secretariat and those who read every 分会 (会长、副会长、秘书长 and the 统战部's liaison).
 * Read from the publication's rows, so the list is the board as it was closed.
 */
import { z } from 'zod';
import type { Period } from '../../../typings/api';
import { assertPeriodKey, PERIOD_NAMES } from '../../../domain/calendar';
import { DomainError } from '../../../domain/errors';
import { ROOT } from '../../../domain/organisation';
import { earlierKeys, eliminationRows, HISTORY_PERIODS } from '../../../domain/placings';
import { publicationId } from '../../../domain/publication';
import { ledgerReach } from '../../../domain/reach';
import { committeeName } from '../../../domain/scheme';
import { defineAction } from '../action';
import { findPublication, publicationRows } from '../../data/outcomes';

export const bottomList = defineAction('bottom.list', {
  schema: z
    .object({
      period: z.enum(['month', 'quarter', 'half', 'year', 'cycle'], { message: '期间应为月、季度、半年、年度或考核周期' }),
      key: z.string().trim().min(4, '期间格式不正确').max(7, '期间格式不正确'),
    })
    .strict() as z.ZodType<{ period: Exclude<Period, 'all'>; key: string }>,
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    if (!(await ctx.isSecretariat())) {
      const member = await ctx.requireMember();
      // The 会长会: those who read every 分会's 明细 (L1), as me.get's can.eliminate says.
      if (ledgerReach(member, scheme) !== 'all') {
        throw new DomainError('FORBIDDEN', `末尾淘汰名单只有秘书处和${committeeName(scheme, 'root') || '领导'}成员可以查看`);
      }
    }
    const rule = scheme.outcomes?.bottom;
    if (!rule) throw new DomainError('INVALID_INPUT', '本方案没有末尾淘汰');
    const { period } = payload;
    const key = assertPeriodKey(period, payload.key);
    const publication = await findPublication(publicationId(period, key, ROOT));
    if (!publication || publication.state === 'closing') {
      throw new DomainError('CONFLICT', `${key} ${PERIOD_NAMES[period]}尚未考评结束，考评后才能列出末尾名单`);
    }
    const earlier = await Promise.all(
      earlierKeys(period, key, HISTORY_PERIODS, scheme.calendar).map(async (earlierKey) => {
        const before = await findPublication(publicationId(period, earlierKey, ROOT));
        return { key: earlierKey, rows: before && before.state !== 'closing' ? await publicationRows(before._id) : null };
      }),
    );
    const closedBefore = earlier.filter((board): board is { key: string; rows: NonNullable<typeof board.rows> } => board.rows !== null);
    const rows = eliminationRows(await publicationRows(publication._id), rule, closedBefore);
    return { period, key, rows };
  },
});
