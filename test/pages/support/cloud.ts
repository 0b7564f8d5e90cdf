/**
 * A stand-in for the `api` cloud function behind wx.cloud.callFunction, answering per action with
 * results shaped by the shared contract.
 */
import type { ActionName, ApiEvent, ApiResult, DataOf, ErrorCode, PayloadOf } from '../../../typings/api';

export type ActionStub<A extends ActionName> = ApiResult<DataOf<A>> | ((payload: PayloadOf<A>) => ApiResult<DataOf<A>>);
export type ApiStubs = { [A in ActionName]?: ActionStub<A> };

export function ok<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

type CallFunction = (param: { name: string; data?: unknown }) => Promise<{ result: unknown; errMsg: string }>;

/** Installs `handler` as wx.cloud.callFunction (creating `wx` when simulate has not) and returns its mock. */
export function stubCallFunction(handler: CallFunction): jest.Mock<ReturnType<CallFunction>, Parameters<CallFunction>> {
  const callFunction = jest.fn(handler);
  const scope = globalThis as unknown as { wx?: Record<string, unknown> };
  scope.wx = scope.wx ?? {};
  scope.wx.cloud = { callFunction };
  return callFunction;
}

/** The api events a page sent through the stub, in order. */
export function eventsOf(callFunction: jest.Mock): ApiEvent[] {
  return callFunction.mock.calls.map((c) => (c[0] as { data: ApiEvent }).data);
}

/** Answers each action with its stub; an action without one rejects, so an unexpected call is visible. */
export function stubApi(stubs: ApiStubs) {
  return stubCallFunction(async ({ name, data }) => {
    if (name !== 'api') throw new Error(`unexpected cloud function ${name}`);
    const { action, payload } = data as ApiEvent;
    const stub = stubs[action] as ActionStub<typeof action> | undefined;
    if (!stub) throw new Error(`no stub for action ${action}`);
    const result = typeof stub === 'function' ? stub(payload as PayloadOf<typeof action>) : stub;
    return { result, errMsg: 'cloud.callFunction:ok' };
  });
}
