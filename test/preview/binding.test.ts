/**
 * 申报 before binding: a visitor is told up front to bind, fills the form and adds a photo anyway,
 * binds with a real invite code the secretariat issued, and is back on 申报 with everything still
 * there; the claim then goes in with its photo.
 */
import type { ApiResult, DataOf } from '../../typings/api';
import { ADMIN_OPENID } from '../../web/harness/demo-cloud';
import { photo } from '../../web/harness/photo';
import { previewSuite } from './support/suite';

const suite = previewSuite();
const VISITOR = 'journey-visitor';
const NOTE = '关于完善社区养老服务的书面建议';

async function api<T>(openid: string, action: string, payload: unknown): Promise<T> {
  const result = (await suite.cloud.cloud.invoke('api', { action, payload }, { openid })) as ApiResult<T>;
  if (!result.ok) throw new Error(`${action}: ${result.error.message}`);
  return result.data;
}

describe('申报 before binding', () => {
  it('keeps what a visitor filled across binding with a real invite code, and submits it', async () => {
    const imported = await api<DataOf<'admin.members.import'>>(ADMIN_OPENID, 'admin.members.import', { rows: [{ name: '邓晓', branch: '东宝分会', tier: 'member' }] });
    const [{ inviteCode }] = imported.members;

    const phone = await suite.open({ as: VISITOR }, 'pages/report/index');
    await phone.sees('请先绑定会员身份');
    await phone.tap('.field-item');
    await phone.tap('.picker__category', '宣传及建议');
    await phone.tap('.picker__item', '书面建言献策');
    await phone.type('.note-input', NOTE);
    await phone.choose('.photo--add', [photo('建议书.png', [230, 220, 200])]);
    await phone.sees('1/9');

    await phone.tap('.bind-notice__button');
    await phone.sees('输入邀请码');
    await phone.type('.code-input', inviteCode);
    await phone.tap('.bind-button');
    await phone.toasted('欢迎，邓晓');

    await phone.sees('已恢复绑定前填写的内容，核对后即可提交');
    expect(await phone.route()).toBe('pages/report/index');
    await phone.sees('书面建言献策', '.field-item');
    expect(await phone.screen.locator('.note-input textarea').inputValue()).toBe(NOTE);
    await phone.screen.locator('.photo__image').first().waitFor();
    await expect(phone.screen.locator('.bind-notice').count()).resolves.toBe(0);

    await phone.tap('.submit');
    await phone.sees('申报已提交');
    const { claims } = await api<DataOf<'claim.mine'>>(VISITOR, 'claim.mine', {});
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ itemName: '书面建言献策', note: NOTE });
    expect(claims[0].evidence).toHaveLength(1);
    expect(await phone.page.evaluate(`localStorage.getItem('jifenzhi:${VISITOR}:report.draft')`)).toBeNull();
  });
});
