import { aMember } from './support/builders';
import { fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { openPage, settle, tap, textOf } from './support/load';

const PAGE = 'pages/mine/index';

function meOf(member: ReturnType<typeof aMember> | null) {
  return ok({ member, roles: [], authority: 0, inboxCount: 0 });
}

describe('我的 page', () => {
  it('shows a loading state while me.get is on its way, with one cloud call', () => {
    const callFunction = stubCallFunction(() => new Promise(() => undefined));

    const page = openPage(PAGE);

    expect(textOf(page, '.state-loading')).toBe('加载中…');
    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(callFunction.mock.calls[0][0]).toEqual({ name: 'api', data: { action: 'me.get', payload: {} } });
  });

  it("shows the member's name and branch once loaded", async () => {
    stubApi({ 'me.get': meOf(aMember({ name: '李四', branchName: '掇刀分会' })) });

    const page = openPage(PAGE);
    await settle();

    expect(page.querySelector('.state-loading')).toBeUndefined();
    expect(textOf(page, '.profile-name')).toBe('李四');
    expect(textOf(page, '.profile-branch')).toBe('掇刀分会');
  });

  it('names a member without a branch as belonging to the association directly', async () => {
    stubApi({ 'me.get': meOf(aMember({ branchId: null, branchName: null })) });

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.profile-branch')).toBe('总会直属');
  });

  it('asks a WeChat account that is not bound yet to bind with an invite code', async () => {
    stubApi({ 'me.get': meOf(null) });

    const page = openPage(PAGE);
    await settle();

    expect(page.querySelector('.profile')).toBeUndefined();
    expect(textOf(page, '.state-unbound .state-message')).toBe('请先绑定会员身份');
  });

  it("shows the server's message and a retry button when me.get fails", async () => {
    stubApi({ 'me.get': fail('INTERNAL', '服务暂时不可用') });

    const page = openPage(PAGE);
    await settle();

    expect(textOf(page, '.state-error .state-message')).toBe('服务暂时不可用');
    expect(textOf(page, '.retry')).toBe('重试');
  });

  it('loads again when retry is tapped, and shows the member once it succeeds', async () => {
    const callFunction = stubCallFunction(() => Promise.reject(new Error('cloud.callFunction:fail timeout')));
    const page = openPage(PAGE);
    await settle();
    expect(textOf(page, '.state-error .state-message')).toBe('网络异常，请稍后重试');

    let answer: (value: { result: unknown; errMsg: string }) => void = () => undefined;
    callFunction.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await tap(page, '.retry');
    expect(textOf(page, '.state-loading')).toBe('加载中…');

    answer({ result: meOf(aMember({ name: '王五' })), errMsg: 'cloud.callFunction:ok' });
    await settle();
    expect(callFunction).toHaveBeenCalledTimes(2);
    expect(textOf(page, '.profile-name')).toBe('王五');
  });
});
