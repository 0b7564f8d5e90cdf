import type { ApiEvent } from '../../typings/api';
import { aMember } from './support/builders';
import { fail, ok, stubApi } from './support/cloud';
import { emit, openPage, settle, tap, textOf } from './support/load';
import { openPageAt } from './support/page';
import { argsOf, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/bind/index';

function bindsOf(callFunction: jest.Mock): ApiEvent<'me.bind'>[] {
  return callFunction.mock.calls.map((c) => (c[0] as { data: ApiEvent<'me.bind'> }).data).filter((e) => e.action === 'me.bind');
}

afterEach(() => restoreWx());

describe('绑定 page', () => {
  it('costs no cloud call to open', async () => {
    const callFunction = stubApi({});

    openPage(PAGE);
    await settle();

    expect(callFunction).not.toHaveBeenCalled();
  });

  it('binds with the invite code as typed, ignoring case and spaces, then starts over at 我的', async () => {
    const callFunction = stubApi({ 'me.bind': ok({ member: aMember({ name: '会员甲' }) }) });
    const reLaunch = stubWx('reLaunch');
    const showToast = stubWx('showToast');
    const page = openPage(PAGE);

    await emit(page, '.code-input', 'change', { value: 'inv m1 xxx' });
    await tap(page, '.bind-button');

    const [bind] = bindsOf(callFunction);
    expect(bind.payload).toEqual({ inviteCode: 'INVM1XXX' });
    expect(bind.requestId).toMatch(/^[0-9a-z]+-[0-9a-z]{16}$/);
    expect(argsOf(showToast)[0]).toMatchObject({ title: '欢迎，会员甲' });
    expect(argsOf(reLaunch)).toEqual([{ url: '/pages/mine/index' }]);
  });

  it('starts over at 申报 when 申报 sent the person here, so its draft is restored there', async () => {
    stubApi({ 'me.bind': ok({ member: aMember({ name: '会员甲' }) }) });
    const reLaunch = stubWx('reLaunch');
    stubWx('showToast');
    const page = openPageAt(PAGE, { from: 'report' });

    await emit(page, '.code-input', 'change', { value: 'INVM1XXX' });
    await tap(page, '.bind-button');

    expect(argsOf(reLaunch)).toEqual([{ url: '/pages/report/index' }]);
  });

  it('ignores a return page that is not a tab page, and starts over at 我的', async () => {
    stubApi({ 'me.bind': ok({ member: aMember({ name: '会员甲' }) }) });
    const reLaunch = stubWx('reLaunch');
    stubWx('showToast');
    const page = openPageAt(PAGE, { from: 'admin' });

    await emit(page, '.code-input', 'change', { value: 'INVM1XXX' });
    await tap(page, '.bind-button');

    expect(argsOf(reLaunch)).toEqual([{ url: '/pages/mine/index' }]);
  });

  it('checks the shape of the code before asking the server', async () => {
    const callFunction = stubApi({});
    const page = openPage(PAGE);

    await emit(page, '.code-input', 'change', { value: 'AB1' });
    await tap(page, '.bind-button');

    expect(textOf(page, '.bind__error')).toBe('邀请码为 6–12 位字母或数字，请核对后重新输入');
    expect(callFunction).not.toHaveBeenCalled();
  });

  it("shows the server's reason when the code is wrong or already used, and stays", async () => {
    stubApi({ 'me.bind': fail('NOT_FOUND', '邀请码无效，请核对后重试') });
    const reLaunch = stubWx('reLaunch');
    const page = openPage(PAGE);

    await emit(page, '.code-input', 'change', { value: 'WRONG1' });
    await tap(page, '.bind-button');

    expect(textOf(page, '.bind__error')).toBe('邀请码无效，请核对后重试');
    expect(reLaunch).not.toHaveBeenCalled();
  });

  it('keeps the button disabled until a code is typed', async () => {
    const callFunction = stubApi({});
    const page = openPage(PAGE);

    await tap(page, '.bind-button');

    expect(callFunction).not.toHaveBeenCalled();
    expect(textOf(page, '.bind__error')).toBeNull();
  });
});
