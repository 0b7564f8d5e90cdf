/**
 * Drives the real `api` function (the built bundle in cloudfunctions/api/index.js) through the
 * in-process local cloud, as a mini-program caller would: one openid per call.
 */
import type { ActionName, ApiResult, DataOf, ErrorCode, PayloadOf } from '../../typings/api';
import { LocalCloud } from '../../localcloud/runtime';

export const ADMIN_OPENID = 'secretariat-openid';
export const REVIEW_TEMPLATE = 'tpl-review';
export const DECIDED_TEMPLATE = 'tpl-decided';

export class ApiHarness {
  readonly cloud: LocalCloud;
  private sequence = 0;

  constructor(options: { now?: Date } = {}) {
    this.cloud = new LocalCloud({
      dir: null,
      functionEnv: { ADMIN_OPENIDS: ADMIN_OPENID, SUBSCRIBE_TEMPLATE_REVIEW: REVIEW_TEMPLATE, SUBSCRIBE_TEMPLATE_DECIDED: DECIDED_TEMPLATE },
    });
    if (options.now) this.setNow(options.now);
  }

  /** Moves both the function's clock and the store's serverDate. */
  setNow(now: Date): void {
    const fixed = now.getTime();
    this.cloud.db.now = () => new Date(fixed);
    jest.useFakeTimers({ now: fixed, doNotFake: ['setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'nextTick', 'queueMicrotask'] });
  }

  async call<A extends ActionName>(
    openid: string | null,
    action: A,
    payload?: PayloadOf<A>,
    requestId?: string,
  ): Promise<ApiResult<DataOf<A>>> {
    const event: Record<string, unknown> = { action, payload };
    if (requestId) event.requestId = requestId;
    return (await this.cloud.invoke('api', event, { openid: openid ?? undefined, timeoutMs: 60_000 })) as ApiResult<DataOf<A>>;
  }

  /** Calls and expects success; throws with the error otherwise. */
  async ok<A extends ActionName>(openid: string | null, action: A, payload?: PayloadOf<A>, requestId?: string): Promise<DataOf<A>> {
    const result = await this.call(openid, action, payload, requestId);
    if (!result.ok) throw new Error(`${action} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  /** Calls and expects a typed error; returns its code and message. */
  async fails<A extends ActionName>(openid: string | null, action: A, payload?: unknown): Promise<{ code: ErrorCode; message: string }> {
    const result = await this.call(openid, action, payload as PayloadOf<A>);
    if (result.ok) throw new Error(`${action} unexpectedly succeeded: ${JSON.stringify(result.data).slice(0, 300)}`);
    return result.error;
  }

  /** The whole store as text: equal snapshots mean nothing was written. */
  snapshot(): string {
    return JSON.stringify(this.cloud.store.dump());
  }

  nextRequestId(): string {
    this.sequence++;
    return `req-${String(this.sequence).padStart(6, '0')}`;
  }

  close(): void {
    this.cloud.close();
    jest.useRealTimers();
  }
}
