/**
 * WeChat's calling convention for asynchronous APIs: with success / fail / complete the API calls
 * them; without, it returns a Promise. Results carry `errMsg: '<api>:ok'`, failures
 * `errMsg: '<api>:fail <reason>'`.
 */
export interface Callbacks<T> {
  success?: (result: T) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: (result: T | { errMsg: string }) => void;
}

export class WxFailure extends Error {
  constructor(readonly errMsg: string, readonly extra: Record<string, unknown> = {}) {
    super(errMsg);
  }
}

/** What a failed API hands its caller: WeChat rejects with a plain { errMsg } object. */
function failureOf(api: string, error: unknown): { errMsg: string } & Record<string, unknown> {
  if (error instanceof WxFailure) return { errMsg: error.errMsg, ...error.extra };
  const message = error instanceof Error ? error.message : String(error);
  return { errMsg: message.startsWith(`${api}:fail`) ? message : `${api}:fail ${message}` };
}

export function asyncApi<A extends object, R extends object>(api: string, impl: (args: A) => Promise<R> | R) {
  return (args: (A & Callbacks<R & { errMsg: string }>) | undefined = {} as A): Promise<R & { errMsg: string }> | undefined => {
    const { success, fail, complete } = args as Callbacks<R & { errMsg: string }>;
    const run = (async () => ({ errMsg: `${api}:ok`, ...(await impl(args as A)) }))();
    if (!success && !fail && !complete) {
      return run.catch((error: unknown) => {
        throw failureOf(api, error);
      });
    }
    run.then(
      (result) => {
        success?.(result);
        complete?.(result);
      },
      (error: unknown) => {
        const failure = failureOf(api, error);
        fail?.(failure);
        complete?.(failure);
      },
    );
    return undefined;
  };
}
