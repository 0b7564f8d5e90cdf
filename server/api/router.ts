/**
 * The `api` cloud function (SPEC §5): one router over the typed action table.
 *
 *   event { action, payload, requestId? } → { ok: true, data } | { ok: false, error: { code, message } }
 *
 * The caller is always `cloud.getWXContext().OPENID`; identity fields in the event are never read.
 * Every payload is parsed by its zod schema before the handler sees it. Rule violations are
 * DomainErrors inside and typed error results here; anything else is logged and answered INTERNAL.
 *
 * The envelope is checked by hand, so that a cold start loads only the action it runs (actions/index.ts).
 */
import type { ActionName, ApiError, ApiResult, ErrorCode } from '../../typings/api';
import { DomainError } from '../../domain/errors';
import { adminOpenids, callerOpenid } from '../cloud';
import type { ActionDef } from './action';
import { actionOf, isAction } from './actions';
import { Replay, RequestContext } from './context';
import { formatIssues } from './issues';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{8,64}$/;

interface Envelope {
  action: string;
  payload?: unknown;
  requestId?: string;
}

/** The event's action, payload and request id, or what is wrong with it. */
function envelopeOf(event: unknown): Envelope | string {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return '输入有误：请求格式不正确';
  const { action, payload, requestId } = event as Record<string, unknown>;
  if (action === undefined) return '输入有误：缺少操作名称';
  if (typeof action !== 'string') return '输入有误：操作名称应为文字';
  if (requestId !== undefined && (typeof requestId !== 'string' || !REQUEST_ID.test(requestId))) return '输入有误：请求编号须为 8–64 位字母、数字或 _.:-';
  return { action, payload, requestId };
}

function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}


async function run(def: ActionDef<ActionName>, ctx: RequestContext, rawPayload: unknown): Promise<unknown> {
  // Who may call comes first: a caller without the right learns nothing about the payload's rules.
  if (def.access === 'member') await ctx.requireMember();
  if (def.access === 'secretariat') await ctx.requireSecretariat();
  if (typeof def.access === 'object') await def.access.gate(ctx);
  const parsed = def.schema.safeParse(rawPayload);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', formatIssues(parsed.error));
  return def.handle(ctx, parsed.data as never);
}

export async function main(event: unknown, _context?: unknown): Promise<ApiResult<unknown>> {
  const envelope = envelopeOf(event);
  if (typeof envelope === 'string') return failure('INVALID_INPUT', envelope);
  const { action, payload, requestId } = envelope;
  if (!isAction(action)) return failure('INVALID_INPUT', `未知的操作：${action}`);

  const openid = callerOpenid();
  const def = actionOf(action) as unknown as ActionDef<ActionName>;
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
