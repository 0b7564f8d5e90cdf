import { ApiCallError, call, NETWORK_FAILURE_MESSAGE, newRequestId } from '../../miniprogram/services/api';
import { failureMessage, pageState } from '../../miniprogram/services/page-state';
import { consumeStale, type DataSet } from '../../miniprogram/services/stale';
import { aClaim } from './support/records';
import { aMember, jingmenTerms, noCapabilities } from './support/builders';
import { fail, ok, stubApi, stubCallFunction } from './support/cloud';

async function rejectionOf(promise: Promise<unknown>): Promise<ApiCallError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiCallError);
  return error as ApiCallError;
}

describe('call', () => {
  it('sends the action, payload and requestId to the api function and resolves with the data', async () => {
    const me = { member: aMember(), roles: [], authority: 0, inboxCount: 2, terms: jingmenTerms(), can: noCapabilities() };
    const callFunction = stubApi({ 'me.get': ok(me) });

    await expect(call('me.get', {}, { requestId: 'r-1' })).resolves.toEqual(me);
    expect(callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'me.get', payload: {}, requestId: 'r-1' } });
  });

  it('sends no requestId when none is given', async () => {
    const callFunction = stubApi({ 'notice.list': ok({ notices: [] }) });

    await call('notice.list', {});
    expect(callFunction.mock.calls[0][0].data).toEqual({ action: 'notice.list', payload: {} });
  });

  it("throws the server's error code and Chinese message when the action fails", async () => {
    stubApi({ 'claim.decide': fail('SELF_REVIEW', '不能审核自己的积分') });

    const error = await rejectionOf(call('claim.decide', { claimId: 'c-1', decision: 'approve' }));
    expect(error.code).toBe('SELF_REVIEW');
    expect(error.message).toBe('不能审核自己的积分');
  });

  it.each([
    ['no result', undefined],
    ['a string', 'Internal Server Error'],
    ['an object without ok', { data: {} }],
    ['ok without data', { ok: true }],
    ['an error with an unknown code', { ok: false, error: { code: 'BOOM', message: '炸了' } }],
    ['an error without a message', { ok: false, error: { code: 'FORBIDDEN' } }],
  ])('treats %s as a transport failure', async (_label, result) => {
    stubCallFunction(async () => ({ result, errMsg: 'cloud.callFunction:ok' }));

    const error = await rejectionOf(call('me.get', {}));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(NETWORK_FAILURE_MESSAGE);
  });

  it('turns a rejected callFunction into an INTERNAL error that keeps the cause', async () => {
    const transport = new Error('cloud.callFunction:fail Error: errCode: -404011 cloud function execution error');
    stubCallFunction(() => Promise.reject(transport));

    const error = await rejectionOf(call('me.get', {}));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('网络异常，请稍后重试');
    expect(error.cause).toBe(transport);
  });
});

describe('newRequestId', () => {
  it('gives a different id each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRequestId()));
    expect(ids.size).toBe(1000);
  });

  it('is a short url-safe string', () => {
    expect(newRequestId()).toMatch(/^[0-9a-z]+-[0-9a-z]{16}$/);
  });
});

describe('page state and failure messages', () => {
  it('keeps one state per page, made the first time it is asked for', () => {
    let made = 0;
    const stateOf = pageState(() => ({ n: ++made }));
    const [one, two] = [{}, {}];
    expect(stateOf(one)).toBe(stateOf(one));
    expect(stateOf(two)).toEqual({ n: 2 });
    expect(made).toBe(2);
  });

  it('shows the api’s own message, and the page’s fallback (logged) for anything else', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(failureMessage(new ApiCallError('FORBIDDEN', '只有秘书处可以导出'), 'admin', '导出失败')).toBe('只有秘书处可以导出');
    expect(failureMessage(new TypeError('x is undefined'), 'admin', '导出失败')).toBe('导出失败');
    expect(logged).toHaveBeenCalledWith('admin: unexpected failure', expect.any(TypeError));
    logged.mockRestore();
  });
});

describe('what an action makes stale (services/stale.ts)', () => {
  const SETS: DataSet[] = ['home', 'claims', 'ledger', 'ranking'];
  /** The sets marked since last asked, asking for each as a page's onShow does. */
  const stale = () => SETS.filter((set) => consumeStale(set));

  beforeEach(() => stale());

  it('marks 我的, 明细’s entries and 排行 when a decision succeeds, and nothing when it fails', async () => {
    stubApi({ 'claim.decide': fail('CONFLICT', '该申请刚被他人处理，请刷新后查看') });
    await rejectionOf(call('claim.decide', { claimId: 'c-1', decision: 'approve' }));
    expect(stale()).toEqual([]);

    stubApi({ 'claim.decide': ok({ claim: aClaim({ status: 'approved', step: null }) }) });
    await call('claim.decide', { claimId: 'c-1', decision: 'approve' });
    expect(stale()).toEqual(['home', 'ledger', 'ranking']);
    expect(stale()).toEqual([]);
  });

  it('marks 我的 and 明细’s claims when a claim is filed, and nothing after a read', async () => {
    stubApi({ 'notice.list': ok({ notices: [] }), 'claim.withdraw': ok({ claim: aClaim({ status: 'withdrawn', step: null }) }) });
    await call('notice.list', {});
    expect(stale()).toEqual([]);

    await call('claim.withdraw', { claimId: 'c-1' });
    expect(stale()).toEqual(['home', 'claims']);
  });
});
