/**
 * The `cron` cloud function (SPEC §5): timer jobs.
 *
 *   timer   { Type: 'Timer', TriggerName: 'monthly', Time }       → the monthly job for Time's Shanghai month
 *   timer   { Type: 'Timer', TriggerName: 'daily', Time }         → deletes exports older than a day
 *   timer   { Type: 'Timer', TriggerName: 'expiry', Time }        → expires 积分超市 reservations not collected in time
 *   admin   { job: 'monthly', month: 'YYYY-MM', chain?: false }  → the monthly job for that month
 *   admin   { job: 'exports' }                                    → deletes exports older than a day now
 *   admin   { job: 'expiry' }                                     → expires overdue reservations now
 *   itself  { job: 'monthly', month, continuation: true }        → the next slice of an unfinished run
 *
 * Result: `{ ok: true, data: MonthlyResult | CleanupResult }` or `{ ok: false, error: { code, message } }`.
 *
 * Who may run it: an invocation carrying an OPENID comes from a mini-program user and must be an
 * administrator (ADMIN_OPENIDS or an active secretariat member). Invocations without one come from
 * the platform: the timer, the console's test run, or this function continuing itself. The job only
 * ever credits what dues records make due for a month not in the future, and the 固定积分 of
 * attendance already recorded for ended months (seeds/004 五、1), idempotently, so such a call can do
 * nothing the timer would not.
 *
 * Finishing from one timer firing: the trigger fires once a month (config.json, 00:10 on the 1st).
 * An invocation stops at 80% of its time limit and, when the month is not done, invokes `cron` again
 * with `continuation: true` and returns; each continuation resumes from the job's cursor. It waits
 * briefly for the call to be dispatched but not for it to finish (that would outlive its own time
 * limit). If a chain is ever broken, an administrator's `{ job: 'monthly', month }` resumes it.
 */
import { z } from 'zod';
import type { ApiError, ApiResult, ErrorCode } from '../../typings/api';
import { DomainError } from '../../domain/errors';
import { currentMonthKey } from '../../domain/periods';
import { formatIssues } from '../api/validation';
import { adminOpenids, callerOpenid, sdk } from '../cloud';
import { findMemberByOpenid } from '../data/members';
import { deleteOldExports, type CleanupResult } from './exports';
import { runExpiry, type ExpiryResult } from './expiry';
import { runMonthly, type MonthlyResult } from './monthly';

/** Share of the function's time limit spent on batches before stopping. */
const BUDGET_SHARE = 0.8;
const DEFAULT_TIME_LIMIT_MS = 60_000;
/** How long to wait for the continuation call to leave before returning. */
const DISPATCH_WAIT_MS = 500;

const timerEvent = z.object({
  Type: z.literal('Timer'),
  TriggerName: z.enum(['monthly', 'daily', 'expiry'], { error: '未知的定时触发器' }),
  Time: z.string().optional(),
});

const jobEvent = z
  .object({
    job: z.literal('monthly', { error: '未知的任务，应为 monthly、exports 或 expiry' }),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '格式应为 YYYY-MM'),
    continuation: z.boolean().optional(),
    /** false: do not continue in the background when the time budget runs out. */
    chain: z.boolean().optional(),
  })
  .strict();

const exportsJob = z.object({ job: z.literal('exports') }).strict();
const expiryJob = z.object({ job: z.literal('expiry') }).strict();

type Invocation = { job: 'monthly'; month: string; chain: boolean } | { job: 'exports' } | { job: 'expiry' };

export async function main(event: unknown, context?: unknown): Promise<ApiResult<MonthlyResult | CleanupResult | ExpiryResult>> {
  const now = new Date();
  try {
    const openid = callerOpenid();
    if (openid) await requireAdministrator(openid);
    const invocation = parseEvent(event, now);
    if (invocation.job === 'exports') return { ok: true, data: await deleteOldExports(now) };
    if (invocation.job === 'expiry') return { ok: true, data: await runExpiry(now, budgetOf(context)) };
    const result = await runMonthly(invocation.month, {
      now,
      budgetMs: budgetOf(context),
      batchSize: numberFromEnv('CRON_BATCH_SIZE'),
      pageSize: numberFromEnv('CRON_PAGE_SIZE'),
    });
    if (!result.done && invocation.chain) await continueLater(invocation.month);
    return { ok: true, data: result };
  } catch (error) {
    if (error instanceof DomainError) return failure(error.code, error.message);
    console.error('cron failed', error);
    return failure('INTERNAL', '系统繁忙，请稍后重试');
  }
}

function parseEvent(event: unknown, now: Date): Invocation {
  const { userInfo, ...rest } = (event ?? {}) as Record<string, unknown>;
  void userInfo; // added by the platform for mini-program callers
  if (rest.Type === 'Timer') {
    const timer = timerEvent.safeParse(rest);
    if (!timer.success) throw new DomainError('INVALID_INPUT', formatIssues(timer.error));
    if (timer.data.TriggerName === 'daily') return { job: 'exports' };
    if (timer.data.TriggerName === 'expiry') return { job: 'expiry' };
    const fired = timer.data.Time ? new Date(timer.data.Time) : now;
    const at = Number.isNaN(fired.getTime()) || fired > now ? now : fired;
    return { job: 'monthly', month: currentMonthKey(at), chain: true };
  }
  if (exportsJob.safeParse(rest).success) return { job: 'exports' };
  if (expiryJob.safeParse(rest).success) return { job: 'expiry' };
  const job = jobEvent.safeParse(rest);
  if (!job.success) throw new DomainError('INVALID_INPUT', formatIssues(job.error));
  return { job: 'monthly', month: job.data.month, chain: job.data.chain !== false };
}

async function requireAdministrator(openid: string): Promise<void> {
  if (adminOpenids().has(openid)) return;
  const member = await findMemberByOpenid(openid);
  if (member && member.status === 'active' && member.secretariat) return;
  throw new DomainError('FORBIDDEN', '只有秘书处可以运行定时任务');
}


/** 80% of the invocation's time limit (context.time_limit_in_ms), or of cron's 60 s; CRON_BUDGET_MS overrides. */
function budgetOf(context: unknown): number {
  const configured = numberFromEnv('CRON_BUDGET_MS');
  if (configured !== undefined) return configured;
  const limit = (context as { time_limit_in_ms?: unknown } | undefined)?.time_limit_in_ms;
  return (typeof limit === 'number' && limit > 0 ? limit : DEFAULT_TIME_LIMIT_MS) * BUDGET_SHARE;
}

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Invokes this function again for the rest of the month; errors of that run are logged, not lost. */
async function continueLater(month: string): Promise<void> {
  const sent = sdk().callFunction({ name: 'cron', data: { job: 'monthly', month, continuation: true } }) as Promise<unknown>;
  const call = sent.then(
      (reply: unknown) => {
        const result = (reply as { result?: ApiResult<MonthlyResult> }).result;
        if (result && !result.ok) console.error(`cron continuation for ${month} failed`, result.error);
      },
      (error: unknown) => console.error(`cron continuation for ${month} failed`, error),
    );
  await Promise.race([call, new Promise((resolve) => setTimeout(resolve, DISPATCH_WAIT_MS))]);
}

function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}
