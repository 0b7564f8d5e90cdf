/**
 * The `api` cloud function (SPEC §5): one router over the typed action table.
 *
 *   event { action, payload, requestId? } → { ok: true, data } | { ok: false, error: { code, message } }
 *
 * The caller is always `cloud.getWXContext().OPENID`; identity fields in the event are never read.
 * Every payload is parsed by its zod schema before the handler sees it. Rule violations are
 * DomainErrors inside and typed error results here; anything else is logged and answered INTERNAL.
 */
import { z } from 'zod';
import type { ActionName, ApiError, ApiResult, ErrorCode } from '../../typings/api';
import { DomainError } from '../../domain/errors';
import { adminOpenids, callerOpenid } from '../cloud';
import type { ActionDef } from './action';
import { ACTIONS } from './actions';
import { Replay, RequestContext } from './context';
import { formatIssues } from './validation';

const envelopeSchema = z.object({
  action: z.string({ error: '缺少操作名称' }),
  payload: z.unknown().optional(),
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,64}$/, '须为 8–64 位字母、数字或 _.:-')
    .optional(),
});

const isAction = (name: string): name is ActionName => Object.prototype.hasOwnProperty.call(ACTIONS, name);

function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}


async function run(def: ActionDef<ActionName>, ctx: RequestContext, rawPayload: unknown): Promise<unknown> {
  // Who may call comes first: a caller without the right learns nothing about the payload's rules.
  if (def.access === 'member') await ctx.requireMember();
  if (def.access === 'secretariat') await ctx.requireSecretariat();
  const parsed = def.schema.safeParse(rawPayload);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', formatIssues(parsed.error));
  return def.handle(ctx, parsed.data as never);
}

export async function main(event: unknown, _context?: unknown): Promise<ApiResult<unknown>> {
  const envelope = envelopeSchema.safeParse(event);
  if (!envelope.success) return failure('INVALID_INPUT', formatIssues(envelope.error));
  const { action, payload, requestId } = envelope.data;
  if (!isAction(action)) return failure('INVALID_INPUT', `未知的操作：${action}`);

  const openid = callerOpenid();
  const def = ACTIONS[action] as unknown as ActionDef<ActionName>;
  const requestKey = def.writes && requestId && openid ? `${openid}:${requestId}` : null;
  const ctx = new RequestContext(openid, action, new Date(), requestKey, adminOpenids());
  try {
    return { ok: true, data: await run(def, ctx, payload) };
  } catch (error) {
    if (error instanceof Replay) return { ok: true, data: error.result };
    if (error instanceof DomainError) return failure(error.code, error.message);
    console.error(`api ${action} failed`, error);
    return failure('INTERNAL', '系统繁忙，请稍后重试');
  }
}
