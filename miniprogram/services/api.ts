/**
 * The pages' one way to the server: every action of the `api` cloud function (SPEC §5), typed by the
 * shared contract. A failed action arrives as a thrown ApiCallError whose message can be shown as is;
 * a successful one marks what it changed as stale for the pages that show it (services/stale.ts).
 *
 * Types only from typings/: it sits outside miniprogramRoot, so nothing from it may survive compilation.
 */
import type { ActionName, ApiEvent, ApiResult, DataOf, ErrorCode, PayloadOf, SchemeTerms } from '../../typings/api';
import { markStaleAfter } from './stale';

export const NETWORK_FAILURE_MESSAGE = '网络异常，请稍后重试';
const UNEXPLAINED_FAILURE_MESSAGE = '操作失败，请稍后重试';

/** Exhaustive on purpose: a code added to the contract fails the type check here until it is listed. */
const ERROR_CODES: Record<ErrorCode, true> = {
  INVALID_INPUT: true,
  NOT_BOUND: true,
  FORBIDDEN: true,
  OVER_AUTHORITY: true,
  SELF_REVIEW: true,
  NOT_FOUND: true,
  CONFLICT: true,
  OUT_OF_WINDOW: true,
  INTERNAL: true,
};

export class ApiCallError extends Error {
  readonly code: ErrorCode;
  /** The transport failure behind an INTERNAL error, kept for logs. */
  readonly cause?: unknown;

  constructor(code: ErrorCode, message: string, cause?: unknown) {
    super(message);
    // The devtools may compile to ES5, where subclassing Error loses the prototype (and instanceof).
    Object.setPrototypeOf(this, ApiCallError.prototype);
    this.name = 'ApiCallError';
    this.code = code;
    if (cause !== undefined) this.cause = cause;
  }
}

export interface CallOptions {
  /** Makes a writing action safe to retry: the server answers a repeated id with the first result. */
  requestId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'data' in value;
  return value.ok === false && isRecord(value.error) && isErrorCode(value.error.code) && typeof value.error.message === 'string';
}

export async function call<A extends ActionName>(action: A, payload: PayloadOf<A>, opts: CallOptions = {}): Promise<DataOf<A>> {
  const event: ApiEvent<A> = opts.requestId === undefined ? { action, payload } : { action, payload, requestId: opts.requestId };

  let response: ICloud.CallFunctionResult;
  try {
    response = await wx.cloud.callFunction({ name: 'api', data: event });
  } catch (cause) {
    throw new ApiCallError('INTERNAL', NETWORK_FAILURE_MESSAGE, cause);
  }

  const result: unknown = isRecord(response) ? response.result : undefined;
  if (!isApiResult(result)) {
    throw new ApiCallError('INTERNAL', NETWORK_FAILURE_MESSAGE, { action, malformedResult: result });
  }
  if (!result.ok) {
    throw new ApiCallError(result.error.code, result.error.message || UNEXPLAINED_FAILURE_MESSAGE);
  }
  if (isRecord(result.data) && isRecord(result.data.terms)) lastTerms = result.data.terms as unknown as SchemeTerms;
  // What the action changed is stale wherever another page shows it (services/stale.ts).
  markStaleAfter(action);
  return result.data as DataOf<A>;
}

/** The scheme's words from the last answer that carried them (me.get, home.get, catalog.get, members.list, ranking.get). */
let lastTerms: SchemeTerms | null = null;

export function knownTerms(): SchemeTerms | null {
  return lastTerms;
}

/** The scheme's words: known from an earlier answer, or asked with one me.get (a page opened from a shared link). */
export async function schemeTermsNow(): Promise<SchemeTerms> {
  return lastTerms ?? (await call('me.get', {})).terms;
}

/**
 * The scheme's words for a page that needs them before its first call (末尾淘汰, 零分负分名单): the page
 * shows its loading state, and a failure in its error state (then null).
 */
export async function schemeTermsFor(
  page: { setData(data: { status: 'loading' | 'error'; errorMessage: string }): void },
  messageOf: (error: unknown) => string,
): Promise<SchemeTerms | null> {
  page.setData({ status: 'loading', errorMessage: '' });
  try {
    return await schemeTermsNow();
  } catch (error) {
    page.setData({ status: 'error', errorMessage: messageOf(error) });
    return null;
  }
}

/** A fresh id for one writing action; mini-programs have no crypto module, and uniqueness per caller is enough. */
export function newRequestId(): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${Date.now().toString(36)}-${random()}${random()}`;
}
