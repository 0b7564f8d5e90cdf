/**
 * The secretariat's editor on a household (docs/rules.md H9, H20): each of its people with their own
 * code to copy, and a reset for one bound person that leaves the others bound; no phone or 职务 of
 * its own (those belong to people, H6).
 */
import type { DataOf, DirectoryMember } from '../../typings/api';
import { schemeTerms } from '../../domain/glossary';
import { VILLAGE_SCHEME } from '../../domain/schemes/village';
import { ok, stubApi } from './support/cloud';
import { settle } from './support/load';
import { inside, openPageAt, tapNode, textIn } from './support/page';
import { aDirectoryMember } from './support/records';
import { answerModal, argsOf, restoreWx, stubWx } from './support/wx';

const ZHANG: DirectoryMember = aDirectoryMember({
  _id: 'h1',
  name: '张建国户',
  kind: 'household',
  category: 'general',
  tier: 'general',
  branchId: 'g1',
  branchName: '一组',
  inviteCode: undefined,
  bound: true,
  holders: [
    { name: '张建国', bound: true, inviteCode: 'ZJG22222' },
    { name: '李秀英', bound: true, inviteCode: 'LXY33333' },
    { name: '张小明', bound: false, inviteCode: 'ZXM44444' },
  ],
});

const directory = (): DataOf<'members.list'> => ({ members: [ZHANG], branches: [{ _id: 'g1', name: '一组' }], cursor: null, terms: schemeTerms(VILLAGE_SCHEME) });

let modal: jest.Mock;
let clipboard: jest.Mock;
beforeEach(() => {
  modal = answerModal(true);
  clipboard = stubWx('setClipboardData');
  stubWx('showToast');
  stubWx('stopPullDownRefresh');
});
afterEach(() => restoreWx());

async function openHousehold(answer: DataOf<'admin.members.update'>) {
  const callFunction = stubApi({ 'members.list': ok(directory()), 'admin.members.update': ok(answer) });
  const page = openPageAt('pages/admin/index');
  await settle();
  await tapNode(inside(page, '#members', '.member'));
  const editor = page.querySelector('#members')!.querySelector('.editor-host')!;
  return { callFunction, page, editor };
}

describe('管理 page: a household in the editor', () => {
  it('lists its people with their codes, and no phone, 职务 or whole-household reset', async () => {
    const { editor } = await openHousehold({ member: ZHANG, inviteCode: '' });
    expect(editor.querySelectorAll('.holder__name').map((n) => textIn(n))).toEqual(['张建国', '李秀英', '张小明']);
    expect(textIn(editor.querySelectorAll('.holder__state')[2])).toContain('未绑定微信');
    // Only the bound people have a reset: 张小明 has nothing to reset.
    expect(editor.querySelectorAll('.holder__reset')).toHaveLength(2);
    expect(editor.querySelector('.editor__phone')).toBeUndefined();
    expect(editor.querySelector('.editor__positions')).toBeUndefined();
    expect(editor.querySelector('.editor__reset')).toBeUndefined();
    expect(editor.querySelector('.editor__invite')).toBeUndefined();

    await tapNode(editor.querySelectorAll('.holder__copy')[1]);
    expect(argsOf(clipboard)).toEqual([{ data: '李秀英 LXY33333' }]);
  });

  it('resets 李秀英 alone, after asking, and shows her new code while 张建国 stays bound', async () => {
    // The api answers the household's people without their codes (withPhone), and the reset one's new code.
    const answered = { ...ZHANG, holders: [{ name: '张建国', bound: true }, { name: '李秀英', bound: false }, { name: '张小明', bound: false }] };
    const { callFunction, editor } = await openHousehold({ member: answered, inviteCode: 'NEW55555' });

    await tapNode(editor.querySelectorAll('.holder__reset')[1]);
    await settle();

    expect(argsOf(modal)[0]).toMatchObject({ content: expect.stringContaining('解除 李秀英 当前绑定的微信') });
    const updates = callFunction.mock.calls.map((c) => (c[0] as { data: { action: string; payload: unknown } }).data).filter((e) => e.action === 'admin.members.update');
    expect(updates.map((e) => e.payload)).toEqual([{ memberId: 'h1', patch: { resetHolder: '李秀英' } }]);
    expect(editor.querySelectorAll('.holder__state').map((n) => textIn(n))).toEqual([
      '已绑定微信 · 邀请码 ZJG22222',
      '未绑定微信 · 邀请码 NEW55555',
      '未绑定微信 · 邀请码 ZXM44444',
    ]);
  });
});
